package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream {@code pkg/e2e/scale_test.go}. Upstream's cleanup is {@code down --rmi all}; here the
 * scenarios whose services run the shared {@code nginx:alpine} stand-in take their project down
 * without {@code --rmi} (the Cli does, after each scenario), as other scenarios use that image.
 */
@Tag("engine")
class ScaleIT {
  private static final String NO_STATE_TO_CHECK = "";

  @RegisterExtension final Cli c = new Cli();

  /** TestScaleBasicCases. */
  @Test
  void scaleBasicCases() {
    c.withEnv("COMPOSE_PROJECT_NAME=scale-basic-tests");
    c.compose("--project-directory", "fixtures/scale", "up", "-d").assertSuccess();

    // scale up one service
    String out = c.compose("--project-directory", "fixtures/scale", "scale", "dbadmin=2").combined();
    checkServiceContainer(out, "scale-basic-tests-dbadmin", "Started", 2);

    // scale up 2 services
    out = c.compose("--project-directory", "fixtures/scale", "scale", "front=3", "back=2").combined();
    checkServiceContainer(out, "scale-basic-tests-front", "Running", 2);
    checkServiceContainer(out, "scale-basic-tests-front", "Started", 1);
    checkServiceContainer(out, "scale-basic-tests-back", "Running", 1);
    checkServiceContainer(out, "scale-basic-tests-back", "Started", 1);

    // scale down one service
    out = c.compose("--project-directory", "fixtures/scale", "scale", "dbadmin=1").combined();
    checkServiceContainer(out, "scale-basic-tests-dbadmin", "Running", 1);

    // scale to 0 a service
    Result res = c.compose("--project-directory", "fixtures/scale", "scale", "dbadmin=0");
    assertThat(res.stdout()).as(res.describe()).isEmpty();

    // scale down 2 services
    res = c.compose("--project-directory", "fixtures/scale", "scale", "front=2", "back=1");
    out = res.combined();
    checkServiceContainer(out, "scale-basic-tests-front", "Running", 2);
    res.assertCombinedLacks("Container scale-basic-tests-front-3  Running");
    checkServiceContainer(out, "scale-basic-tests-back", "Running", 1);
  }

  /** TestScaleWithDepsCases. */
  @Test
  void scaleWithDepsCases() {
    c.withEnv("COMPOSE_PROJECT_NAME=scale-deps-tests");
    c.compose("--project-directory", "fixtures/scale", "up", "-d", "--scale", "db=2");

    Result res = c.compose("ps");
    checkServiceContainer(res.combined(), "scale-deps-tests-db", NO_STATE_TO_CHECK, 2);

    // scale up 1 service with --no-deps
    c.compose("--project-directory", "fixtures/scale", "scale", "--no-deps", "back=2");
    res = c.compose("ps");
    checkServiceContainer(res.combined(), "scale-deps-tests-back", NO_STATE_TO_CHECK, 2);
    checkServiceContainer(res.combined(), "scale-deps-tests-db", NO_STATE_TO_CHECK, 2);

    // scale up 1 service without --no-deps
    c.compose("--project-directory", "fixtures/scale", "scale", "back=2");
    res = c.compose("ps");
    checkServiceContainer(res.combined(), "scale-deps-tests-back", NO_STATE_TO_CHECK, 2);
    checkServiceContainer(res.combined(), "scale-deps-tests-db", NO_STATE_TO_CHECK, 1);
  }

  /** TestScaleUpAndDownPreserveContainerNumber. */
  @Test
  void scaleUpAndDownPreserveContainerNumber() {
    String projectName = "scale-up-down-test";
    c.withEnv("COMPOSE_PROJECT_NAME=" + projectName);
    c.compose("--project-directory", "fixtures/scale", "up", "-d", "--scale", "db=2", "db");

    Result res = c.compose("ps", "--format", "{{.Name}}", "db");
    assertThat(res.stdout().strip()).isEqualTo(projectName + "-db-1\n" + projectName + "-db-2");

    // scale down removes replica #2
    c.compose("--project-directory", "fixtures/scale", "up", "-d", "--scale", "db=1", "db");
    res = c.compose("ps", "--format", "{{.Name}}", "db");
    assertThat(res.stdout().strip()).isEqualTo(projectName + "-db-1");

    // scale up restores replica #2
    c.compose("--project-directory", "fixtures/scale", "up", "-d", "--scale", "db=2", "db");
    res = c.compose("ps", "--format", "{{.Name}}", "db");
    assertThat(res.stdout().strip()).isEqualTo(projectName + "-db-1\n" + projectName + "-db-2");
  }

