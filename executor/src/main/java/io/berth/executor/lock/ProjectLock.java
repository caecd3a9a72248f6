package io.berth.executor.lock;

import io.berth.executor.engine.EngineException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One project's lock, so that two berth commands that change a project (two {@code up}s, an
 * {@code up} and a {@code down}) run one after the other instead of interleaving their Engine
 * calls. The lock is a volume named {@code berth.lock.<project>} in a {@link LockStore}; the
 * later command waits for it, breaks it at once when its holder is gone ({@link Staleness}), and
 * gives up after {@code limit} with one line naming the holder.
 *
 * <p>A stale lock is broken under a second lock named after the stale holder's token, so that of
 * several waiters that find the same dead holder exactly one removes its lock: without it, a
 * waiter slow to act could remove the lock another had just taken in its place.
 */
public final class ProjectLock {
  static final Duration FIRST_PAUSE = Duration.ofMillis(20);
  static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

  /** A lock as a command holds it: closing it releases it. */
  @FunctionalInterface
  public interface Lease extends AutoCloseable {
    @Override
    void close();
  }

  /** How long a command waits, and what it says when it starts waiting. */
  public record Policy(Duration limit, Consumer<String> onWait) {
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(5);
    public static final Policy DEFAULT = new Policy(DEFAULT_LIMIT, notice -> { });
  }

  /** Time as the waiting loop sees it; a test's runs without sleeping. */
  public interface Clock {
    long nanos();

    void sleep(Duration pause) throws InterruptedException;

    Clock SYSTEM = new Clock() {
      @Override
      public long nanos() {
        return System.nanoTime();
      }

      @Override
      public void sleep(Duration pause) throws InterruptedException {
        Thread.sleep(pause.toMillis());
      }
    };
  }

  private final LockStore store;
  private final Staleness.Processes processes;
  private final Clock clock;

  public ProjectLock(LockStore store) {
    this(store, Staleness.Processes.LOCAL, Clock.SYSTEM);
  }

  ProjectLock(LockStore store, Staleness.Processes processes, Clock clock) {
    this.store = store;
    this.processes = processes;
    this.clock = clock;
  }

  /** The lock volume's name: a dot cannot appear in a project name, so no project's own volume has it. */
  public static String volumeName(String project) {
    return "berth.lock." + project;
  }

  /**
   * Waits for the project's lock and takes it for {@code self}.
   *
   * @throws EngineException when {@code policy.limit()} passes first, naming the holder
   */
  public Held acquire(String project, LockHolder self, Policy policy) {
    String name = volumeName(project);
    Map<String, String> mine = self.labels(project);
    long start = clock.nanos();
    Duration pause = FIRST_PAUSE;
    boolean announced = false;
    while (true) {
      Map<String, String> found = store.create(name, mine);
      if (self.token().equals(found.get(LockHolder.TOKEN))) {
        return new Held(store, name);
      }
      Optional<LockHolder> holder = LockHolder.fromLabels(found);
      if (Staleness.judge(holder, self, processes) == Staleness.Verdict.STALE) {
        breakStale(project, holder.orElseThrow(), self);
        continue;
      }
      Duration waited = Duration.ofNanos(clock.nanos() - start);
      if (waited.compareTo(policy.limit()) >= 0) {
        throw new EngineException(gaveUp(project, holder, policy.limit()));
      }
      if (!announced) {
        policy.onWait().accept("Waiting for " + holder.map(LockHolder::describe).orElse("another command")
            + ", which holds the lock of project \"" + project + "\"");
        announced = true;
      }
      sleep(jittered(pause, policy.limit().minus(waited)));
      pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
    }
  }

  /** The one line a command that gave up prints: who holds the lock, and how to free it if nobody does. */
  static String gaveUp(String project, Optional<LockHolder> holder, Duration limit) {
    return "project \"" + project + "\" is locked by " + holder.map(LockHolder::describe).orElse("another command")
        + "; gave up waiting after " + limit.toSeconds() + "s. If that command is no longer running, remove the lock:"
        + " docker volume rm " + volumeName(project);
  }

  /**
   * Removes the lock {@code dead} left, if this waiter wins the right to: the break lock named after
   * {@code dead}'s token has exactly one owner, and while it is held nobody else removes the main
   * lock, so finding it still {@code dead}'s means it is still {@code dead}'s when removed.
   */
  private void breakStale(String project, LockHolder dead, LockHolder self) {
    String name = volumeName(project);
    String breaker = name + ".break." + dead.token();
    Map<String, String> found = store.create(breaker, self.labels(project));
    if (!self.token().equals(found.get(LockHolder.TOKEN))) {
      // Another waiter breaks it; one that died while breaking left its break lock behind.
      if (Staleness.judge(LockHolder.fromLabels(found), self, processes) == Staleness.Verdict.STALE) {
        store.remove(breaker);
      } else {
        sleep(FIRST_PAUSE);
      }
      return;
    }
    try {
      Optional<String> token = store.labels(name).map(l -> l.get(LockHolder.TOKEN));
      if (token.isPresent() && token.get().equals(dead.token())) {
        store.remove(name);
      }
    } finally {
      store.remove(breaker);
    }
  }

  private static Duration jittered(Duration pause, Duration left) {
    long millis = pause.toMillis() / 2 + ThreadLocalRandom.current().nextLong(pause.toMillis() / 2 + 1);
    return Duration.ofMillis(Math.max(1, Math.min(millis, left.toMillis())));
  }

  private void sleep(Duration pause) {
    try {
      clock.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted while waiting for the project's lock");
    }
  }

  /**
   * A lock taken: closing it removes the lock volume. A shutdown hook removes it too when the JVM
   * exits on a signal first (Ctrl-C, SIGTERM); after SIGKILL the next command finds its holder gone.
   */
  public static final class Held implements AutoCloseable {
    private final LockStore store;
    private final String name;
    private final Thread onExit;
    private boolean released;

    Held(LockStore store, String name) {
      this.store = store;
      this.name = name;
      this.onExit = new Thread(() -> {
        try {
          release();
        } catch (RuntimeException engineGone) {
          // Nothing to tell on the way out: the next command finds this process gone and breaks the lock.
        }
      }, "berth-lock-release");
      try {
        Runtime.getRuntime().addShutdownHook(onExit);
      } catch (IllegalStateException shuttingDown) {
        // Exiting already: close() still releases it.
      }
    }

    @Override
    public void close() {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs, or has run, release() itself.
      }
      release();
    }

    private synchronized void release() {
      if (!released) {
        released = true;
        // Only this holder removes its lock: a lock is broken only once its holder is gone.
        store.remove(name);
      }
    }
  }
}
