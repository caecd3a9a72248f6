package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * berth commands of one project run at once, as separate processes: each waits for the project's
 * lock, so none fails and none duplicates what another made; a lock whose holder was killed does
 * not hold up the next command, and one whose holder cannot be checked is waited for only so long.
 */
class ConcurrentRunsIT extends EngineStackTest {
  private static final String SLEEPER = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"]";
  private static final String STACK = """
      services:
        web:
          image: ${IMAGE}
          command: %1$s
          deploy: {replicas: 2}
        db:
          image: ${IMAGE}
          command: %1$s
          volumes: [data:/data]
        app:
          image: ${IMAGE}
          command: %1$s
          depends_on: [db]
      volumes:
        data: {}
      """.formatted(SLEEPER);

  private Map<String, String> env() {
    return Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project);
  }

  private List<String> expected() {
    return List.of(stack.project + "-web-1", stack.project + "-web-2", stack.project + "-db-1", stack.project + "-app-1");
  }

  private List<String> names() {
    return stack.containers().stream().map(c -> c.getNames()[0].substring(1)).toList();
  }

  private String lockName() {
    return "berth.lock." + stack.project;
  }

  private Optional<Map<String, String>> lock() {
    try {
      return Optional.of(stack.docker.inspectVolumeCmd(lockName()).exec().getLabels());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private List<Integer> runAtOnce(List<String[]> commands) throws Exception {
    List<BerthProcess> runs = new ArrayList<>();
    try {
      for (String[] args : commands) {
        runs.add(BerthProcess.start(dir, env(), args));
      }
      List<Integer> codes = new ArrayList<>();
      for (BerthProcess run : runs) {
        int code = run.awaitExit(Duration.ofSeconds(180));
        assertThat(code).as(String.join(" ", commands.get(codes.size())) + "\n" + run.output()).isZero();
        codes.add(code);
      }
      return codes;
    } finally {
      runs.forEach(BerthProcess::close);
    }
  }

  @Test
  void threeUpsAtOnceAllSucceedAndMakeOneContainerPerReplica() throws Exception {
    stack.write("compose.yaml", STACK);
    for (int trial = 1; trial <= 3; trial++) {
      runAtOnce(List.of(new String[] {"up", "-d"}, new String[] {"up", "-d"}, new String[] {"up", "-d"}));

      assertThat(names()).as("trial " + trial).containsExactlyInAnyOrderElementsOf(expected());
      assertThat(stack.containers()).allMatch(c -> c.getState().equals("running"));
      assertThat(stack.docker.listNetworksCmd().withNameFilter(stack.project + "_default").exec())
          .filteredOn(n -> n.getName().equals(stack.project + "_default")).hasSize(1);
      assertThat(lock()).as("the lock is gone once they are done").isEmpty();
      stack.ok("down");
    }
  }

  @Test
  void upRacingDownEndsInOneOfTheTwoStatesAndTheNextUpConverges() throws Exception {
    stack.write("compose.yaml", STACK);
    for (int trial = 1; trial <= 2; trial++) {
      stack.ok("up", "-d");
      runAtOnce(List.of(new String[] {"up", "-d", "--force-recreate"}, new String[] {"down"}));

      List<Container> left = stack.containers();
      if (left.isEmpty()) {
        assertThat(stack.networkExists(stack.project + "_default")).as("down won: nothing of the project is left").isFalse();
      } else {
        assertThat(names()).as("up won: the whole project, once").containsExactlyInAnyOrderElementsOf(expected());
        assertThat(left).allMatch(c -> c.getState().equals("running"));
      }
      stack.ok("up", "-d");
      assertThat(names()).containsExactlyInAnyOrderElementsOf(expected());
      assertThat(stack.containers()).allMatch(c -> c.getState().equals("running"));
    }
  }

  @Test
  void aLockLeftByAHolderKilledWithSigkillIsBrokenAtOnceByTheNextRun() throws Exception {
    // app waits for slow to be healthy, about five seconds, all under the lock.
    stack.write("compose.yaml", """
        services:
          slow:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 5; touch /tmp/ready; sleep 3600 & wait"]
            healthcheck: {test: ["CMD", "test", "-f", "/tmp/ready"], interval: 1s, timeout: 1s, retries: 30}
          app:
            image: ${IMAGE}
            command: %s
            depends_on: {slow: {condition: service_healthy}}
        """.formatted(SLEEPER));
    try (BerthProcess up = BerthProcess.start(dir, env(), "up", "-d")) {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (lock().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      String pid = lock().orElseThrow(() -> new AssertionError("no lock taken:\n" + up.output())).get("io.berth.lock.pid");
      new ProcessBuilder("kill", "-KILL", pid).inheritIO().start().waitFor();
      assertThat(up.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
    }
    assertThat(lock()).as("SIGKILL left the lock behind").isPresent();

    stack.berth.env("BERTH_LOCK_TIMEOUT", "120");
    long started = System.nanoTime();
    BerthRunner.Result next = stack.ok("up", "-d");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(next.err()).as("the dead holder's lock is broken without waiting").doesNotContain("Waiting for");
    assertThat(took).isLessThan(Duration.ofSeconds(60));
    assertThat(stack.inspect("app").getState().getRunning()).isTrue();
    assertThat(lock()).isEmpty();
  }

  @Test
  void aHolderThatCannotBeCheckedIsWaitedForWithinTheBoundAndReadOnlyCommandsNeverWait() throws Exception {
    stack.write("compose.yaml", STACK);
    stack.docker.createVolumeCmd().withName(lockName()).withLabels(Map.of(
        "io.berth.lock.project", stack.project, "io.berth.lock.token", "elsewhere", "io.berth.lock.host", "build-7",
        "io.berth.lock.boot", "another-boot", "io.berth.lock.pid", "4242", "io.berth.lock.started", "1",
        "io.berth.lock.command", "up")).exec();
    try {
      stack.berth.env("BERTH_LOCK_TIMEOUT", "2");
      for (String[] readOnly : List.of(new String[] {"ps"}, new String[] {"config", "-q"}, new String[] {"ls"},
          new String[] {"volumes"}, new String[] {"logs"})) {
        BerthRunner.Result r = stack.ok(readOnly);
        assertThat(r.out() + r.err()).as(String.join(" ", readOnly)).doesNotContain("berth.lock").doesNotContain("Waiting");
      }

      BerthRunner.Result up = stack.berth("up", "-d");

      assertThat(up.code()).isEqualTo(1);
      assertThat(up.err()).contains("Waiting for berth up (pid 4242 on host build-7), which holds the lock of project \""
          + stack.project + "\"\n");
      assertThat(up.err()).endsWith("project \"" + stack.project + "\" is locked by berth up (pid 4242 on host build-7);"
          + " gave up waiting after 2s. If that command is no longer running, remove the lock: docker volume rm " + lockName() + "\n");
      assertThat(stack.anythingOfProjectExists()).as("nothing was created").isFalse();
      assertThat(stack.berth("down").code()).isEqualTo(1);
    } finally {
      stack.docker.removeVolumeCmd(lockName()).exec();
    }
    stack.ok("up", "-d");
    assertThat(names()).containsExactlyInAnyOrderElementsOf(expected());
  }
}
