package io.berth.cli.terminal;

import io.berth.executor.tty.LocalTerminal;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The terminal in raw mode until closed, then put back exactly as it was ({@code stty -g}). Put back
 * on every way out: closing, which the session does in a finally, and a shutdown hook for an exit
 * that skips it (a signal, {@code System.exit} on another thread). In raw mode Ctrl-C is a byte for
 * the container, not a signal for berth, so the hook is for the rest.
 */
public final class RawMode implements LocalTerminal.Held {
  /** Where the restoring hook is registered; the JVM's own outside tests. */
  public interface ShutdownHooks {
    ShutdownHooks RUNTIME = new ShutdownHooks() {
      @Override
      public void add(Thread hook) {
        Runtime.getRuntime().addShutdownHook(hook);
      }

      @Override
      public void remove(Thread hook) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook runs, or has run; restoring twice is guarded anyway.
        }
      }
    };

    void add(Thread hook);

    void remove(Thread hook);
  }

  private final Stty stty;
  private final String saved;
  private final ShutdownHooks hooks;
  private final Thread hook;
  private final AtomicBoolean restored = new AtomicBoolean();

  private RawMode(Stty stty, String saved, ShutdownHooks hooks) {
    this.stty = stty;
    this.saved = saved;
    this.hooks = hooks;
    this.hook = new Thread(this::restore, "berth-terminal-restore");
  }

  /**
   * Saves the settings, registers the hook, then switches to raw mode. A terminal whose settings
   * cannot be read is left as it is: the session still works, only in cooked mode.
   */
  public static LocalTerminal.Held enter(Stty stty, ShutdownHooks hooks) {
    String saved = stty.settings().orElse(null);
    if (saved == null) {
      return LocalTerminal.Held.NOTHING;
    }
    RawMode mode = new RawMode(stty, saved, hooks);
    hooks.add(mode.hook);
    if (!stty.raw()) {
      mode.close();
      return LocalTerminal.Held.NOTHING;
    }
    return mode;
  }

  private void restore() {
    if (restored.compareAndSet(false, true)) {
      stty.restore(saved);
    }
  }

  @Override
  public void close() {
    restore();
    hooks.remove(hook);
  }
}
