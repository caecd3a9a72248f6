package io.berth.executor.lock;

import java.util.Optional;

/**
 * Whether a lock's holder is gone. Only a holder on this machine, in this boot, can be checked:
 * its pid is looked up, and a pid that is not running, or runs a process started at another time
 * (the pid was reused), left the lock behind (killed with SIGKILL, or the machine rebooted into a
 * new boot id). A holder on another machine cannot be checked; the waiter waits for it, within its
 * bound.
 */
public final class Staleness {
  /** Start times read by two JVMs may differ by the clock tick the kernel counts them in. */
  static final long START_TOLERANCE_MILLIS = 1_000;

  public enum Verdict {
    /** The holder runs: wait for it. */
    HELD,
    /** The holder is gone: the lock may be broken. */
    STALE,
    /** The holder is on another machine, or the lock is not berth's: wait, within the bound. */
    UNKNOWN
  }

  /** The start time of a running process by pid, as {@link ProcessHandle} reads it. */
  public interface Processes {
    Optional<Long> startMillis(long pid);

    Processes LOCAL = pid -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .map(p -> p.info().startInstant().map(i -> i.toEpochMilli()).orElse(-1L));
  }

  private Staleness() {}

  public static Verdict judge(Optional<LockHolder> holder, LockHolder self, Processes processes) {
    if (holder.isEmpty()) {
      return Verdict.UNKNOWN;
    }
    LockHolder h = holder.get();
    if (!h.sameMachine(self) || h.pid() <= 0) {
      return Verdict.UNKNOWN;
    }
    Optional<Long> started = processes.startMillis(h.pid());
    if (started.isEmpty()) {
      return Verdict.STALE;
    }
    // A start time that cannot be read says nothing about reuse: the process is taken to be the holder.
    if (started.get() >= 0 && h.startedMillis() > 0 && Math.abs(started.get() - h.startedMillis()) > START_TOLERANCE_MILLIS) {
      return Verdict.STALE;
    }
    return Verdict.HELD;
  }
}
