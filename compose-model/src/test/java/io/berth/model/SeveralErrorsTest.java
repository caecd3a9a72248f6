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
  @Test
  void everyBrokenAttributeOfOneServiceIsReported() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: nginx
            ports: ["80:eighty"]
            restart: sometimes
            healthcheck:
              interval: soon
        """);

    ComposeModelErrors e = catchThrowableOfType(ComposeModelErrors.class,
        () -> ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}));

    assertThat(e.errors()).extracting(x -> x.pos().line()).containsExactly(4, 5, 7);
    assertThat(e.errors().get(0).path()).startsWith("services.web.ports");
    assertThat(e.errors().get(1).path()).isEqualTo("services.web.restart");
    assertThat(e.errors().get(2).path()).isEqualTo("services.web.healthcheck.interval");
  }

  @Test
  void everyUnknownKeyOfTheMergedModelIsReportedBeforeAnyValueIsRead() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: nginx
            colour: blue
            restart: sometimes
            size: xl
          db:
            imagee: postgres
        networks:
          front:
            mode: fast
        """);

    ComposeModelErrors e = catchThrowableOfType(ComposeModelErrors.class,
        () -> ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}));

    assertThat(e.errors()).extracting(x -> x.pos().line()).containsExactly(4, 6, 8, 11);
    assertThat(e.errors()).allMatch(x -> x.getMessage().contains("is not allowed"));
  }

  @Test
  void aRemovedAttributeDoesNotCauseAnErrorOfItsOwn() throws Exception {
    // Without its broken image the service has "neither an image nor a build context": not reported.
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: [a]\n    restart: sometimes\n");

    ComposeModelErrors e = catchThrowableOfType(ComposeModelErrors.class,
        () -> ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}));

    assertThat(e.errors()).extracting(ComposeModelException::path).containsExactly("services.web.image", "services.web.restart");
  }

  @Test
  void brokenNetworksVolumesSecretsAndServicesAreReportedTogetherInLineOrder() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: nginx
            restart: sometimes
        networks:
          front:
            driver: [bridge]
        volumes:
          data:
            name: [red]
        secrets:
          token: {}
        """);

    ComposeModelErrors e = catchThrowableOfType(ComposeModelErrors.class,
        () -> ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}));

    assertThat(e.errors()).extracting(x -> x.pos().line()).containsExactly(4, 7, 10, 12);
  }

  @Test
  void everyUnsetRequiredVariableIsReported() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: ${IMAGE:?set IMAGE}
            environment:
              TOKEN: ${TOKEN:?set TOKEN}
        """);

    ComposeModelErrors e = catchThrowableOfType(ComposeModelErrors.class,
        () -> ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}));

    assertThat(e.errors()).extracting(x -> x.pos().line()).containsExactly(3, 5);
    assertThat(e.getMessage()).contains("set IMAGE").contains("set TOKEN");
  }
}
