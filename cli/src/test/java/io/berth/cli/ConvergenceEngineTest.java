package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What up does around a service's neighbours: names held outside the project, restarts after a dependency. */
class ConvergenceEngineTest extends EngineStackTest {

  @Test
  void aContainerNameHeldOutsideTheProjectStopsUpBeforeAnythingChanges() {
    String taken = stack.project + "-taken";
    String foreign = stack.docker.createContainerCmd(image).withName(taken).withCmd("sleep", "60").exec().getId();
    try {
      stack.berth.env("TAKEN", taken);
      stack.write0("compose.yaml", """
          services:
            app:
              image: ${IMAGE}
              container_name: ${TAKEN}
              command: sleep 60
          """);

      BerthRunner.Result up = stack.berth("up", "-d");

      assertThat(up.code()).isEqualTo(1);
      assertThat(up.err()).contains("the container name \"/" + taken + "\" is already in use by container \"" + foreign + "\"")
          .doesNotContain("Exception");
      assertThat(stack.anythingOfProjectExists()).isFalse();
      assertThat(stack.docker.inspectContainerCmd(taken).exec().getId()).isEqualTo(foreign);
    } finally {
      stack.docker.removeContainerCmd(foreign).withForce(true).exec();
    }
  }

  @Test
  void aDependentWithRestartTrueIsRestartedNotRecreatedWhenItsDependencyIsRecreated() {
    String file = """
        services:
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            environment: {GENERATION: "%s"}
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            depends_on:
              db: {condition: service_started, restart: true}
        """;
    stack.write0("compose.yaml", file.formatted("1"));
    stack.ok("up", "-d");
    String webId = stack.containerId("web");
    String webStarted = stack.inspect("web").getState().getStartedAt();
    String dbId = stack.containerId("db");

    stack.write0("compose.yaml", file.formatted("2"));
    stack.ok("up", "-d");

    assertThat(stack.containerId("db")).isNotEqualTo(dbId);
    assertThat(stack.containerId("web")).isEqualTo(webId);
    assertThat(stack.inspect("web").getState().getRunning()).isTrue();
    assertThat(stack.inspect("web").getState().getStartedAt()).isNotEqualTo(webStarted);
  }

  @Test
  void alwaysRecreateDepsRecreatesTheDependenciesOfTheNamedService() {
    stack.write0("compose.yaml", """
        services:
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            depends_on: [db]
        """);
    stack.ok("up", "-d");
    String db = stack.containerId("db");
    String web = stack.containerId("web");

    stack.ok("up", "-d", "--force-recreate", "web");
    assertThat(stack.containerId("db")).as("--force-recreate acts on the named service only").isEqualTo(db);
    assertThat(stack.containerId("web")).isNotEqualTo(web);

    stack.ok("up", "-d", "--always-recreate-deps", "web");
    assertThat(stack.containerId("db")).isNotEqualTo(db);

    BerthRunner.Result both = stack.berth("up", "-d", "--always-recreate-deps", "--no-recreate");
    assertThat(both.code()).isEqualTo(1);
    assertThat(both.err()).contains("--always-recreate-deps and --no-recreate are incompatible");
  }

  @Test
  void servicesReferencingAnotherServicesContainerAreKeptByASecondUp() {
    stack.write0("compose.yaml", """
        services:
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            volumes: [/data]
          side:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            network_mode: service:db
            volumes_from: [db]
        """);
    stack.ok("up", "-d");
    String side = stack.containerId("side");
    String db = stack.containerId("db");

    stack.ok("up", "-d");

    assertThat(stack.containerId("side")).isEqualTo(side);
    assertThat(stack.containerId("db")).isEqualTo(db);
    assertThat(stack.inspect("side").getConfig().getLabels().get("com.docker.compose.config-hash"))
        .isEqualTo(io.berth.model.hash.ConfigHash.of(
            io.berth.model.ComposeLoader.load(io.berth.model.LoadRequest.inDirectory(dir,
                java.util.Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project)), w -> {}).service("side"),
            java.util.Map.of("db", db)));
  }

  @Test
  void aBareEnvironmentKeySetNowhereIsNotGivenToTheContainer() {
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            environment: [SET_HERE=1, BERTH_TEST_NEVER_SET]
        """);

    stack.ok("up", "-d");

    // As Compose (ToMobyEnv), the bare name is sent so that the Engine unsets any image value; it has none.
    assertThat(stack.inspect("app").getConfig().getEnv()).contains("SET_HERE=1")
        .noneMatch(e -> e.startsWith("BERTH_TEST_NEVER_SET="));
    assertThat(stack.ok("config").out()).contains("BERTH_TEST_NEVER_SET: null");
  }
}
