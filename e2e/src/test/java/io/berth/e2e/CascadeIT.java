package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/cascade_test.go}. */
@Tag("engine")
class CascadeIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestCascadeStop. */
  @Test
  void cascadeStop() {
    String project = "compose-e2e-cascade-stop";
    Result res = c.compose("-f", "./fixtures/cascade/compose.yaml", "--project-name", project, "up", "--abort-on-container-exit");
    res.assertCombinedContains("exit-1 exited with code 0");
    // no --exit-code-from, so this is not an error
    assertThat(res.exitCode()).isZero();
    // Compose stops the others and says so.
    res.assertErrContains("Aborting on container exit...", "Container compose-e2e-cascade-stop-running-1  Stopped");
    c.compose("--project-name", project, "down");
  }

  /** TestCascadeIgnoresOneOffContainer. */
  @Test
  void cascadeIgnoresOneOffContainer() {
    String project = "compose-e2e-cascade-oneoff";
    c.withEnv("COMPOSE_PROJECT_NAME=" + project);
    Background up = c.composeInBackground("-f", "./fixtures/cascade/compose.yaml", "up", "--abort-on-container-exit",
        "--menu=false", "running");
    Cli.waitForCondition(() -> up.stdout().contains("Attaching to running-1"), Duration.ofSeconds(30), "Attaching to running-1");

    c.compose("-f", "./fixtures/cascade/compose.yaml", "run", "--rm", "--no-deps", "running", "/bin/true");

    Cli.sleep(Duration.ofSeconds(3));
    assertThat(up.combined()).doesNotContain("Aborting on container exit");
    c.compose("ps", "--format", "{{.State}}", "running").assertOutContains("running");
    up.close();
    c.compose("down", "-t", "0");
  }

  /** TestCascadeFail. */
  @Test
  void cascadeFail() {
    String project = "compose-e2e-cascade-fail";
    Result res = c.composeNoCheck("-f", "./fixtures/cascade/compose.yaml", "--project-name", project,
        "up", "--abort-on-container-failure");
    res.assertCombinedContains("exit-1 exited with code 0", "fail-1 exited with code 111");
    // failing exit code should be propagated
    res.assertExitCode(111);
    c.compose("--project-name", project, "down");
  }
}
