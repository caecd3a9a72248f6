package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.model.diag.ComposeModelErrors;
import io.berth.model.diag.ComposeModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file with mistakes in several services gets them all reported in one run, each with its position. */
class SeveralErrorsTest {
  @TempDir Path dir;

  @Test
  void everyBrokenServiceIsReportedInFileOrder() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: nginx
            ports: ["80:eighty"]
          ok:
            image: nginx
          db:
            image: postgres
            restart: sometimes
        """);

    ComposeModelErrors e = catchThrowableOfType(ComposeModelErrors.class,
        () -> ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}));

    assertThat(e.errors()).hasSize(2);
    assertThat(e.getMessage().lines()).hasSize(2);
    assertThat(e.errors().get(0).path()).startsWith("services.web.ports");
    assertThat(e.errors().get(0).pos().line()).isEqualTo(4);
    assertThat(e.errors().get(1).path()).isEqualTo("services.db.restart");
    assertThat(e.errors().get(1).pos().line()).isEqualTo(9);
    assertThat(e.pos()).isEqualTo(e.errors().get(0).pos());
  }

  @Test
  void aSingleMistakeIsReportedAsItself() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  db:\n    image: postgres\n    restart: sometimes\n");

    ComposeModelException e = catchThrowableOfType(ComposeModelException.class,
        () -> ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}));

    assertThat(e).isNotInstanceOf(ComposeModelErrors.class);
    assertThat(e.getMessage()).contains("compose.yaml:4:").contains("services.db.restart").doesNotContain("\n");
  }

  @Test
  void aLongListIsCutWithACount() throws Exception {
    StringBuilder yaml = new StringBuilder("services:\n");
    for (int i = 0; i < 25; i++) {
      yaml.append("  s").append(i).append(":\n    image: x\n    restart: sometimes\n");
    }
    Files.writeString(dir.resolve("compose.yaml"), yaml);

    ComposeModelErrors e = catchThrowableOfType(ComposeModelErrors.class,
        () -> ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}));

    assertThat(e.errors()).hasSize(25);
    assertThat(e.getMessage().lines()).hasSize(21).last().isEqualTo("... and 5 more errors");
  }
}
