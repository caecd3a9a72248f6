package io.berth.cli.terminal;

import io.berth.executor.tty.LocalTerminal;
import io.berth.executor.tty.TerminalSize;
import java.util.Optional;

/** The terminal berth runs in, as a TTY session holds it: {@code stty} for mode and size, SIGWINCH for changes. */
public final class ConsoleTerminal implements LocalTerminal {
  private final Stty stty;

  public ConsoleTerminal(Stty stty) {
    this.stty = stty;
  }

  /** berth's own standard input's terminal. */
  public static ConsoleTerminal onStdin() {
    return new ConsoleTerminal(new Stty(CommandRunner.ON_STDIN));
  }

  @Override
  public Held raw() {
    return RawMode.enter(stty, RawMode.ShutdownHooks.RUNTIME);
  }

  @Override
  public Optional<TerminalSize> size() {
    return stty.size();
  }

  @Override
  public Held onResize(Runnable changed) {
    return WindowChanges.follow(changed);
  }
}
