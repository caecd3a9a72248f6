package io.berth.e2e;

import static io.berth.e2e.Checks.assertServiceStatus;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/restart_test.go}. */
@Tag("engine")
class RestartIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestRestart. */
  @Test
  void restart() {
    String project = "e2e-restart";

    // Up a project
    // This is just to ensure the containers do NOT exist
    c.compose("--project-name", project, "down");

    Result res = c.compose("-f", "./fixtures/restart-test/compose.yaml", "--project-name", project, "up", "-d");
    res.assertCombinedContains("Container e2e-restart-restart-1  Started");

    c.waitForComposeResult(r -> r.stdout().contains("\"State\":\"exited\""), Duration.ofSeconds(10),
        "--project-name", project, "ps", "-a", "--format", "json");

    res = c.compose("--project-name", project, "ps", "-a");
    assertServiceStatus(project, "restart", "Exited", res.stdout());

    c.compose("-f", "./fixtures/restart-test/compose.yaml", "--project-name", project, "restart");

    // Give the same time but it must NOT exit
    Cli.sleep(Duration.ofSeconds(1));

    res = c.compose("--project-name", project, "ps");
    assertServiceStatus(project, "restart", "Up", res.stdout());

    // Clean up
    c.compose("--project-name", project, "down");
  }

  /** TestRestartWithDependencies. */
  @Test
  void restartWithDependencies() {
    c.withEnv("COMPOSE_PROJECT_NAME=e2e-restart-deps");
    String baseService = "nginx";
    String depWithRestart = "with-restart";
    String depNoRestart = "no-restart";

    c.compose("-f", "./fixtures/restart-test/compose-depends-on.yaml", "up", "-d");

    Result res = c.compose("restart", baseService);
    res.assertCombinedContains("Container e2e-restart-deps-" + baseService + "-1  Restarting",
        "Container e2e-restart-deps-" + baseService + "-1  Healthy",
        "Container e2e-restart-deps-" + depWithRestart + "-1  Started");
    res.assertCombinedLacks(depNoRestart);

    res = c.composeWithEnv(java.util.Map.of("LABEL", "recreate"), "-f", "./fixtures/restart-test/compose-depends-on.yaml",
        "up", "-d").assertSuccess();
    res.assertCombinedContains("Container e2e-restart-deps-" + depWithRestart + "-1  Stopped",
        "Container e2e-restart-deps-" + baseService + "-1  Recreated",
        "Container e2e-restart-deps-" + baseService + "-1  Healthy",
        "Container e2e-restart-deps-" + depWithRestart + "-1  Started",
        "Container e2e-restart-deps-" + depNoRestart + "-1  Running");
  }

  /** TestRestartWithProfiles. */
  @Test
  void restartWithProfiles() {
    c.withEnv("COMPOSE_PROJECT_NAME=e2e-restart-profiles");
    c.compose("-f", "./fixtures/restart-test/compose.yaml", "--profile", "test", "up", "-d");

    Result res = c.compose("restart", "test");
    res.assertCombinedContains("Container e2e-restart-profiles-test-1  Started");
  }
}
