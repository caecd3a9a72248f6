package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code berth up} in the foreground, through bin/berth, stopped with Ctrl-C as a user would. */
class AttachedUpIT extends EngineStackTest {

  private BerthProcess up() throws Exception {
    return BerthProcess.start(dir, Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project), "up");
  }

  @Test
  void followsLogsWithPrefixesAndFirstCtrlCStopsTheStack() throws Exception {
    stack.write("compose.yaml", """
        services:
          talker:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; echo ready; while true; do sleep 1; done"]
          listener:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; echo listening; sleep 3600 & wait"]
        """);
    try (BerthProcess berth = up()) {
      berth.awaitLine(l -> l.equals("talker-1    | ready"), Duration.ofSeconds(60));
      berth.awaitLine(l -> l.equals("listener-1  | listening"), Duration.ofSeconds(10));

      berth.signal("INT");

      assertThat(berth.awaitExit(Duration.ofSeconds(30))).as(berth.output()).isEqualTo(ExitCodes.INTERRUPTED);
      assertThat(berth.output()).contains("Gracefully stopping... (press Ctrl+C again to force)");
    }
    assertThat(stack.containers()).hasSize(2).allSatisfy(c -> assertThat(c.getState()).isEqualTo("exited"));
  }

  /**
   * Ctrl-C at a random moment while twelve services are still being created and started: berth
   * lets what is in flight settle and stops it with the rest; nothing is left running. Five trials,
   * each from nothing ({@code down} between), each signalled after a random number of containers
   * reported Created or Started.
   */
  @Test
  @org.junit.jupiter.api.Timeout(600)
  void ctrlCDuringTheStartStopsEveryContainerEvenThoseStillStarting() throws Exception {
    StringBuilder yaml = new StringBuilder("services:\n");
    for (int i = 1; i <= 12; i++) {
      yaml.append("  s").append(i).append(":\n    image: ${IMAGE}\n")
          .append("    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"]\n");
    }
    stack.write("compose.yaml", yaml.toString());
    long seed = System.nanoTime();
    java.util.Random random = new java.util.Random(seed);
    java.util.regex.Pattern progress = java.util.regex.Pattern.compile(".*Container \\S+ +(Created|Started)$");
    for (int trial = 1; trial <= 5; trial++) {
      int after = 1 + random.nextInt(20); // of the 24 Created and Started lines
      String context = "trial " + trial + " (seed " + seed + "), signalled after " + after + " progress lines";
      try (BerthProcess berth = up()) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (berth.output().lines().filter(l -> progress.matcher(l).matches()).count() < after) {
          assertThat(System.nanoTime()).as(context + "\n" + berth.output()).isLessThan(deadline);
          Thread.sleep(5);
        }
        berth.signal("INT");

        assertThat(berth.awaitExit(Duration.ofSeconds(90))).as(context + "\n" + berth.output()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(berth.output()).as(context).contains("Gracefully stopping... (press Ctrl+C again to force)")
            .doesNotContain("Attaching to");
      }
      assertThat(stack.containers()).as(context).isNotEmpty()
          .allSatisfy(c -> assertThat(c.getState()).as(context + ": " + c.getNames()[0]).isNotEqualTo("running"));
      stack.ok("down", "-t", "0");
    }
  }

  @Test
  void aSecondCtrlCDuringTheStartKillsAtOnce() throws Exception {
    StringBuilder yaml = new StringBuilder("services:\n");
    for (int i = 1; i <= 6; i++) {
      yaml.append("  s").append(i).append(":\n    image: ${IMAGE}\n")
          .append("    command: [\"sh\", \"-c\", \"trap '' TERM; while true; do sleep 1; done\"]\n");
    }
    stack.write("compose.yaml", yaml.toString());
    try (BerthProcess berth = BerthProcess.start(dir, Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project),
        "up", "-t", "90")) {
      berth.awaitLine(l -> l.matches(".*Container \\S+ +Started$"), Duration.ofSeconds(120));
      berth.signal("INT");
      berth.awaitLine(l -> l.startsWith("Gracefully stopping"), Duration.ofSeconds(10));
      berth.signal("INT");

      // Killed, not stopped: the containers ignore SIGTERM, and a stop would wait out -t's 90 s.
      assertThat(berth.awaitExit(Duration.ofSeconds(45))).as(berth.output()).isEqualTo(ExitCodes.INTERRUPTED);
    }
    assertThat(stack.containers()).isNotEmpty().allSatisfy(c -> assertThat(c.getState()).isNotEqualTo("running"));
  }

  @Test
  void secondCtrlCKillsAContainerThatIgnoresTheStopSignal() throws Exception {
    stack.write("compose.yaml", """
        services:
          stubborn:
            image: ${IMAGE}
            command: ["sh", "-c", "trap '' TERM; echo stubborn; while true; do sleep 1; done"]
        """);
    Instant secondSignal;
    try (BerthProcess berth = up()) {
      berth.awaitLine(l -> l.endsWith("| stubborn"), Duration.ofSeconds(60));
      berth.signal("INT");
      berth.awaitLine(l -> l.startsWith("Gracefully stopping"), Duration.ofSeconds(10));

      secondSignal = Instant.now();
      berth.signal("INT");

      assertThat(berth.awaitExit(Duration.ofSeconds(30))).as(berth.output()).isEqualTo(ExitCodes.INTERRUPTED);
    }
    // Killed at once, not at the end of the 10 s grace period the graceful stop was waiting out.
    var state = stack.inspect("stubborn").getState();
    assertThat(state.getExitCodeLong()).isEqualTo(137L);
    assertThat(Instant.parse(state.getFinishedAt())).isBefore(secondSignal.plusSeconds(5));
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void timeoutIsTheGracePeriodOfTheStopAfterCtrlC() throws Exception {
    stack.write("compose.yaml", """
        services:
          stubborn:
            image: ${IMAGE}
            command: ["sh", "-c", "trap '' TERM; echo stubborn; while true; do sleep 1; done"]
            stop_grace_period: 1h
        """);
    try (BerthProcess berth = BerthProcess.start(dir, Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project),
        "up", "-t", "1")) {
      berth.awaitLine(l -> l.endsWith("| stubborn"), Duration.ofSeconds(60));
      berth.signal("INT");

      // One Ctrl-C: the graceful stop ends with a kill after -t's second, not after the hour the file asks for.
      assertThat(berth.awaitExit(Duration.ofSeconds(60))).as(berth.output()).isEqualTo(ExitCodes.INTERRUPTED);
      assertThat(stack.inspect("stubborn").getState().getExitCodeLong()).isEqualTo(137L);
    } finally {
      stack.berth("down", "-t", "0");
    }
  }

  @Test
  void exitCodeFromReturnsThatServicesCodeAndStopsTheRest() throws Exception {
    stack.write("compose.yaml", """
        services:
          job:
            image: ${IMAGE}
            command: ["sh", "-c", "sleep 1; echo job done; exit 42"]
          server:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; echo serving; sleep 3600 & wait"]
        """);
    try (BerthProcess berth = BerthProcess.start(dir, Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project),
        "up", "--exit-code-from", "job")) {
      assertThat(berth.awaitExit(Duration.ofSeconds(60))).as(berth.output()).isEqualTo(42);
      assertThat(berth.output()).contains("job-1     | job done", "job-1 exited with code 42", "Aborting on container exit...");
    }
    assertThat(stack.containers()).hasSize(2).allSatisfy(c -> assertThat(c.getState()).isEqualTo("exited"));
  }

  @Test
  void abortOnContainerFailureIgnoresACleanExit() throws Exception {
    stack.write("compose.yaml", """
        services:
          clean:
            image: ${IMAGE}
            command: ["sh", "-c", "echo clean; exit 0"]
          failing:
            image: ${IMAGE}
            command: ["sh", "-c", "sleep 2; exit 3"]
          server:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """);
    try (BerthProcess berth = BerthProcess.start(dir, Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project),
        "up", "--abort-on-container-failure")) {
      assertThat(berth.awaitExit(Duration.ofSeconds(60))).as(berth.output()).isEqualTo(3);
      assertThat(berth.output()).contains("clean-1 exited with code 0", "failing-1 exited with code 3");
    }
    assertThat(stack.inspect("server").getState().getStatus()).isEqualTo("exited");
  }

  @Test
  void aServiceWithAttachFalseIsRunButNotFollowed() throws Exception {
    stack.write("compose.yaml", """
        services:
          quiet:
            image: ${IMAGE}
            attach: false
            command: ["sh", "-c", "trap 'exit 0' TERM; echo quiet-line; sleep 3600 & wait"]
          job:
            image: ${IMAGE}
            command: ["sh", "-c", "sleep 2; echo job-line; exit 0"]
        """);
    try (BerthProcess berth = BerthProcess.start(dir, Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project),
        "up", "--abort-on-container-exit")) {
      assertThat(berth.awaitExit(Duration.ofSeconds(60))).as(berth.output()).isZero();
      assertThat(berth.output()).contains("Attaching to job-1\n", "job-1  | job-line").doesNotContain("quiet-line");
    }
    assertThat(stack.inspect("quiet").getState().getStatus()).isEqualTo("exited");
  }
}
