package io.berth.executor.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingEngineTest {
  @TempDir Path dir;

  @Test
  void aFailureToConnectIsReportedWhenTakenAsConnectingAtOnceReportsIt() {
    String host = "unix://" + dir.resolve("no-engine.sock");
    PendingEngine pending = PendingEngine.connect(Map.of("DOCKER_HOST", host));

    assertThatThrownBy(pending::take)
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageStartingWith("Cannot connect to the Docker daemon at " + host + ". Is the docker daemon running?");
    assertThatThrownBy(() -> Engine.connect(Map.of("DOCKER_HOST", host)))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageStartingWith("Cannot connect to the Docker daemon at " + host + ". Is the docker daemon running?");
  }

  @Test
  void aConnectionIsTakenOnce() {
    PendingEngine pending = PendingEngine.connect(Map.of("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock")));
    assertThatThrownBy(pending::take).isInstanceOf(EngineUnavailableException.class);

    assertThatThrownBy(pending::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("taken already");
  }

  @Test
  void oneNeverTakenClosesQuietlyWhateverCameOfIt() {
    PendingEngine failed = PendingEngine.connect(Map.of("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock")));
    failed.close();
    failed.close();

    assertThatThrownBy(failed::take).isInstanceOf(IllegalStateException.class);
  }
}
