package io.berth.executor.create;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.ComposeLoader;
import io.berth.model.LoadRequest;
import io.berth.model.spec.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a replacement takes over from the container it replaces, as Compose's buildContainerMountOptions. */
class InheritedVolumesTest {
  @TempDir Path dir;

  private Service db(String volumes) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          db:
            image: postgres
            volumes: %s
        volumes:
          data: {}
        """.formatted(volumes));
    return ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of("COMPOSE_PROJECT_NAME", "p")), w -> {}).service("db");
  }

  @Test
  void theVolumeAtAPathTheImageDeclaresIsTakenOverThoughTheFileSaysNothingOfIt() throws IOException {
    Map<String, String> old = Map.of("/var/lib/postgresql/data", "a".repeat(64));

    assertThat(InheritedVolumes.of(db("[]"), Set.of("/var/lib/postgresql/data"), old))
        .containsExactlyEntriesOf(old);
  }

  @Test
  void theFilesAnonymousVolumesAreTakenOverAndTheOnesNoLongerAnonymousAreNot() throws IOException {
    Map<String, String> old = Map.of("/data", "b".repeat(64), "/gone", "c".repeat(64), "/imgvol", "d".repeat(64));

    // The new image no longer declares /imgvol, the file no longer /gone: both start afresh.
    assertThat(InheritedVolumes.of(db("[/data]"), Set.of(), old)).containsExactlyEntriesOf(Map.of("/data", "b".repeat(64)));
  }

  @Test
  void aPathTheFileMountsSomethingAtTakesWhatTheFileSays() throws IOException {
    Map<String, String> old = Map.of("/var/lib/postgresql/data", "a".repeat(64), "/cache", "e".repeat(64));

    assertThat(InheritedVolumes.of(db("['data:/var/lib/postgresql/data', {type: tmpfs, target: /cache}]"),
        Set.of("/var/lib/postgresql/data", "/cache"), old)).isEmpty();
  }
}
