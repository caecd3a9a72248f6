package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream {@code pkg/e2e/up_test.go}: dependencies and lifecycle. (TestUpWithAllResources and
 * TestUpProfile are ported in a class of their own.)
 */
@Tag("engine")
class UpIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestUpServiceUnhealthy. */
  @Test
  void upServiceUnhealthy() {
    String project = "e2e-start-fail";
    Result res = c.composeNoCheck("-f", "fixtures/start-fail/compose.yaml", "--project-name", project, "up", "-d");
    res.assertExitCode(1).assertErrContains("container e2e-start-fail-fail-1 is unhealthy");
    // Ours: Compose's sentence, and no plan id in what the user reads.
    res.assertErrContains("dependency failed to start: container e2e-start-fail-fail-1 is unhealthy")
        .assertCombinedLacks("service:");

    c.compose("--project-name", project, "down");
  }

  /** TestUpDependenciesNotStopped. */
  @Test
  void upDependenciesNotStopped() {
    c.withEnv("COMPOSE_PROJECT_NAME=up-deps-stop");
    c.composeNoCheck("down", "-t=0", "--remove-orphans", "-v");

    // Launching orphan container (background)
    c.compose("-f=./fixtures/ups-deps-stop/orphan.yaml", "up", "--wait", "--detach", "orphan");
    requireServiceState(c, "orphan", "running");

    // Launching app container with implicit dependency
    Background up = c.composeInBackground("-f=./fixtures/ups-deps-stop/compose.yaml", "up", "--menu=false", "app");

    // Waiting for containers to be in running state
    up.awaitOutput("hello app", Duration.ofSeconds(15));
    requireServiceState(c, "app", "running");
    requireServiceState(c, "dependency", "running");

    // Simulating Ctrl-C
    up.interrupt();

    // Waiting for `compose up` to exit
    Result res = up.awaitResult(Duration.ofSeconds(15));
    if (res.exitCode() != 0) {
      res.assertExitCode(130);
    }

    requireServiceState(c, "app", "exited");
    // dependency should still be running
    requireServiceState(c, "dependency", "running");
    requireServiceState(c, "orphan", "running");
  }

  /** TestUpWithBuildDependencies. */
  @Test
  void upWithBuildDependencies() {
    // up with service using image build by an another service
    // ensure local test run does not reuse previously build image
    c.dockerNoCheck("rmi", "built-image-dependency");
    try {
      Result res = c.compose("--project-directory", "fixtures/dependencies",
          "-f", "fixtures/dependencies/service-image-depends-on.yaml", "up", "-d");
      res.assertSuccess();
    } finally {
      c.compose("--project-directory", "fixtures/dependencies",
          "-f", "fixtures/dependencies/service-image-depends-on.yaml", "down", "--rmi", "all");
    }
  }

  /** TestUpWithDependencyExit. */
  @Test
  void upWithDependencyExit() {
    // up with dependency to exit before being healthy
    try {
      Result res = c.composeNoCheck("--project-directory", "fixtures/dependencies",
          "-f", "fixtures/dependencies/dependency-exit.yaml", "up", "-d");
      res.assertExitCode(1).assertErrContains("dependency failed to start: container dependencies-db-1 exited (1)");
      res.assertCombinedLacks("service:");
    } finally {
      c.compose("--project-name", "dependencies", "down");
    }
  }

  /** TestScaleDoesntRecreate. */
  @Test
  void scaleDoesntRecreate() {
    String project = "compose-e2e-scale";
    c.compose("-f", "fixtures/simple-composefile/compose.yaml", "--project-name", project, "up", "-d");

    Result res = c.compose("-f", "fixtures/simple-composefile/compose.yaml", "--project-name", project, "up", "--scale",
        "simple=2", "-d");
    res.assertCombinedLacks("Recreated");

    c.compose("--project-name", project, "down");
  }

  /** TestUpWithDependencyNotRequired. */
  @Test
  void upWithDependencyNotRequired() {
    String project = "compose-e2e-dependency-not-required";
    Result res = c.compose("-f", "./fixtures/dependencies/deps-not-required.yaml", "--project-name", project,
        "--profile", "not-required", "up", "-d");
    res.assertCombinedContains("foo", " optional dependency \"bar\" failed to start");
    // Compose's progress line for the skipped dependency.
    res.assertCombinedContains("Container compose-e2e-dependency-not-required-bar-1  Skipped: optional dependency \"bar\" failed to start");
    c.compose("--project-name", project, "down");
  }

  /** TestUpImageID. */
  @Test
  void upImageID() {
    String project = "compose-e2e-up-image-id";
    String digest = c.docker("image", "inspect", "alpine", "-f", "{{ .ID }}").stdout().strip();
    String id = digest.substring(digest.indexOf(':') + 1);

    c.composeWithEnv(Map.of("ID", id), "-f", "./fixtures/simple-composefile/id.yaml", "--project-name", project, "up")
        .assertSuccess();
    c.compose("--project-name", project, "down", "-v");
  }

  /** Upstream's RequireServiceState: {@code ps --all --format=json SERVICE} shows it in {@code state}. */
  static void requireServiceState(Cli c, String service, String state) {
    Result ps = c.compose("ps", "--all", "--format=json", service);
    try {
      JsonNode svc = new ObjectMapper().readTree(ps.stdout());
      assertThat(svc.path("Service").asText()).as("ps output for %s%n%s", service, ps.combined()).isEqualTo(service);
      assertThat(svc.path("State").asText().toLowerCase()).as("state of %s%n%s", service, ps.combined())
          .isEqualTo(state.toLowerCase());
    } catch (java.io.IOException e) {
      throw new AssertionError("Invalid `compose ps` JSON: " + ps.combined(), e);
    }
  }
}
