package io.berth.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.executor.tty.LocalTerminal;
import io.berth.executor.tty.TerminalSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Raw mode and the terminal's size through stty, with a recording runner in place of a terminal. */
class RawModeTest {
  private static final String SAVED = "500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0";

  /** Answers stty as a terminal would, or fails the commands it is told to, and records every call. */
  private static final class FakeStty implements CommandRunner {
    final List<String> calls = new ArrayList<>();
    final Map<String, Result> answers;

    FakeStty(Map<String, Result> answers) {
      this.answers = answers;
    }

    @Override
    public Result run(List<String> command) {
      String line = String.join(" ", command);
      calls.add(line);
      return answers.getOrDefault(line, new Result(0, ""));
    }
  }

  /** Hooks as the JVM would keep them, so a test can play the JVM's exit. */
  private static final class FakeHooks implements RawMode.ShutdownHooks {
    final List<Thread> registered = new ArrayList<>();

    @Override
    public void add(Thread hook) {
      registered.add(hook);
    }

    @Override
    public void remove(Thread hook) {
      registered.remove(hook);
    }
  }

  private static FakeStty terminal() {
    return new FakeStty(Map.of("stty -g", new CommandRunner.Result(0, SAVED + "\n")));
  }

  @Test
  void savesThenGoesRawAndPutsTheSavedSettingsBackOnceWhenClosed() {
    FakeStty stty = terminal();
    FakeHooks hooks = new FakeHooks();

    LocalTerminal.Held raw = RawMode.enter(new Stty(stty), hooks);
    assertThat(stty.calls).containsExactly("stty -g", "stty raw -echo");
    assertThat(hooks.registered).hasSize(1);

    raw.close();
    raw.close();
    assertThat(stty.calls).containsExactly("stty -g", "stty raw -echo", "stty " + SAVED);
    assertThat(hooks.registered).isEmpty();
  }

  @Test
  void theShutdownHookPutsTheTerminalBackWhenTheSessionNeverClosed() throws InterruptedException {
    FakeStty stty = terminal();
    FakeHooks hooks = new FakeHooks();
    LocalTerminal.Held raw = RawMode.enter(new Stty(stty), hooks);

    Thread hook = hooks.registered.get(0);
    hook.start();
    hook.join();
    assertThat(stty.calls).endsWith("stty " + SAVED);

    // A close racing with the exit does not restore a second time.
    raw.close();
    assertThat(stty.calls).filteredOn(c -> c.equals("stty " + SAVED)).hasSize(1);
  }

  @Test
  void aTerminalWhoseSettingsCannotBeReadIsLeftAlone() {
    FakeStty stty = new FakeStty(Map.of("stty -g", new CommandRunner.Result(1, "")));
    FakeHooks hooks = new FakeHooks();

    RawMode.enter(new Stty(stty), hooks).close();

    assertThat(stty.calls).containsExactly("stty -g");
    assertThat(hooks.registered).isEmpty();
  }

  @Test
  void aRefusedRawModeIsUndoneAtOnce() {
    FakeStty stty = new FakeStty(Map.of(
        "stty -g", new CommandRunner.Result(0, SAVED),
        "stty raw -echo", new CommandRunner.Result(1, "")));
    FakeHooks hooks = new FakeHooks();

    LocalTerminal.Held raw = RawMode.enter(new Stty(stty), hooks);
    raw.close();

    assertThat(stty.calls).containsExactly("stty -g", "stty raw -echo", "stty " + SAVED);
    assertThat(hooks.registered).isEmpty();
  }

  @Test
  void aMissingSttyIsNoSize() {
    Stty stty = new Stty(command -> {
      throw new java.io.IOException("Cannot run program \"stty\"");
    });
    assertThat(stty.size()).isEmpty();
    assertThat(stty.settings()).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}x{2}")
  @CsvSource(delimiter = '|', value = {
      "33 101\\n | 33  | 101",
      "24 80     | 24  | 80",
      "  50\t200 | 50  | 200",
      "0 0       | -1  | -1",   // a pty nobody has sized yet
      "33        | -1  | -1",
      "33 101 7  | -1  | -1",
      "rows cols | -1  | -1",
      "''        | -1  | -1",
  })
  void sizeIsRowsThenColumns(String text, int rows, int columns) {
    Optional<TerminalSize> expected = rows < 0 ? Optional.empty() : Optional.of(new TerminalSize(rows, columns));
    assertThat(Stty.parseSize(text.replace("\\n", "\n"))).isEqualTo(expected);
  }

  @Test
  void sizeAsksSttyForIt() {
    FakeStty stty = new FakeStty(Map.of("stty size", new CommandRunner.Result(0, "33 101\n")));
    assertThat(new Stty(stty).size()).contains(new TerminalSize(33, 101));
  }
}
