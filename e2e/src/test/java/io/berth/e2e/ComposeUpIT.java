package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/compose_up_test.go}. */
@Tag("engine")
class ComposeUpIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestUpWait. */
  @Test
  void upWait() {
    String project = "e2e-deps-wait";
    long start = System.nanoTime();
    Result res = c.compose("-f", "fixtures/dependencies/deps-completed-successfully.yaml", "--project-name", project,
        "up", "--wait", "-d");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("up --wait time").isLessThan(Duration.ofSeconds(30));
    res.assertCombinedContains("e2e-deps-wait-oneshot-1");
    c.compose("--project-name", project, "down");
  }

  /** TestUpExitCodeFrom. */
  @Test
  void upExitCodeFrom() {
    String project = "e2e-exit-code-from";
    c.composeNoCheck("-f", "fixtures/start-fail/start-depends_on-long-lived.yaml", "--project-name", project, "up",
        "--menu=false", "--exit-code-from=failure", "failure").assertExitCode(42);
    c.compose("--project-name", project, "down", "--remove-orphans");
  }

  /** TestUpExitCodeFromContainerKilled. */
  @Test
  void upExitCodeFromContainerKilled() {
    String project = "e2e-exit-code-from-kill";
    c.composeNoCheck("-f", "fixtures/start-fail/start-depends_on-long-lived.yaml", "--project-name", project, "up",
        "--menu=false", "--exit-code-from=test").assertExitCode(143);
    c.compose("--project-name", project, "down", "--remove-orphans");
  }

  /** TestPortRange. */
  @Test
  void portRange() {
    String project = "e2e-port-range";
    c.compose("--project-name", project, "down", "--remove-orphans", "--timeout=0");
    c.composeNoCheck("-f", "fixtures/port-range/compose.yaml", "--project-name", project, "up", "-d").assertSuccess();
    c.compose("--project-name", project, "down", "--remove-orphans", "--timeout=0");
  }

  /** TestStdoutStderr. */
  @Test
  void stdoutStderr() {
    String project = "e2e-stdout-stderr";
    Result res = c.composeNoCheck("-f", "fixtures/stdout-stderr/compose.yaml", "--project-name", project, "up", "--menu=false");
    res.assertSuccess().assertOutContains("log to stdout").assertErrContains("log to stderr");
    // Each line on its own stream only, as Compose's log consumer writes them.
    assertThat(res.stdout()).doesNotContain("log to stderr");
    assertThat(res.stderr()).doesNotContain("log to stdout");
    c.compose("--project-name", project, "down", "--remove-orphans");
  }
}
