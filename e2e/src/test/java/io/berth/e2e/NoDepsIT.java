package io.berth.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/noDeps_test.go}. */
@Tag("engine")
class NoDepsIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestNoDepsVolumeFrom. */
  @Test
  void noDepsVolumeFrom() {
    String project = "e2e-no-deps-volume-from";
    c.compose("-f", "fixtures/no-deps/volume-from.yaml", "--project-name", project, "up", "-d");
    c.compose("-f", "fixtures/no-deps/volume-from.yaml", "--project-name", project, "up", "--no-deps", "-d", "app");
    c.docker("rm", "-f", project + "-db-1");

    Result res = c.composeNoCheck("-f", "fixtures/no-deps/volume-from.yaml", "--project-name", project, "up", "--no-deps",
        "-d", "app");
    res.assertExitCode(1).assertErrContains("cannot share volume with service db: container missing");
    c.compose("--project-name", project, "down");
  }

  /** TestNoDepsNetworkMode. */
  @Test
  void noDepsNetworkMode() {
    String project = "e2e-no-deps-network-mode";
    c.compose("-f", "fixtures/no-deps/network-mode.yaml", "--project-name", project, "up", "-d");
    c.compose("-f", "fixtures/no-deps/network-mode.yaml", "--project-name", project, "up", "--no-deps", "-d", "app");
    c.docker("rm", "-f", project + "-db-1");

    Result res = c.composeNoCheck("-f", "fixtures/no-deps/network-mode.yaml", "--project-name", project, "up", "--no-deps",
        "-d", "app");
    res.assertExitCode(1).assertErrContains("cannot share network namespace with service db: container missing");
    c.compose("--project-name", project, "down");
  }
}
