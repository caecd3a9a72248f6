package io.berth.executor.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.executor.engine.EngineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProjectLockTest {
  /** Volumes as Engine 20.10 keeps them: a create of an existing name answers with the existing labels. */
  static final class MemoryStore implements LockStore {
    final Map<String, Map<String, String>> volumes = new ConcurrentHashMap<>();
    final List<String> removed = new ArrayList<>();

    @Override
    public Map<String, String> create(String name, Map<String, String> labels) {
      return volumes.computeIfAbsent(name, n -> Map.copyOf(labels));
    }

    @Override
    public Optional<Map<String, String>> labels(String name) {
      return Optional.ofNullable(volumes.get(name));
    }

    @Override
    public synchronized void remove(String name) {
      removed.add(name);
      volumes.remove(name);
    }
  }

  /** A clock that moves only when the lock sleeps. */
  static final class FakeClock implements ProjectLock.Clock {
    final AtomicLong now = new AtomicLong();
    final AtomicInteger sleeps = new AtomicInteger();

    @Override
    public long nanos() {
      return now.get();
    }

    @Override
    public void sleep(Duration pause) {
      sleeps.incrementAndGet();
      now.addAndGet(pause.toNanos());
    }
  }

  private static final LockHolder SELF = new LockHolder("me", "ci-1", "boot-a", 10, 5_000, "up");
  private final MemoryStore store = new MemoryStore();
  private final FakeClock clock = new FakeClock();
  private final List<String> notices = new ArrayList<>();

  private ProjectLock lock(Staleness.Processes processes) {
    return new ProjectLock(store, processes, clock);
  }

  private ProjectLock.Policy policy(Duration limit) {
    return new ProjectLock.Policy(limit, notices::add);
  }

  @Test
  void aFreeLockIsTakenAtOnceAndRemovedOnClose() {
    try (ProjectLock.Held held = lock(pid -> Optional.of(5_000L)).acquire("demo", SELF, policy(Duration.ofSeconds(5)))) {
      assertThat(store.volumes).containsKey("berth.lock.demo");
      assertThat(store.volumes.get("berth.lock.demo")).containsEntry("io.berth.lock.token", "me");
    }
    assertThat(store.volumes).isEmpty();
    assertThat(clock.sleeps).hasValue(0);
    assertThat(notices).isEmpty();
  }

  @Test
  void aLiveHolderIsWaitedForUntilTheLimitThenOneLineNamesItAndTheWayOut() {
    LockHolder other = new LockHolder("them", "ci-1", "boot-a", 77, 1_000, "down");
    store.volumes.put("berth.lock.demo", other.labels("demo"));

    assertThatThrownBy(() -> lock(pid -> Optional.of(1_000L)).acquire("demo", SELF, policy(Duration.ofSeconds(3))))
        .isInstanceOf(EngineException.class)
        .hasMessage("project \"demo\" is locked by berth down (pid 77 on host ci-1); gave up waiting after 3s."
            + " If that command is no longer running, remove the lock: docker volume rm berth.lock.demo");
    assertThat(Duration.ofNanos(clock.now.get())).isEqualTo(Duration.ofSeconds(3));
    assertThat(notices).containsExactly("Waiting for berth down (pid 77 on host ci-1), which holds the lock of project \"demo\"");
    assertThat(store.volumes.get("berth.lock.demo")).containsEntry("io.berth.lock.token", "them");
  }

  @Test
  void aHolderOnAnotherMachineIsWaitedFor() {
    store.volumes.put("berth.lock.demo", new LockHolder("them", "ci-2", "boot-z", 77, 1_000, "up").labels("demo"));

    assertThatThrownBy(() -> lock(pid -> Optional.empty()).acquire("demo", SELF, policy(Duration.ofSeconds(1))))
        .hasMessageContaining("gave up waiting after 1s");
    assertThat(store.volumes.get("berth.lock.demo")).containsEntry("io.berth.lock.token", "them");
  }

  @Test
  void theLockADeadHolderLeftIsBrokenWithoutWaiting() {
    store.volumes.put("berth.lock.demo", new LockHolder("dead", "ci-1", "boot-a", 77, 1_000, "up").labels("demo"));

    try (ProjectLock.Held held = lock(pid -> Optional.empty()).acquire("demo", SELF, policy(Duration.ofSeconds(5)))) {
      assertThat(store.volumes.get("berth.lock.demo")).containsEntry("io.berth.lock.token", "me");
    }
    assertThat(clock.sleeps).hasValue(0);
    assertThat(store.removed).containsExactly("berth.lock.demo", "berth.lock.demo.break.dead", "berth.lock.demo");
  }

  @Test
  void whileAnotherWaiterBreaksTheDeadHoldersLockTheMainLockIsLeftToIt() {
    store.volumes.put("berth.lock.demo", new LockHolder("dead", "ci-1", "boot-a", 77, 1_000, "up").labels("demo"));
    store.volumes.put("berth.lock.demo.break.dead", new LockHolder("peer", "ci-1", "boot-a", 88, 2_000, "up").labels("demo"));
    // The peer (pid 88, alive) finishes its break during this waiter's pause.
    ProjectLock.Clock peerFinishes = new ProjectLock.Clock() {
      @Override
      public long nanos() {
        return clock.nanos();
      }

      @Override
      public void sleep(Duration pause) {
        store.volumes.remove("berth.lock.demo");
        store.volumes.remove("berth.lock.demo.break.dead");
        clock.sleep(pause);
      }
    };
    Staleness.Processes processes = pid -> pid == 88 ? Optional.of(2_000L) : Optional.empty();

    try (ProjectLock.Held held = new ProjectLock(store, processes, peerFinishes).acquire("demo", SELF, policy(Duration.ofSeconds(5)))) {
      assertThat(store.volumes.get("berth.lock.demo")).containsEntry("io.berth.lock.token", "me");
    }
    assertThat(store.removed).as("this waiter removed only its own lock").containsExactly("berth.lock.demo");
  }

  @Test
  void aBreakLockLeftByABreakerThatDiedIsRemovedAndTheBreakGoesOn() {
    store.volumes.put("berth.lock.demo", new LockHolder("dead", "ci-1", "boot-a", 77, 1_000, "up").labels("demo"));
    store.volumes.put("berth.lock.demo.break.dead", new LockHolder("deadpeer", "ci-1", "boot-a", 88, 2_000, "up").labels("demo"));

    try (ProjectLock.Held held = lock(pid -> Optional.empty()).acquire("demo", SELF, policy(Duration.ofSeconds(5)))) {
      assertThat(store.volumes.get("berth.lock.demo")).containsEntry("io.berth.lock.token", "me");
    }
    assertThat(store.volumes).isEmpty();
  }

  @Test
  void ofManyThreadsTakingOneLockNeverTwoHoldItAtOnce() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      LockHolder holder = new LockHolder("t" + i, "ci-1", "boot-a", 10, 5_000, "up");
      runs.add(pool.submit(() -> {
        go.await();
        ProjectLock real = new ProjectLock(store, pid -> Optional.of(5_000L), ProjectLock.Clock.SYSTEM);
        for (int round = 0; round < 20; round++) {
          try (ProjectLock.Held held = real.acquire("demo", holder, new ProjectLock.Policy(Duration.ofSeconds(30), n -> { }))) {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.sleep(1);
            inside.decrementAndGet();
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> run : runs) {
      run.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(most).hasValue(1);
    assertThat(store.volumes).isEmpty();
  }
}
