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
  void startOfAServiceStartsWhatItDependsOnFirst() {
    stack.ok("stop");

    stack.ok("start", "web");

    assertThat(state("web")).isEqualTo("running");
    assertThat(state("db")).isEqualTo("running");
    assertThat(state("slow")).isEqualTo("exited");
    assertThat(Instant.parse(stack.inspect("db").getState().getStartedAt()))
        .isBefore(Instant.parse(stack.inspect("web").getState().getStartedAt()));
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
    assertThat(stack.berth("exec", "-T", "web", "true").err()).contains("service \"web\" is not running");
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
    // As Compose's top: one table, the service and replica first, CMD last.
    String top = stack.ok("top", "db").out();
    assertThat(top).startsWith("SERVICE  #   UID ").containsPattern("\ndb +1 +root +[0-9]+ .* sleep 3600\n");
    assertThat(top.lines().findFirst().orElseThrow()).endsWith("CMD");
    // Compose's pretty table: every column at least 20 wide (TAG, PLATFORM, IMAGE ID and SIZE here).
    assertThat(stack.ok("images", "db").out()).containsPattern("CONTAINER +REPOSITORY +TAG {17}PLATFORM {12}IMAGE ID {12}SIZE {16}CREATED\n"
        + stack.project + "-db-1 +berth-test/busybox +1 +linux/amd64 +[0-9a-f]{12} +[0-9.]+[kMG]?B +([0-9a-zA-Z ]+ ago|N/A)\n");
    // -q: each image once, its whole id.
    assertThat(stack.ok("images", "-q").out()).matches("([0-9a-f]{64}\n)+");

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

  private Instant startedAt(String service) {
    return Instant.parse(stack.inspect(service).getState().getStartedAt());
  }

  @Test
  void startWaitReturnsOnceTheHealthcheckPassesAndWaitTimeoutGivesUp() {
    stack.write0("compose.yaml", """
        services:
          checked:
            image: ${IMAGE}
            command: ["sh", "-c", "rm -f /tmp/ready; sleep 2; touch /tmp/ready; trap 'exit 0' TERM; sleep 3600 & wait"]
            healthcheck:
              test: ["CMD", "test", "-f", "/tmp/ready"]
              interval: 1s
              retries: 60
          never:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            healthcheck:
              test: ["CMD", "false"]
              interval: 1s
              retries: 100
        """);
    stack.ok("up", "-d", "--remove-orphans");
    stack.ok("stop");

    BerthRunner.Result started = stack.ok("start", "--wait", "checked");

    // The healthcheck passes 2 s after the start at the earliest: healthy on return means it waited.
    assertThat(stack.inspect("checked").getState().getHealth().getStatus()).isEqualTo("healthy");
    assertThat(started.err()).contains("Container " + stack.project + "-checked-1  Healthy");
    assertThat(state("never")).isEqualTo("exited");

    BerthRunner.Result timedOut = stack.berth("start", "--wait", "--wait-timeout", "2", "never");
    assertThat(timedOut.code()).isEqualTo(1);
    assertThat(timedOut.err()).contains("application not healthy after 2s");
  }

  @Test
  void restartBringsAlongTheServicesThatDependWithRestartTrueUnlessNoDeps() {
    stack.write0("compose.yaml", STACK.replace("    depends_on: [db]\n", """
            depends_on:
              db:
                condition: service_started
                restart: true
        """));
    Instant web = startedAt("web");

    stack.ok("restart", "db");
    assertThat(startedAt("web")).as("web depends on db with restart: true").isAfter(web);

    web = startedAt("web");
    Instant db = startedAt("db");
    stack.ok("restart", "--no-deps", "db");
    assertThat(startedAt("db")).isAfter(db);
    assertThat(startedAt("web")).isEqualTo(web);
  }

  @Test
  void orphansAreKilledOnlyWithRemoveOrphansAndPsOrphansFalseHidesThem() {
    stack.write0("compose.yaml", STACK.substring(0, STACK.indexOf("  slow:")));

    assertThat(stack.ok("ps", "--services").out().lines()).containsExactly("db", "slow", "web");
    assertThat(stack.ok("ps", "--orphans=false", "--services").out().lines()).containsExactly("db", "web");
    assertThat(stack.ok("ps", "--orphans", "-q").out().lines()).hasSize(3);

    stack.ok("kill");
    assertThat(state("web")).isEqualTo("exited");
    assertThat(state("db")).isEqualTo("exited");
    assertThat(state("slow")).as("an orphan").isEqualTo("running");

    stack.ok("kill", "--remove-orphans");
    // As Compose: --remove-orphans on kill kills the orphans too; it removes nothing.
    assertThat(state("slow")).isEqualTo("exited");

    assertThat(stack.ok("kill", "--remove-orphans").err()).contains("No container to kill");
  }

  @Test
  void cpReachesEveryReplicaTheOneOffsWithAllFollowsLinksWithLAndKeepsOwnersWithA() throws Exception {
    stack.ok("up", "-d", "--scale", "web=2");
    String job = stack.project + "-job";
    stack.ok("run", "-d", "--no-deps", "--name", job, "-u", "nobody", "web", "sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait");
    String web1 = stack.project + "-web-1";
    String web2 = stack.project + "-web-2";
    stack.write("in/file.txt", "everywhere\n");

    stack.ok("cp", "in/file.txt", "web:/tmp/file.txt");
    assertThat(stack.execIn(web1, "cat", "/tmp/file.txt")).isEqualTo("everywhere\n");
    assertThat(stack.execIn(web2, "cat", "/tmp/file.txt")).isEqualTo("everywhere\n");
    assertThat(stack.execIn(job, "sh", "-c", "cat /tmp/file.txt 2>/dev/null || echo missing")).isEqualTo("missing\n");

    stack.ok("cp", "--all", "in/file.txt", "web:/tmp/all.txt");
    assertThat(stack.execIn(job, "cat", "/tmp/all.txt")).isEqualTo("everywhere\n");
    assertThat(stack.execIn(web2, "cat", "/tmp/all.txt")).isEqualTo("everywhere\n");

    // A link is copied as a link; with -L, what it points to is copied under the link's name.
    java.nio.file.Files.createSymbolicLink(dir.resolve("in/link.txt"), java.nio.file.Path.of("file.txt"));
    stack.ok("cp", "--index", "1", "in/link.txt", "web:/tmp/");
    assertThat(stack.execIn(web1, "readlink", "/tmp/link.txt")).isEqualTo("file.txt\n");
    stack.ok("cp", "-L", "--index", "1", "in/link.txt", "web:/tmp/");
    assertThat(stack.execIn(web1, "sh", "-c", "test -L /tmp/link.txt && echo link || cat /tmp/link.txt")).isEqualTo("everywhere\n");
    assertThat(stack.execIn(web2, "sh", "-c", "ls /tmp/link.txt 2>/dev/null || echo absent")).isEqualTo("absent\n");

    // From a service: its first replica, the link as a link unless -L.
    stack.execIn(web1, "ln", "-s", "/tmp/file.txt", "/tmp/clink");
    stack.ok("cp", "web:/tmp/clink", "out-link");
    assertThat(java.nio.file.Files.isSymbolicLink(dir.resolve("out-link"))).isTrue();
    assertThat(java.nio.file.Files.readSymbolicLink(dir.resolve("out-link"))).hasToString("/tmp/file.txt");
    stack.ok("cp", "-L", "web:/tmp/clink", "out-followed");
    assertThat(java.nio.file.Files.isSymbolicLink(dir.resolve("out-followed"))).isFalse();
    assertThat(java.nio.file.Files.readString(dir.resolve("out-followed"))).isEqualTo("everywhere\n");

    // Without -a a file keeps its owner's ids, as the archive carries them; with -a the Engine gives it
    // to the container's user where one is set (nobody in the one-off), as docker cp does.
    java.nio.file.Path owned = dir.resolve("in/owned.txt");
    java.nio.file.Files.writeString(owned, "owned\n");
    try {
      java.nio.file.Files.setAttribute(owned, "unix:uid", 4321);
      java.nio.file.Files.setAttribute(owned, "unix:gid", 4321);
    } catch (java.io.IOException notRoot) {
      // The file keeps the test's own ids.
    }
    int uid = (Integer) java.nio.file.Files.getAttribute(owned, "unix:uid");
    stack.ok("cp", "--all", "in/owned.txt", "web:/tmp/plain.txt");
    assertThat(stack.execIn(web1, "stat", "-c", "%u", "/tmp/plain.txt")).isEqualTo(uid + "\n");
    assertThat(stack.execIn(job, "stat", "-c", "%u", "/tmp/plain.txt")).isEqualTo(uid + "\n");
    stack.ok("cp", "-a", "--all", "in/owned.txt", "web:/tmp/archived.txt");
    assertThat(stack.execIn(web1, "stat", "-c", "%u", "/tmp/archived.txt")).isEqualTo(uid + "\n");
    assertThat(stack.execIn(job, "stat", "-c", "%u", "/tmp/archived.txt")).isEqualTo("65534\n");

    assertThat(stack.berth("cp", "--index", "3", "in/file.txt", "web:/tmp/").err()).contains("service \"web\" is not running container #3");
  }
}
