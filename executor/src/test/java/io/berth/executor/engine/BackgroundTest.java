package io.berth.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundTest {
  @Test
  void theWorkRunsOnADaemonThreadOfItsOwn() {
    Background<Thread> work = Background.start("test", Thread::currentThread);

    Thread ran = work.join();
    assertThat(ran).isNotSameAs(Thread.currentThread());
    assertThat(ran.isDaemon()).isTrue();
    assertThat(ran.getName()).isEqualTo("berth-test");
  }

  @Test
  void joinThrowsWhatTheWorkThrewAsIfItRanHere() {
    Background<String> failing = Background.start("test", () -> {
      throw new EngineException("network not found");
    });

    assertThatThrownBy(failing::join).isExactlyInstanceOf(EngineException.class).hasMessage("network not found");
  }

  @Test
  void whenDoneGetsTheResultAndIsNotCalledOnFailure() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<String> got = new AtomicReference<>();
    Background.start("test", () -> "engine").whenDone(v -> {
      got.set(v);
      done.countDown();
    });
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(got).hasValue("engine");

    AtomicReference<String> called = new AtomicReference<>();
    Background<String> failing = Background.start("test", () -> {
      throw new IllegalStateException("no");
    });
    assertThatThrownBy(failing::join).isInstanceOf(IllegalStateException.class);
    failing.whenDone(called::set);
    assertThat(called).hasValue(null);
  }
}
