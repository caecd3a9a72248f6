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
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeAll;
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

  /**
   * bin/berth builds itself and its class archive on the first run after a build, with a training
   * run against DOCKER_HOST: done here, once, against no fake, so that no timed run does it.
   */
  @BeforeAll
  static void warmUp(@TempDir Path empty) throws Exception {
    try (BerthProcess version = BerthProcess.start(empty, Map.of(), "version")) {
      assertThat(version.awaitExit(Duration.ofMinutes(10))).as(version.output()).isZero();
    }
  }

  /** Runs bin/berth once alone, so that the timed runs below never include its first-run build. */
  @BeforeAll
  static void launcherIsBuilt(@TempDir Path anywhere) throws Exception {
    try (BerthProcess version = BerthProcess.start(anywhere, Map.of(), "version")) {
      assertThat(version.awaitExit(Duration.ofSeconds(300))).as(version.output()).isZero();
    }
  }

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
          .contains("the Docker Engine at " + run.host() + " did not answer GET /_ping within 10s");
    }
  }

  @Test
  void composeHttpTimeoutShortensEveryDeadline() throws Exception {
    List<Run> runs = new ArrayList<>(startAgainst(Mode.SILENT, Map.of("COMPOSE_HTTP_TIMEOUT", "3")));
    runs.addAll(startAgainst(Mode.PING_ONLY, Map.of("COMPOSE_HTTP_TIMEOUT", "3")));
    for (Run run : runs) {
      run.assertGaveUpWithin(Duration.ofSeconds(5))
          .contains("the Docker Engine at " + run.host() + " did not answer ")
          .contains(" within 3s");
    }
  }

  @Test
  void anAnswerThatIsNotJsonIsReportedAsWhatTheEngineAnswered() throws Exception {
    for (Run run : startAgainst(Mode.GARBAGE, Map.of())) {
      // ps's first call lists the containers; up's first takes the project's lock (a volume).
      String firstCall = run.command().equals("ps") ? "GET /containers/json" : "POST /volumes/create";
      run.assertGaveUpWithin(Duration.ofSeconds(15))
          .contains("the Docker Engine at " + run.host() + " answered " + firstCall + " with something that is not JSON")
          .contains("not an engine");
    }
  }

  @Test
  void anEngineThatAnswers500IsNotReportedAsAbsent() throws Exception {
    for (Run run : startAgainst(Mode.ERROR_500, Map.of())) {
      run.assertGaveUpWithin(Duration.ofSeconds(15))
          .contains("the Docker Engine at " + run.host() + " answered GET /_ping with 500: " + FakeEngine.ERROR_MESSAGE)
          .doesNotContain("Cannot connect");
    }
  }

  @Test
  void aTimeoutThatIsNotANumberIsRefusedInOneLine() throws Exception {
    FakeEngine engine = FakeEngine.onLoopback(Mode.PING_ONLY);
    engines.add(engine);
    writeProject();
    BerthProcess process = BerthProcess.start(dir, Map.of("DOCKER_HOST", engine.host(), "COMPOSE_HTTP_TIMEOUT", "soon"), "ps");
    try (process) {
      int exit = process.awaitExit(Duration.ofSeconds(60));
      assertThat(exit).as(process.output()).isEqualTo(ExitCodes.FAILURE);
      assertThat(Run.printed(process).strip())
          .isEqualTo("COMPOSE_HTTP_TIMEOUT=soon is not a number of seconds (accepted: a whole number above 0)");
    }
    // Refused before anything is asked of the Engine.
    assertThat(engine.requests()).isEmpty();
  }

  /**
   * Every command against the mode on both transports, all started at once, each against a fake
   * of its own so that its wait can be timed from its own first contact.
   */
  private List<Run> startAgainst(Mode mode, Map<String, String> extra) throws IOException {
    writeProject();
    List<Run> runs = new ArrayList<>();
    for (boolean unix : new boolean[] {true, false}) {
      for (String command : COMMANDS) {
        FakeEngine engine = unix
            ? FakeEngine.onUnixSocket(mode, Files.createTempDirectory(dir, "sock").resolve("engine.sock"))
            : FakeEngine.onLoopback(mode);
        engines.add(engine);
        Map<String, String> env = new HashMap<>(extra);
        env.put("DOCKER_HOST", engine.host());
        runs.add(new Run(command, engine, BerthProcess.start(dir, env, command.split(" "))));
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

  /**
   * One berth process against one fake. Its wait is timed from its first connection to the fake:
   * on a loaded machine a JVM may take seconds to start, and that is not what is tested here. The
   * whole run gets a generous bound on top, so that a berth that never connects still fails.
   */
  private record Run(String command, FakeEngine engine, BerthProcess process) {
    private static final Duration STARTUP_ALLOWANCE = Duration.ofSeconds(45);

    String host() {
      return engine.host();
    }

    /** Asserts the run ended with a failure in time and printed one line, no trace; returns that line. */
    AbstractStringAssert<?> assertGaveUpWithin(Duration bound) throws InterruptedException {
      try (process) {
        int exit = process.awaitExit(bound.plus(STARTUP_ALLOWANCE));
        String output = printed(process);
        String what = command + " against " + host() + " printed:\n" + output;
        assertThat(exit).as(what).isEqualTo(ExitCodes.FAILURE);
        long endedNanos = process.exitedNanos();
        assertThat(engine.firstConnectionNanos()).as(what + "\n(berth never connected)").isPresent();
        Duration waited = Duration.ofNanos(endedNanos - engine.firstConnectionNanos().getAsLong());
        assertThat(waited).as(what).isLessThan(bound);
        assertThat(output.strip()).as(what).doesNotContain("\n").doesNotContain("internal error")
            .doesNotContain("Exception").doesNotContain("\tat ");
        return assertThat(output.strip()).as(what);
      }
    }

    /** What the ended process printed, once its output has been read to the end. */
    private static String printed(BerthProcess process) throws InterruptedException {
      long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (process.output().isBlank() && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      return process.output();
    }
  }
}
