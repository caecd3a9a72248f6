package io.berth.cli.terminal;

import io.berth.executor.tty.LocalTerminal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Tells of each change of the terminal's size: the kernel sends the foreground process SIGWINCH.
 * Java has no public API for it; {@code sun.misc.Signal} takes {@code WINCH} on Linux HotSpot. Where
 * it does not, nothing is followed and the container's TTY keeps its first size.
 */
final class WindowChanges {
  private WindowChanges() {}

  /** Runs {@code changed} on each SIGWINCH until the result is closed, which puts back the previous handler. */
  static LocalTerminal.Held follow(Runnable changed) {
    Signal winch;
    SignalHandler previous;
    try {
      winch = new Signal("WINCH");
      previous = Signal.handle(winch, s -> changed.run());
    } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError unavailable) {
      return LocalTerminal.Held.NOTHING;
    }
    return () -> {
      try {
        Signal.handle(winch, previous);
      } catch (IllegalArgumentException ignored) {
        // Taken once, it can be given back; nothing else to do if not.
      }
    };
  }
}
