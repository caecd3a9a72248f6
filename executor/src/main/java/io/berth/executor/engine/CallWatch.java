package io.berth.executor.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends a call that outlives its deadline by interrupting the thread that waits on it. Over a Unix
 * socket this is the only way: docker-java reads the socket through a blocking channel, on which
 * read timeouts do not exist, but an interrupt closes the channel and wakes the read. The watch is
 * stopped as soon as the call returns, and once stopped it can no longer interrupt anything.
 */
final class CallWatch {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final Thread caller;
  private ScheduledFuture<?> alarm;
  private boolean stopped;
  private boolean fired;

  private CallWatch(Thread caller) {
    this.caller = caller;
  }

  /** Starts watching the current thread's call. */
  static CallWatch start(Duration deadline) {
    CallWatch watch = new CallWatch(Thread.currentThread());
    synchronized (watch) {
      watch.alarm = TIMER.schedule(watch::fire, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
    return watch;
  }

  private synchronized void fire() {
    if (!stopped) {
      fired = true;
      caller.interrupt();
    }
  }

  /**
   * Stops the watch; from here on the caller is never interrupted by it.
   *
   * @return whether the deadline passed (the caller's interrupt, then set by the watch, is cleared)
   */
  synchronized boolean stop() {
    stopped = true;
    alarm.cancel(false);
    if (fired) {
      Thread.interrupted();
    }
    return fired;
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "berth-engine-deadline");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
