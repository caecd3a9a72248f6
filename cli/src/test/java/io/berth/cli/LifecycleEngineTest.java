package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** stop, start, restart, pause, unpause, kill and rm on a running stack. */
class LifecycleEngineTest extends EngineStackTest {
  private static final String STACK = """
      services:
        web:
          image: ${IMAGE}
          command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          depends_on: [db]
        db:
          image: ${IMAGE}
          command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        slow:
          image: ${IMAGE}
          command: ["sh", "-c", "trap '' TERM; while true; do sleep 1; done"]
          stop_grace_period: 1s
      """;

  @BeforeEach
  void fixture() {
    stack.write0("compose.yaml", STACK);
    stack.ok("up", "-d");
  }

  private String state(String service) {
    return stack.inspect(service).getState().getStatus();
  }

  @Test
  void stopStartAndRestartKeepTheContainers() {
    String web = stack.containerId("web");

    stack.ok("stop", "web");
    assertThat(state("web")).isEqualTo("exited");
    assertThat(state("db")).isEqualTo("running");
    assertThat(stack.ok("ps", "--status", "exited", "--services").out()).isEqualTo("web\n");
    assertThat(stack.ok("ps", "--filter", "status=running", "--services").out().lines()).containsExactlyInAnyOrder("db", "slow");

    stack.ok("start");
    assertThat(state("web")).isEqualTo("running");
    assertThat(stack.containerId("web")).isEqualTo(web);

    Instant before = Instant.parse(stack.inspect("db").getState().getStartedAt());
    stack.ok("restart", "db");
    assertThat(Instant.parse(stack.inspect("db").getState().getStartedAt())).isAfter(before);
  }

  @Test
  void stopHonoursStopGracePeriod() {
    Instant start = Instant.now();
    stack.ok("stop", "slow");
    // The container ignores SIGTERM: it goes when its 1 s grace period ends, not after the default 10 s.
    assertThat(Duration.between(start, Instant.parse(stack.inspect("slow").getState().getFinishedAt()))).isLessThan(Duration.ofSeconds(8));
    assertThat(stack.inspect("slow").getState().getExitCodeLong()).isEqualTo(137L);
  }

  @Test
  void downTimeoutOverridesTheGracePeriod() {
    stack.write0("compose.yaml", STACK.replace("stop_grace_period: 1s", "stop_grace_period: 1m"));
    Instant start = Instant.now();

    stack.ok("down", "-t", "1");

    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
    assertThat(stack.containers()).isEmpty();
  }

  @Test
  void pauseUnpauseKillAndRm() {
    stack.ok("pause", "db");
    assertThat(state("db")).isEqualTo("paused");
    stack.ok("unpause", "db");
    assertThat(state("db")).isEqualTo("running");

    stack.ok("kill", "web");
    assertThat(state("web")).isEqualTo("exited");

    stack.ok("rm", "-f", "web");
    assertThat(stack.containers()).extracting(c -> c.getLabels().get("com.docker.compose.service")).containsExactlyInAnyOrder("db", "slow");

    stack.ok("rm", "-f", "-s", "db");
    assertThat(stack.containers()).extracting(c -> c.getLabels().get("com.docker.compose.service")).containsExactly("slow");
  }

  @Test
  void execRunsInTheServiceContainerAndReturnsTheExitCode() {
    BerthRunner.Result r = stack.berth("exec", "-T", "-e", "GREETING=hi", "-w", "/tmp", "-u", "nobody", "web",
        "sh", "-c", "echo $GREETING $(pwd) $(id -u); echo oops >&2; exit 7");

    assertThat(r.code()).isEqualTo(7);
    assertThat(r.out()).isEqualTo("hi /tmp 65534\n");
    assertThat(r.err()).isEqualTo("oops\n");

    assertThat(stack.berth("exec", "-T", "nope", "true").err()).contains("no such service: nope");
    stack.ok("stop", "web");
    assertThat(stack.berth("exec", "-T", "web", "true").err()).contains("is not running");
  }

  @Test
  void scaleUpAndDownKeepsTheFirstReplicaAndNumbers() {
    String first = stack.containerId("web");

    stack.ok("up", "-d", "--scale", "web=3");
    assertThat(stack.containers()).filteredOn(c -> "web".equals(c.getLabels().get("com.docker.compose.service")))
        .extracting(c -> c.getLabels().get("com.docker.compose.container-number")).containsExactlyInAnyOrder("1", "2", "3");
    assertThat(stack.containerId("web")).isEqualTo(first);

    stack.ok("up", "-d", "--scale", "web=1");
    assertThat(stack.containers()).filteredOn(c -> "web".equals(c.getLabels().get("com.docker.compose.service")))
        .extracting(c -> c.getId()).containsExactly(first);

    stack.ok("scale", "web=2");
    assertThat(stack.containers()).filteredOn(c -> "web".equals(c.getLabels().get("com.docker.compose.service"))).hasSize(2);
  }

