package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.spec.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Top-level secrets and configs keep their name, labels and external flag, and config prints them. */
class FileObjectsTest {
  @TempDir Path dir;

  @Test
  void nameLabelsAndExternalAreKeptAndPrinted() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          app:
            image: app
            secrets: [token, shared]
        secrets:
          token:
            file: ./token.txt
            name: team-token
            labels: {tier: gold}
          shared:
            external: true
        """);
    Project p = ComposeLoader.load(new LoadRequest(dir, List.of(), Optional.empty(), Optional.of("demo"), List.of(), Map.of()),
        w -> {});

    assertThat(p.secrets().get("shared").external()).isTrue();
    assertThat(ConfigWriter.yaml(p)).endsWith("""
        secrets:
          shared:
            name: shared
            external: true
          token:
            name: team-token
            file: %s
            labels:
              tier: gold
        """.formatted(dir.resolve("token.txt")));
  }
}
