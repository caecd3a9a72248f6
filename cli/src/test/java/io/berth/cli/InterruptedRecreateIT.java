package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recreate cut at each of its steps, through bin/berth as a user runs it: {@code up -d} of a
 * changed file halted right after the named node ({@code BERTH_TEST_CRASH_AFTER}, as a SIGKILL
 * there would), then one {@code up -d}. Afterwards every service is at its replica count, running,
 * with the new configuration, under its final name, one container per number; a further up plans
 * nothing.
 */
class InterruptedRecreateIT extends EngineStackTest {
  private static final Duration UP = Duration.ofSeconds(120);
  private static final String FILE = """
      x-service: &service
        image: ${IMAGE}
        command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        environment:
          VERSION: ${VERSION}
      services:
        db:
          <<: *service
          volumes: ["data:/data"]
          healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 10s, retries: 30}
        api:
          <<: *service
          depends_on:
            db: {condition: service_healthy}
        web:
          <<: *service
          scale: 2
          depends_on: [api]
      volumes:
        data:
      """;

  private int berth(String version, Map<String, String> extra, String... args) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project,
        "VERSION", version));
    env.putAll(extra);
    try (BerthProcess p = BerthProcess.start(dir, env, args)) {
      int code = p.awaitExit(UP);
      lastOutput = p.output();
      return code;
    }
  }

  private String lastOutput = "";

  @ParameterizedTest
  @ValueSource(strings = {"CreateContainer", "StopContainer", "RemoveContainer", "RenameContainer", "StartContainer"})
  void aRecreateCutAtEachStepConvergesOnTheNextUp(String step) throws Exception {
    stack.write("compose.yaml", FILE);
    assertThat(berth("1", Map.of(), "up", "-d")).as(lastOutput).isZero();
    assertThat(problems("1")).isEmpty();

    int cut = berth("2", Map.of("BERTH_TEST_CRASH_AFTER", "service:api:1:" + step), "up", "-d");
    assertThat(cut).as("halted after service:api:1 %s\n%s", step, lastOutput).isEqualTo(137);
    assertThat(problems("2")).as("what the cut left").isNotEmpty();

    assertThat(berth("2", Map.of(), "up", "-d")).as(lastOutput).isZero();
    assertThat(problems("2")).isEmpty();
    assertThat(berth("2", Map.of(), "up", "-d", "--dry-run")).as(lastOutput).isZero();
    assertThat(lastOutput).as("a further up plans nothing").doesNotContain("->");
  }

  @ParameterizedTest
  @ValueSource(strings = {"service:db:1:CreateContainer", "service:db:1:WaitContainer", "service:web:1:CreateContainer",
      "service:api:1:CreateContainer"})
  void aFirstUpCutAtAStepConvergesOnTheNextUp(String point) throws Exception {
    stack.write("compose.yaml", FILE);

    assertThat(berth("1", Map.of("BERTH_TEST_CRASH_AFTER", point), "up", "-d")).as(lastOutput).isEqualTo(137);
    assertThat(problems("1")).as("what the cut left").isNotEmpty();

    assertThat(berth("1", Map.of(), "up", "-d")).as(lastOutput).isZero();
    assertThat(problems("1")).isEmpty();
    assertThat(berth("1", Map.of(), "up", "-d", "--dry-run")).as(lastOutput).isZero();
    assertThat(lastOutput).as("a further up plans nothing").doesNotContain("->");
  }

  @Test
  void aDownCutAfterItsFirstRemovalIsFinishedByTheNextDown() throws Exception {
    stack.write("compose.yaml", FILE);
    assertThat(berth("1", Map.of(), "up", "-d")).as(lastOutput).isZero();

    assertThat(berth("1", Map.of("BERTH_TEST_CRASH_AFTER", "service:web:2:RemoveContainer"), "down", "-t", "0"))
        .as(lastOutput).isEqualTo(137);
    assertThat(stack.anythingOfProjectExists()).as("what the cut left").isTrue();

    assertThat(berth("1", Map.of(), "down", "-t", "0")).as(lastOutput).isZero();
    assertThat(stack.containers()).isEmpty();
    assertThat(stack.networkExists(stack.project + "_default")).isFalse();
  }

  @Test
  void theCutLeavesTheShapeEachStepNames() throws Exception {
    // The hook cuts where it says: after the create, the replacement stands beside the old container.
    stack.write("compose.yaml", FILE);
    assertThat(berth("1", Map.of(), "up", "-d")).as(lastOutput).isZero();
    String oldId = stack.containerId("api");

    assertThat(berth("2", Map.of("BERTH_TEST_CRASH_AFTER", "service:api:1:CreateContainer"), "up", "-d")).isEqualTo(137);

    assertThat(namesOf("api")).containsExactlyInAnyOrder(stack.project + "-api-1", oldId.substring(0, 12) + "_" + stack.project + "-api-1");
    assertThat(berth("2", Map.of(), "up", "-d")).as(lastOutput).isZero();
    assertThat(problems("2")).isEmpty();
  }

  private List<String> namesOf(String service) {
    return stack.containers().stream().filter(c -> service.equals(c.getLabels().get("com.docker.compose.service")))
        .map(c -> c.getNames()[0].substring(1)).toList();
  }

  /** What keeps the project from being converged on {@code VERSION=version}; empty when it is. */
  private List<String> problems(String version) {
    List<String> out = new ArrayList<>();
    Map<String, Integer> replicas = Map.of("db", 1, "api", 1, "web", 2);
    List<Container> containers = stack.containers();
    Set<String> expected = new TreeSet<>();
    replicas.forEach((s, n) -> {
      for (int i = 1; i <= n; i++) {
        expected.add(stack.project + "-" + s + "-" + i);
      }
    });
    Set<String> names = containers.stream().map(c -> c.getNames()[0].substring(1)).collect(Collectors.toCollection(TreeSet::new));
    if (!names.equals(expected) || containers.size() != expected.size()) {
      out.add("containers " + names + ", wanted " + expected);
    }
    for (Container c : containers) {
      String name = c.getNames()[0].substring(1);
      if (!"running".equals(c.getState())) {
        out.add(name + " is " + c.getState());
      }
      var env = stack.docker.inspectContainerCmd(c.getId()).exec().getConfig().getEnv();
      if (env == null || !Arrays.asList(env).contains("VERSION=" + version)) {
        out.add(name + " has not VERSION=" + version);
      }
    }
    return out;
  }
}
