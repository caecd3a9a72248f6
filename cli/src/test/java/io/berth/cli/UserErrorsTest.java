package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's mistake ends in one line naming the file, line and column, a non-zero exit, and no
 * stack trace. These fail before the Engine is contacted, so they need none; the Engine-backed
 * suite checks that they create nothing there.
 */
class UserErrorsTest {
  @TempDir Path dir;

  private BerthRunner.Result upWith(String yaml) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), yaml);
    // An Engine address that cannot answer: a model error must be reported before any Engine call.
    return new BerthRunner(dir).env("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock")).run("up", "-d");
  }

  private void assertOneLineError(BerthRunner.Result r, String... fragments) {
    assertThat(r.code()).as(r.toString()).isNotZero();
    assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
    assertThat(r.err()).as(r.toString()).contains(fragments).doesNotContain("Exception", "\tat ");
  }

  @Test
  void malformedYamlNamesFileLineAndColumn() throws IOException {
    BerthRunner.Result r = upWith("services:\n  web:\n    image: busybox\n   bad: [\n");
    assertOneLineError(r, dir.resolve("compose.yaml") + ":");
    assertThat(r.err()).containsPattern("compose\\.yaml:\\d+:\\d+: ");
  }

  @Test
  void unknownServiceKeyIsPointedAt() throws IOException {
    BerthRunner.Result r = upWith("services:\n  web:\n    image: busybox\n    imagee: busybox\n");
    assertOneLineError(r, "compose.yaml:4:5", "imagee");
  }

  @Test
  void portThatIsNotAPortIsPointedAt() throws IOException {
    BerthRunner.Result r = upWith("services:\n  web:\n    image: busybox\n    ports:\n      - \"80:http\"\n");
    assertOneLineError(r, "compose.yaml:5:9", "ports");
  }

  @Test
  void dependsOnAMissingServiceIsPointedAt() throws IOException {
    BerthRunner.Result r = upWith("services:\n  web:\n    image: busybox\n    depends_on: [nope]\n");
    assertOneLineError(r, "compose.yaml:", "depends on undefined service \"nope\"");
  }

  @Test
  void dependencyCycleNamesTheCycle() throws IOException {
    BerthRunner.Result r = upWith("""
        services:
          a:
            image: busybox
            depends_on: [b]
          b:
            image: busybox
            depends_on: [a]
        """);
    assertOneLineError(r, "compose.yaml:", "dependency cycle detected: a -> b -> a");
  }

  @Test
  void noComposeFileNamesTheDirectoryAndTheNamesSearched() {
    BerthRunner.Result r = new BerthRunner(dir).env("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock")).run("up", "-d");
    assertOneLineError(r, "compose.yaml", "docker-compose.yml");
  }

  @Test
  void unreachableEngineIsNamedWithoutAStackTrace() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n");
    String host = "unix://" + dir.resolve("no-engine.sock");

    BerthRunner.Result r = new BerthRunner(dir).env("DOCKER_HOST", host).run("ps");

    assertOneLineError(r, "Cannot connect to the Docker daemon at " + host);
  }

  @Test
  void unknownCommandIsAUsageError() {
    BerthRunner.Result r = new BerthRunner(dir).run("frobnicate");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
  }
}
