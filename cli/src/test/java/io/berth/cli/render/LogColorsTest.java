package io.berth.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Log prefix colours as Compose's cmd/formatter hands them out, and when it hands out none. */
class LogColorsTest {
  private static final String ESC = "\u001b[";

  /** The n-th new container's colour: Compose's rainbow, normal then intense (bold), and round again. */
  @ParameterizedTest(name = "container {0} -> {1}")
  @CsvSource({
      "1, 36",    // cyan
      "2, 33",    // yellow
      "3, 32",    // green
      "4, 35",    // magenta
      "5, 34",    // blue
      "6, 36;1",  // intense cyan
      "7, 33;1",  // intense yellow
      "8, 32;1",  // intense green
      "9, 35;1",  // intense magenta
      "10, 34;1", // intense blue
      "11, 36",   // the rotation starts over
      "12, 33",
      "21, 36",
  })
  void theNthContainerTakesTheNthColourOfTheRotation(int n, String code) {
    LogColors colors = new LogColors();
    List<String> starts = IntStream.rangeClosed(1, n).mapToObj(i -> colors.start("svc" + i + "-1")).toList();
    assertThat(starts.get(n - 1)).isEqualTo(ESC + code + "m");
  }

  @Test
  void aContainerKeepsItsColourAndOnlyNewOnesAdvanceTheRotation() {
    LogColors colors = new LogColors();
    assertThat(List.of(colors.start("web-1"), colors.start("web-1"), colors.start("db-1"), colors.start("web-1"),
        colors.start("cache-1")))
        .containsExactly(ESC + "36m", ESC + "36m", ESC + "33m", ESC + "36m", ESC + "32m");
  }

  @Test
  void aHookTakesItsContainersColourAndTheUnnamedNone() {
    LogColors colors = new LogColors();
    assertThat(colors.start("web-1")).isEqualTo(ESC + "36m");
    assertThat(colors.start("web-1 ->")).isEqualTo(ESC + "36m");
    assertThat(colors.start("")).isEmpty();
    assertThat(colors.start("db-1")).isEqualTo(ESC + "33m");
    assertThat(colors.paint("", "plain")).isEqualTo("plain");
  }

  @Test
  void coloursFollowTheOrderContainersFirstPrintInNotTheOrderTheyWereListed() {
    StringWriter text = new StringWriter();
    LogPrinter printer = new LogPrinter(new PrintWriter(text), List.of("a-1", "b-1"), true);
    printer.print(new io.berth.executor.logs.LogLine("b-1", false, "first"));
    printer.print(new io.berth.executor.logs.LogLine("a-1", false, "second"));
    printer.note("a-1", "a-1 exited with code 0");
    printer.flush();
    assertThat(text.toString()).isEqualTo(
        ESC + "36mb-1  | " + ESC + "0mfirst\n"
            + ESC + "33ma-1  | " + ESC + "0msecond\n"
            + ESC + "33ma-1 exited with code 0" + ESC + "0m\n");
  }

  @ParameterizedTest(name = "--ansi={0} COMPOSE_ANSI={1} NO_COLOR={2} terminal={3} --no-color={4} -> {5}")
  @CsvSource(nullValues = "-", value = {
      // flag,  env,    NO_COLOR, stdout tty, --no-color, colour
      "-,       -,      -,        true,       false,      true",   // auto on a terminal
      "-,       -,      -,        false,      false,      false",  // auto into a pipe
      "auto,    -,      -,        true,       false,      true",
      "always,  -,      -,        false,      false,      true",
      "never,   -,      -,        true,       false,      false",
      "bogus,   -,      -,        true,       false,      false",  // anything else is never
      "-,       never,  -,        true,       false,      false",  // COMPOSE_ANSI when no flag
      "-,       always, -,        false,      false,      true",
      "auto,    never,  -,        true,       false,      true",   // the flag wins over COMPOSE_ANSI
      "always,  -,      1,        true,       false,      false",  // NO_COLOR wins even over always
      "-,       -,      1,        true,       false,      false",
      "-,       -,      '',       true,       false,      true",   // an empty NO_COLOR does not count
      "always,  -,      -,        true,       true,       false",  // --no-color of logs and up
  })
  void colourIsChosenAsComposeChoosesIt(String flag, String composeAnsi, String noColor, boolean terminal,
      boolean noColorFlag, boolean expected) {
    Map<String, String> env = new java.util.HashMap<>();
    if (composeAnsi != null) {
      env.put("COMPOSE_ANSI", composeAnsi);
    }
    if (noColor != null) {
      env.put("NO_COLOR", noColor);
    }
    assertThat(ColorChoice.colorLogs(Optional.ofNullable(flag), env, terminal, noColorFlag)).isEqualTo(expected);
  }
}
