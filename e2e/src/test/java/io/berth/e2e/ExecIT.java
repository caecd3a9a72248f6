package io.berth.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/exec_test.go}. */
@Tag("engine")
class ExecIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestExec. */
  @Test
  void exec() {
    String project = "e2e-exec";
    c.compose("--project-name", project, "down", "--timeout=0", "--remove-orphans");

    c.compose("-f", "./fixtures/exec/compose.yaml", "--project-name", project, "run", "-d", "test", "cat");

    Result res = c.composeNoCheck("--project-name", project, "exec", "--index=1", "test", "ps");
    res.assertExitCode(1).assertErrContains("service \"test\" is not running container #1");

    // the one-off container is selected
    res = c.compose("--project-name", project, "exec", "test", "ps");
    res.assertOutContains("cat");

    c.compose("-f", "./fixtures/exec/compose.yaml", "--project-name", project, "up", "-d");

    // the service's container is selected
    res = c.compose("--project-name", project, "exec", "test", "ps");
    res.assertOutContains("tail");

    c.compose("--project-name", project, "down", "--timeout=0", "--remove-orphans");
  }
}
