package io.berth.executor.tty;

import java.util.Optional;

/**
 * The user's terminal, as a session with a TTY in the container ({@code exec}, {@code run},
 * {@code attach}) uses it. The executor says when: raw mode from the moment the stream is attached,
 * the container's TTY sized once it exists and again on each change. The CLI, which owns the
 * terminal, says how.
 */
public interface LocalTerminal {
  /**
   * Hands the keyboard to the container: keys go out as typed, unechoed, Ctrl-C included, and the
   * container's TTY does the echoing and line editing. Closing the result puts the terminal back.
   */
  Held raw();

  /** The size now; empty when it cannot be read. */
  Optional<TerminalSize> size();

  /** Calls {@code changed} each time the terminal's size changes, until the result is closed. */
  Held onResize(Runnable changed);

  /** Something in effect until closed; closing twice is harmless. */
  interface Held extends AutoCloseable {
    Held NOTHING = () -> {};

    @Override
    void close();
  }
}
