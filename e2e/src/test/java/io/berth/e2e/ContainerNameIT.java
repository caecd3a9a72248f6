package io.berth.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/container_name_test.go}. */
@Tag("engine")
class ContainerNameIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestUpContainerNameConflict. */
  @Test
  void upContainerNameConflict() {
    String project = "e2e-container_name_conflict";
    Result res = c.composeNoCheck("-f", "fixtures/container_name/compose.yaml", "--project-name", project, "up");
    res.assertExitCode(1).assertErrContains("container name \"test\" is already in use");

    c.compose("--project-name", project, "down");
    c.compose("-f", "fixtures/container_name/compose.yaml", "--project-name", project, "up", "test");
    c.compose("--project-name", project, "down");
    c.compose("-f", "fixtures/container_name/compose.yaml", "--project-name", project, "up", "another_test");
  }
}