  @Test
  void runStartsDependenciesReturnsTheExitCodeAndRmLeavesNothing() {
    stack.ok("down");

    BerthRunner.Result r = stack.berth("run", "--rm", "-e", "WHO=run", "web", "sh", "-c", "echo hello $WHO; exit 4");

    assertThat(r.code()).as(r.toString()).isEqualTo(4);
    assertThat(r.out()).isEqualTo("hello run\n");
    assertThat(state("db")).isEqualTo("running");
    assertThat(stack.containers()).noneMatch(c -> "True".equals(c.getLabels().get("com.docker.compose.oneoff")));

    BerthRunner.Result kept = stack.ok("run", "--no-deps", "--name", stack.project + "-kept", "db", "true");
    var oneOff = stack.docker.inspectContainerCmd(stack.project + "-kept").exec();
    assertThat(oneOff.getConfig().getLabels()).containsEntry("com.docker.compose.oneoff", "True")
        .containsEntry("com.docker.compose.service", "db");
    assertThat(kept.code()).isZero();
  }

  @Test
  void cpRoundTripsAFileAndADirectory() throws Exception {
    stack.write("in/hello.txt", "round trip\n");

    stack.ok("cp", "in/hello.txt", "web:/tmp/copied.txt");
    assertThat(stack.exec("web", "cat", "/tmp/copied.txt")).isEqualTo("round trip\n");

    stack.ok("cp", "web:/tmp/copied.txt", "back.txt");
    assertThat(java.nio.file.Files.readString(dir.resolve("back.txt"))).isEqualTo("round trip\n");

    java.nio.file.Files.createDirectories(dir.resolve("etc-copy"));
    stack.ok("cp", "web:/etc", "etc-copy");
    assertThat(dir.resolve("etc-copy/etc/passwd")).exists();

    assertThat(stack.berth("cp", "nope:/x", "y").err()).contains("no such service: nope");
  }

  @Test
  void topListsProcessesAndWaitReturnsTheExitCode() {
    assertThat(stack.ok("top", "db").out()).contains(stack.project + "-db-1", "PID", "sleep 3600");
    assertThat(stack.ok("images", "db").out()).containsPattern("CONTAINER +REPOSITORY +TAG +IMAGE ID +SIZE\n"
        + stack.project + "-db-1 +berth-test/busybox +1 +[0-9a-f]{12} +[0-9.]+[kMG]?B\n");

    stack.write0("compose.yaml", STACK + """
          job:
            image: ${IMAGE}
            command: ["sh", "-c", "sleep 1; exit 9"]
        """);
    stack.ok("up", "-d", "job");
    BerthRunner.Result waited = stack.berth("wait", "job");
    assertThat(waited.code()).isEqualTo(9);
    assertThat(waited.out()).isEqualTo("9\n");
  }

  @Test
  void anonymousVolumeDataSurvivesRecreateAndDashVRenewsIt() throws Exception {
    stack.write0("compose.yaml", """
        services:
          keeper:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            volumes: [/data]
        """);
    stack.ok("up", "-d", "--remove-orphans");
    stack.exec("keeper", "sh", "-c", "echo kept > /data/file");
    String before = stack.containerId("keeper");

    stack.ok("up", "-d", "--force-recreate");
    assertThat(stack.containerId("keeper")).isNotEqualTo(before);
    assertThat(stack.exec("keeper", "cat", "/data/file")).isEqualTo("kept\n");

    stack.ok("up", "-d", "--force-recreate", "-V");
    assertThat(stack.exec("keeper", "sh", "-c", "cat /data/file 2>/dev/null || echo renewed")).isEqualTo("renewed\n");
  }

  @Test
  void bindSourcesAreCreatedUnlessCreateHostPathIsFalseAndTmpfsMounts() {
    stack.write0("compose.yaml", """
        services:
          binder:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            volumes:
              - ./made-by-berth:/made
              - type: tmpfs
                target: /scratch
                tmpfs: {size: 1m}
        """);
    stack.ok("up", "-d", "--remove-orphans");
    assertThat(dir.resolve("made-by-berth")).isDirectory();
    assertThat(stack.inspect("binder").getHostConfig().getTmpFs()).containsEntry("/scratch", "size=1048576");

    stack.write0("compose.yaml", """
        services:
          strict:
            image: ${IMAGE}
            volumes:
              - type: bind
                source: ./absent
                target: /absent
                bind: {create_host_path: false}
        """);
    BerthRunner.Result r = stack.berth("up", "-d", "strict");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("bind source " + dir.resolve("absent") + " does not exist and create_host_path is false");
    assertThat(dir.resolve("absent")).doesNotExist();
  }

  @Test
  void restartPoliciesAreTheEnginesToApply() throws InterruptedException {
    stack.write0("compose.yaml", """
        services:
          flaky:
            image: ${IMAGE}
            command: ["sh", "-c", "exit 1"]
            restart: on-failure:2
          once:
            image: ${IMAGE}
            command: ["sh", "-c", "exit 1"]
            restart: "no"
        """);
    stack.ok("up", "-d", "--remove-orphans");

    // The Engine restarts with a growing back-off; wait for it to give up, bounded.
    for (int i = 0; i < 100 && !(stack.inspect("flaky").getRestartCount() == 2 && "exited".equals(state("flaky"))); i++) {
      Thread.sleep(100);
    }
    assertThat(stack.inspect("flaky").getRestartCount()).isEqualTo(2);
    assertThat(state("flaky")).isEqualTo("exited");
    assertThat(stack.inspect("once").getRestartCount()).isZero();
  }
}
