package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.testsupport.FakeEngine;
import io.berth.testsupport.FakeEngine.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/berth ps} and {@code up -d} against an Engine that is there but misbehaves (issue 13):
 * one that accepts connections and never answers, one that answers only {@code /_ping}, one that
 * answers garbage and one that answers 500 to everything, each on a Unix socket and on 127.0.0.1.
 * Each run must end by itself, soon, with one line that names the host and says what happened.
 * The bounds are loose on purpose (the exact figures are in bench/faults/engine.md): what is
 * asserted is that berth gives up instead of waiting forever.
 */
class MisbehavingEngineIT {
  private static final List<String> COMMANDS = List.of("ps", "up -d");

  @TempDir Path dir;
  private final List<FakeEngine> engines = new ArrayList<>();

  @AfterEach
  void stopEngines() throws IOException {
    for (FakeEngine engine : engines) {
      engine.close();
    }
  }

  @Test
  void anEngineThatNeverAnswersIsGivenUpOnAfterTheFirstContactDeadline() throws Exception {
    List<Run> runs = startAgainst(Mode.SILENT, Map.of());
    for (Run run : runs) {
      run.assertGaveUpWithin(Duration.ofSeconds(15))
          .contains("the Docker Engine at " + run.host + " did not answer GET /_ping within 10s");
    }
  }

  @Test
  void composeHttpTimeoutShortensEveryDeadline() throws Exception {
    List<Run> runs = new ArrayList<>(startAgainst(Mode.SILENT, Map.of("COMPOSE_HTTP_TIMEOUT", "3")));
    runs.addAll(startAgainst(Mode.PING_ONLY, Map.of("COMPOSE_HTTP_TIMEOUT", "3")));
    for (Run run : runs) {
      run.assertGaveUpWithin(Duration.ofSeconds(5))
          .contains("the Docker Engine at " + run.host + " did not answer ")
          .contains(" within 3s");
    }
  }

  @Test
  void anAnswerThatIsNotJsonIsReportedAsWhatTheEngineAnswered() throws Exception {
    for (Run run : startAgainst(Mode.GARBAGE, Map.of())) {
      run.assertGaveUpWithin(Duration.ofSeconds(15))
          .contains("the Docker Engine at " + run.host + " answered GET /containers/json with something that is not JSON")
          .contains("not an engine");
    }
  }

  @Test
  void anEngineThatAnswers500IsNotReportedAsAbsent() throws Exception {
    for (Run run : startAgainst(Mode.ERROR_500, Map.of())) {
      run.assertGaveUpWithin(Duration.ofSeconds(15))
          .contains("the Docker Engine at " + run.host + " answered GET /_ping with 500: " + FakeEngine.ERROR_MESSAGE)
          .doesNotContain("Cannot connect");
    }
  }

  @Test
  void aTimeoutThatIsNotANumberIsRefusedInOneLine() throws Exception {
    FakeEngine engine = FakeEngine.onLoopback(Mode.PING_ONLY);
    engines.add(engine);
    writeProject();
    Run run = new Run("ps", engine.host(), BerthProcess.start(dir, Map.of("DOCKER_HOST", engine.host(),
        "COMPOSE_HTTP_TIMEOUT", "soon"), "ps"), System.nanoTime());
    run.assertGaveUpWithin(Duration.ofSeconds(15))
        .contains("COMPOSE_HTTP_TIMEOUT=soon is not a number of seconds (accepted: a whole number above 0)");
  }

  /** Every command against the mode on both transports, all started at once. */
  private List<Run> startAgainst(Mode mode, Map<String, String> extra) throws IOException {
    writeProject();
    List<FakeEngine> both = List.of(
        FakeEngine.onUnixSocket(mode, Files.createTempDirectory(dir, "sock").resolve("engine.sock")),
        FakeEngine.onLoopback(mode));
    engines.addAll(both);
    List<Run> runs = new ArrayList<>();
    for (FakeEngine engine : both) {
      for (String command : COMMANDS) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("DOCKER_HOST", engine.host());
        runs.add(new Run(command, engine.host(), BerthProcess.start(dir, env, command.split(" ")), System.nanoTime()));
      }
    }
    return runs;
  }

  private void writeProject() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        name: misbehaving
        services:
          web:
            image: berth-test/busybox:1
            command: ["sleep", "60"]
        """);
  }

  private record Run(String command, String host, BerthProcess process, long startedNanos) {
    /** Asserts the run ended with a failure in time and printed one line, no trace; returns that line. */
    org.assertj.core.api.AbstractStringAssert<?> assertGaveUpWithin(Duration bound) throws InterruptedException {
      try (process) {
        int exit = process.awaitExit(bound.plusSeconds(30));
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        String output = process.output();
        String what = command + " against " + host + " printed:\n" + output;
        assertThat(exit).as(what).isEqualTo(ExitCodes.FAILURE);
        assertThat(took).as(what).isLessThan(bound);
        assertThat(output.strip()).as(what).doesNotContain("\n").doesNotContain("internal error")
            .doesNotContain("Exception").doesNotContain("\tat ");
        return assertThat(output.strip()).as(what);
      }
    }
  }
}