  /** TestScaleDownRemovesObsolete. */
  @Test
  void scaleDownRemovesObsolete() {
    String projectName = "scale-down-obsolete-test";
    c.withEnv("COMPOSE_PROJECT_NAME=" + projectName);
    c.compose("--project-directory", "fixtures/scale", "up", "-d", "db");

    Result res = c.compose("ps", "--format", "{{.Name}}", "db");
    assertThat(res.stdout().strip()).isEqualTo(projectName + "-db-1");

    c.composeWithEnv(Map.of("MAYBE", "value"), "--project-directory", "fixtures/scale", "up", "-d", "--scale", "db=2", "db")
        .assertSuccess();
    res = c.compose("ps", "--format", "{{.Name}}", "db");
    assertThat(res.stdout().strip()).isEqualTo(projectName + "-db-1\n" + projectName + "-db-2");

    // scale down removes obsolete replica #1
    c.composeWithEnv(Map.of("MAYBE", "value"), "--project-directory", "fixtures/scale", "up", "-d", "--scale", "db=1", "db")
        .assertSuccess();
    res = c.compose("ps", "--format", "{{.Name}}", "db");
    assertThat(res.stdout().strip()).isEqualTo(projectName + "-db-1");
  }

  /**
   * TestScaleDownNoRecreate. Upstream builds its last command ({@code --project-directory
   * fixtures/scale up -d --scale test=2}) but never runs it, and that directory's compose.yaml has
   * no service {@code test}; here the scale-down is run, on build.yaml, and what it keeps is checked:
   * the replicas of the newer image, 3 and 4, not recreated.
   */
  @Test
  void scaleDownNoRecreate() {
    String projectName = "scale-down-recreated-test";
    c.withEnv("COMPOSE_PROJECT_NAME=" + projectName);
    try {
      c.compose("-f", "fixtures/scale/build.yaml", "build", "--build-arg", "FOO=test");
      c.compose("-f", "fixtures/scale/build.yaml", "up", "-d", "--scale", "test=2");

      c.compose("-f", "fixtures/scale/build.yaml", "build", "--build-arg", "FOO=updated");
      c.compose("-f", "fixtures/scale/build.yaml", "up", "-d", "--scale", "test=4", "--no-recreate");

      Result res = c.compose("ps", "--format", "{{.Name}}", "test");
      assertThat(res.stdout()).contains("scale-down-recreated-test-test-1", "scale-down-recreated-test-test-2",
          "scale-down-recreated-test-test-3", "scale-down-recreated-test-test-4");
      List<String> newer = List.of(id(projectName + "-test-3"), id(projectName + "-test-4"));

      // scale down removes obsolete replica #1 and #2
      c.compose("-f", "fixtures/scale/build.yaml", "up", "-d", "--scale", "test=2");

      res = c.compose("ps", "--format", "{{.Name}}", "test");
      assertThat(res.stdout()).contains("scale-down-recreated-test-test-3", "scale-down-recreated-test-test-4")
          .doesNotContain("scale-down-recreated-test-test-1", "scale-down-recreated-test-test-2");
      assertThat(List.of(id(projectName + "-test-3"), id(projectName + "-test-4"))).as("not recreated").isEqualTo(newer);
    } finally {
      // The image is this scenario's own: upstream's cleanup.
      c.composeNoCheck("-f", "fixtures/scale/build.yaml", "down", "--rmi", "all", "-t", "0");
    }
  }

  private String id(String container) {
    return c.docker("inspect", "-f", "{{.Id}}", container).stdout().strip();
  }

  /** Upstream's checkServiceContainer: {@code count} lines name the container and its state. */
  private static void checkServiceContainer(String stdout, String containerName, String containerState, int count) {
    long found = stdout.lines().filter(l -> l.contains(containerName) && l.contains(containerState)).count();
    assertThat(found).as("instance(s) of container %s%s in%n%s", containerName,
        containerState.isEmpty() ? "" : " with expected state " + containerState, stdout).isEqualTo(count);
  }
}
