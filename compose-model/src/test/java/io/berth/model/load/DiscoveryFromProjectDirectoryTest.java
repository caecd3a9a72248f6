package io.berth.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.ComposeLoader;
import io.berth.model.LoadRequest;
import io.berth.model.spec.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --project-directory DIR} with no {@code -f}: the compose file is looked for in DIR, as compose-go does. */
class DiscoveryFromProjectDirectoryTest {
  @TempDir Path dir;

  @Test
  void findsTheFileInTheProjectDirectoryRatherThanTheWorkingDirectory() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  here:\n    image: busybox\n");
    Path sub = Files.createDirectories(dir.resolve("fixtures/app"));
    Files.writeString(sub.resolve("compose.yaml"), "services:\n  app:\n    image: busybox\n");

    Project p = ComposeLoader.load(new LoadRequest(dir, List.of(), Optional.of(Path.of("fixtures/app")), Optional.empty(),
        List.of(), Map.of()), w -> {});

    assertThat(p.services().keySet()).containsExactly("app");
    assertThat(p.name()).isEqualTo("app");
  }
}
