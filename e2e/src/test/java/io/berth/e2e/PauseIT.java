package io.berth.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/pause_test.go} (TestPause itself is not ported yet). */
@Tag("engine")
class PauseIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestPauseServiceNotRunning. */
  @Test
  void pauseServiceNotRunning() {
    c.withEnv("COMPOSE_PROJECT_NAME=e2e-pause-svc-not-running", "COMPOSE_FILE=./fixtures/pause/compose.yaml");
    c.compose("down", "-v", "--remove-orphans", "-t", "0");
    c.composeNoCheck("pause", "a").assertExitCode(0);
  }

}
