package io.berth.cli.commands;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C (or SIGTERM) while an attached {@code up} is still creating and starting containers. The
 * first asks the start to stop starting anything new, so that what it started can be stopped once
 * it has settled; the second runs {@code force} at once, as it does once the logs are followed.
 * Without this the JVM's default handler ended berth mid-start and left containers running.
 *
 * <p>The handlers stay installed: {@link AttachedUp} replaces them with its own when the start is
 * over, leaving no moment in which a Ctrl-C ends berth without a stop.
 */
final class StartInterrupt {
  private final AtomicInteger signals = new AtomicInteger();

  private StartInterrupt() {}

  /**
   * @param announce run in the signal's thread at the first signal, to say what happens now
   * @param force run in the signal's thread at the second
   */
  static StartInterrupt listen(Runnable announce, Runnable force) {
    StartInterrupt interrupt = new StartInterrupt();
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(name), s -> {
        int count = interrupt.signals.incrementAndGet();
        if (count == 1) {
          announce.run();
        } else if (count == 2) {
          try {
            force.run();
          } catch (RuntimeException e) {
            // The start is still settling; the kill after it says what went wrong, in one line.
          }
        }
      });
    }
    return interrupt;
  }

  /** Whether a first signal came: nothing more should be started. */
  boolean requested() {
    return signals.get() > 0;
  }

  /** Whether a second signal came: what runs is being killed. */
  boolean forced() {
    return signals.get() > 1;
  }
}
