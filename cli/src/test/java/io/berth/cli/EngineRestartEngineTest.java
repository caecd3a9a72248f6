package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Restart policies across a restart of the Engine itself: berth only writes the policy, the
 * Engine brings back {@code always} and {@code unless-stopped} containers that were running, and
 * leaves {@code no} and a container the user stopped alone. The Engine restarted is the one
 * {@code scripts/engine.sh} started (as in CI); an Engine started otherwise is never touched, so
 * there the test is skipped, and fails under CI.
 */
class EngineRestartEngineTest extends EngineStackTest {
  private static final Path ENGINE_SCRIPT = Path.of("..", "scripts", "engine.sh").toAbsolutePath().normalize();
  private static final Path STARTED_BY_SCRIPT = Path.of(System.getenv().getOrDefault("BERTH_ENGINE_STATE", "/var/run/berth-engine"),
      "dockerd.pid");
  private static final String WAITS_FOR_TERM = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"]";

  @Test
  void alwaysAndUnlessStoppedComeBackAfterTheEngineRestartsNoAndAStoppedOneDoNot() throws Exception {
    requireEngineStartedByScript();
    stack.write0("compose.yaml", """
        services:
          keep:
            image: ${IMAGE}
            command: %1$s
            restart: unless-stopped
          always:
            image: ${IMAGE}
            command: %1$s
            restart: always
          once:
            image: ${IMAGE}
            command: %1$s
            restart: "no"
          stopped:
            image: ${IMAGE}
            command: %1$s
            restart: unless-stopped
        """.formatted(WAITS_FOR_TERM));
    stack.ok("up", "-d");
    stack.ok("stop", "stopped");
    Instant beforeRestart = Instant.now();

    restartEngine();

    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline) && !(running("keep") && running("always"))) {
      Thread.sleep(200);
    }
    assertThat(running("keep")).as("unless-stopped, running before").isTrue();
    assertThat(running("always")).as("always").isTrue();
    assertThat(Instant.parse(stack.inspect("keep").getState().getStartedAt())).isAfter(beforeRestart);
    assertThat(running("once")).as("no").isFalse();
    assertThat(running("stopped")).as("unless-stopped, stopped by the user").isFalse();
    assertThat(stack.ok("ps", "--status", "running", "--services").out().lines()).containsExactlyInAnyOrder("keep", "always");
  }

  private boolean running(String service) {
    try {
      return Boolean.TRUE.equals(stack.inspect(service).getState().getRunning());
    } catch (RuntimeException e) {
      return false; // the Engine is still coming back
    }
  }

  private static void requireEngineStartedByScript() {
    if (Files.exists(STARTED_BY_SCRIPT)) {
      return;
    }
    String message = "the Engine was not started by scripts/engine.sh, and a test never restarts one it did not start";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(message + ". CI=true: this test must run, not be skipped.");
    }
    Assumptions.abort(message);
  }

  private static void restartEngine() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", ENGINE_SCRIPT.toString(), "restart").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("engine.sh restart finished").isTrue();
    assertThat(p.exitValue()).as("engine.sh restart: " + output).isZero();
  }
}
