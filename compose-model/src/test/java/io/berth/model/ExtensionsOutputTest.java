package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.spec.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** x-* keys are kept and printed as docker compose prints them: at the end, sorted, in YAML; only top-level ones in JSON. */
class ExtensionsOutputTest {
  @TempDir Path dir;

  @Test
  void extensionsArePrintedWhereComposePrintsThem() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), """
        x-common: &common
          image: busybox:stable
          restart: always
        x-version: 3
        services:
          web:
            <<: *common
            x-port: 80
            x-note: "hello $$HOME"
        """);
    Project p = ComposeLoader.load(new LoadRequest(dir, java.util.List.of(), java.util.Optional.empty(),
        java.util.Optional.of("demo"), java.util.List.of(), Map.of()), w -> {});

    assertThat(ConfigWriter.yaml(p)).isEqualTo("""
        name: demo
        services:
          web:
            image: busybox:stable
            networks:
              default: null
            restart: always
            x-note: hello $$HOME
            x-port: 80
        networks:
          default:
            name: demo_default
        x-common:
          image: busybox:stable
          restart: always
        x-version: 3
        """);
    assertThat(ConfigWriter.json(p)).contains("\"x-common\": {", "\"x-version\": 3").doesNotContain("x-port");
    assertThat(p.service("web").extras().extensions()).containsEntry("x-port", 80L).containsEntry("x-note", "hello $HOME");
  }
}
