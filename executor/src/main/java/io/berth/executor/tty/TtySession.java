package io.berth.executor.tty;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * One TTY session's hold on the local terminal: raw mode while it lasts, and the container's TTY
 * kept at the terminal's size. Sized at the start and on every change, as the docker CLI does;
 * the first size is retried a few times on a daemon thread, since an exec's TTY may not exist yet
 * when its stream is attached.
 */
public final class TtySession implements AutoCloseable {
  private static final int FIRST_SIZE_ATTEMPTS = 10;

  private final LocalTerminal.Held raw;
  private final LocalTerminal.Held resizes;

  private TtySession(LocalTerminal.Held raw, LocalTerminal.Held resizes) {
    this.raw = raw;
    this.resizes = resizes;
  }

  /**
   * @param terminal the user's terminal; empty for a session without a TTY, which holds nothing
   * @param takeKeyboard put the terminal in raw mode: only when the session reads the keyboard
   * @param resize the Engine call that sizes this exec's or container's TTY; throws when refused
   */
  public static TtySession start(Optional<LocalTerminal> terminal, boolean takeKeyboard, Consumer<TerminalSize> resize) {
    return terminal.map(t -> start(t, takeKeyboard, resize))
        .orElseGet(() -> new TtySession(LocalTerminal.Held.NOTHING, LocalTerminal.Held.NOTHING));
  }

  private static TtySession start(LocalTerminal terminal, boolean takeKeyboard, Consumer<TerminalSize> resize) {
    LocalTerminal.Held raw = takeKeyboard ? terminal.raw() : LocalTerminal.Held.NOTHING;
    try {
      sizeFirst(terminal, resize);
      LocalTerminal.Held resizes = terminal.onResize(() -> terminal.size().ifPresent(size -> resizeQuietly(resize, size)));
      return new TtySession(raw, resizes);
    } catch (RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static void sizeFirst(LocalTerminal terminal, Consumer<TerminalSize> resize) {
    TerminalSize size = terminal.size().orElse(null);
    if (size == null || resizeQuietly(resize, size)) {
      return;
    }
    Thread retry = new Thread(() -> {
      try {
        for (int attempt = 1; attempt < FIRST_SIZE_ATTEMPTS; attempt++) {
          Thread.sleep(attempt * 10L);
          if (resizeQuietly(resize, terminal.size().orElse(size))) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "berth-tty-size");
    retry.setDaemon(true);
    retry.start();
  }

  /** A refused resize leaves the TTY at its old size; the session goes on. */
  private static boolean resizeQuietly(Consumer<TerminalSize> resize, TerminalSize size) {
    try {
      resize.accept(size);
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  /** Stops following the size and gives the terminal back as it was. */
  @Override
  public void close() {
    try {
      resizes.close();
    } finally {
      raw.close();
    }
  }
}
