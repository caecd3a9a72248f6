package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code berth logs -f | head -n 3}: the closed pipe ends berth at once, exit 0, nothing on stderr. */
class LogsPipeIT extends EngineStackTest {

  @Test
  void followIntoAClosedPipeEndsCleanly() throws Exception {
    stack.write("compose.yaml", """
        services:
          chatty:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; while true; do echo tick; sleep 0.1; done"]
        """);
    stack.ok("up", "-d");

    ProcessBuilder pb = new ProcessBuilder("bash", "-c",
        "'" + BerthProcess.repoRoot().resolve("bin/berth") + "' logs -f 2>err.txt | head -n 3 >out.txt; echo ${PIPESTATUS[0]} > rc.txt")
        .directory(dir.toFile());
    pb.environment().put("COMPOSE_PROJECT_NAME", stack.project);
    pb.environment().put("IMAGE", image);
    Process shell = pb.start();

    assertThat(shell.waitFor(60, TimeUnit.SECONDS)).as("berth logs -f ended after head closed the pipe").isTrue();
    assertThat(Files.readString(dir.resolve("rc.txt")).strip()).isEqualTo("0");
    assertThat(Files.readString(dir.resolve("err.txt"))).isEmpty();
    assertThat(Files.readAllLines(dir.resolve("out.txt"))).hasSize(3).allMatch(l -> l.equals("chatty-1  | tick"));
  }

  @Test
  void followPicksUpARecreatedContainerAndEndsAfterDown() throws Exception {
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; echo started $$(hostname); sleep 3600 & wait"]
        """);
    stack.ok("up", "-d");
    String first = stack.containerId("app").substring(0, 12);

    try (BerthProcess logs = BerthProcess.start(dir, java.util.Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project),
        "logs", "-f")) {
      logs.awaitLine(l -> l.equals("app-1  | started " + first), java.time.Duration.ofSeconds(60));

      stack.ok("up", "-d", "--force-recreate");
      String second = stack.containerId("app").substring(0, 12);
      logs.awaitLine(l -> l.equals("app-1  | started " + second), java.time.Duration.ofSeconds(30));

      stack.ok("down");
      assertThat(logs.awaitExit(java.time.Duration.ofSeconds(30))).as(logs.output()).isZero();
    }
  }

  @Test
  void eventsStreamsTheProjectsContainerEventsAsJson() throws Exception {
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """);
    stack.ok("up", "-d");
    try (BerthProcess events = BerthProcess.start(dir, java.util.Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project),
        "events", "--json")) {
      // The subscription is made once the JVM is up; restart until an event shows, bounded.
      String line = null;
      for (int i = 0; i < 20 && line == null; i++) {
        stack.ok("restart", "app");
        try {
          line = events.awaitLine(l -> l.contains("\"action\":\"start\""), java.time.Duration.ofSeconds(2));
        } catch (AssertionError notYet) {
          // Not subscribed yet.
        }
      }
      assertThat(line).contains("\"service\":\"app\"", "\"type\":\"container\"");
      events.signal("TERM");
      assertThat(events.awaitExit(java.time.Duration.ofSeconds(20))).isZero();
    }
  }
}
