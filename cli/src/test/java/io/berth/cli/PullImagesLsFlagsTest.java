package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The values of {@code pull --policy}, {@code images --format} and {@code ls --filter} that are
 * refused: one line, a non-zero exit, and no Engine call (the Engine address here cannot answer).
 */
class PullImagesLsFlagsTest {
  @TempDir Path dir;

  @BeforeEach
  void writeProject() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: busybox
        """);
  }

  private BerthRunner.Result berth(String... args) {
    return new BerthRunner(dir).env("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock")).run(args);
  }

  private void assertRefused(String expected, String... args) {
    BerthRunner.Result r = berth(args);
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err().strip()).as(r.toString()).isEqualTo(expected);
  }

  @Test
  void pullRefusesAPolicyThatIsNoPullPolicy() {
    assertRefused("invalid --policy option \"sometimes\" (accepted: missing, always)", "pull", "--policy", "sometimes");
    assertRefused("invalid --policy option \"every_soon\" (accepted: missing, always)", "pull", "--policy", "every_soon");
  }

  @Test
  void imagesRefusesAFormatComposeCannotParse() {
    assertRefused("format value \"xml\" could not be parsed: parsing failed", "images", "--format", "xml");
  }

  @Test
  void lsRefusesAFilterOtherThanName() {
    assertRefused("invalid filter 'status'", "ls", "--filter", "status=running");
    assertRefused("invalid filter 'label'", "ls", "--filter", "name=web", "--filter", " Label =x");
    assertRefused("invalid argument \"web\" for \"--filter\" flag: bad format of filter (expected name=value)",
        "ls", "--filter", "web");
  }
}
