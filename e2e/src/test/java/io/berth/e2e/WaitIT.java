package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/wait_test.go}. */
@Tag("engine")
class WaitIT {
  @RegisterExtension final Cli c = new Cli();

  private void cleanup(String project) {
    c.compose("--project-name", project, "down", "--timeout=0", "--remove-orphans");
  }

  /** TestWaitOnFaster. */
  @Test
  void waitOnFaster() {
    String project = "e2e-wait-faster";
    cleanup(project);
    c.compose("-f", "./fixtures/wait/compose.yaml", "--project-name", project, "up", "-d");
    c.compose("--project-name", project, "wait", "faster");
    cleanup(project);
  }

  /** TestWaitOnSlower. */
  @Test
  void waitOnSlower() {
    String project = "e2e-wait-slower";
    cleanup(project);
    c.compose("-f", "./fixtures/wait/compose.yaml", "--project-name", project, "up", "-d");
    c.compose("--project-name", project, "wait", "slower");
    cleanup(project);
  }

  /** TestWaitOnInfinity. */
  @Test
  void waitOnInfinity() {
    String project = "e2e-wait-infinity";
    cleanup(project);
    c.compose("-f", "./fixtures/wait/compose.yaml", "--project-name", project, "up", "-d");

    Background wait = c.composeInBackground("--project-name", project, "wait", "infinity");
    Cli.sleep(Duration.ofSeconds(7));
    assertThat(wait.isAlive()).as("wait infinity should not finish; printed:%n%s", wait.combined()).isTrue();
    wait.close();
    cleanup(project);
  }

  /** TestWaitAndDrop. */
  @Test
  void waitAndDrop() {
    String project = "e2e-wait-and-drop";
    cleanup(project);
    c.compose("-f", "./fixtures/wait/compose.yaml", "--project-name", project, "up", "-d");
    c.compose("--project-name", project, "wait", "--down-project", "faster");

    Result res = c.docker("ps", "--all");
    res.assertCombinedLacks(project);
  }
}
