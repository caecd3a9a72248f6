package io.berth.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.berth.testsupport.FakeEngine;
import io.berth.testsupport.FakeEngine.Mode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadlines where they are kept, against a fake Engine that answers {@code /_ping} and leaves
 * everything else unanswered: an ordinary call, docker-java's or the raw upgrade of exec and
 * attach, gives up after its deadline on both transports; a call that streams by design does not.
 */
class MisbehavingEngineTest {
  private static final Map<String, String> ONE_SECOND = Map.of("COMPOSE_HTTP_TIMEOUT", "1");

  @TempDir Path dir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void anOrdinaryCallGivesUpAfterItsDeadlineOnBothTransports() throws IOException {
    for (FakeEngine fake : List.of(FakeEngine.onUnixSocket(Mode.PING_ONLY, dir.resolve("e.sock")),
        FakeEngine.onLoopback(Mode.PING_ONLY))) {
      opened.add(fake);
      Engine engine = connect(fake);
      long start = System.nanoTime();

      assertThatThrownBy(() -> engine.client().listContainersCmd().withShowAll(true).exec())
          .hasMessage("the Docker Engine at " + fake.host() + " did not answer GET /containers/json within 1s"
              + " (COMPOSE_HTTP_TIMEOUT sets how many seconds to wait)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
      // The watch that interrupted the call leaves the caller's thread as it found it.
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
  }

  @Test
  void berthsOwnReadsAreBoundedToo() throws IOException {
    FakeEngine fake = FakeEngine.onUnixSocket(Mode.PING_ONLY, dir.resolve("e.sock"));
    opened.add(fake);
    Engine engine = connect(fake);

    assertThatThrownBy(() -> new EngineReads(engine.client()).get("/containers/abc/json", Map.of(), json -> json.getText()))
        .hasMessageContaining("did not answer GET /containers/abc/json within 1s");
  }

  @Test
  void theUpgradeOfExecAndAttachIsBoundedButNotTheStreamAfterIt() throws IOException {
    FakeEngine fake = FakeEngine.onLoopback(Mode.PING_ONLY);
    opened.add(fake);
    Engine engine = connect(fake);
    long start = System.nanoTime();

    assertThatThrownBy(() -> RawStream.open(engine, "/v1.41/exec/abc/start", "{}", false))
        .isInstanceOf(EngineException.class)
        .hasMessage("the Docker Engine at " + fake.host() + " did not answer POST /exec/abc/start within 1s"
            + " (COMPOSE_HTTP_TIMEOUT sets how many seconds to wait)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void aStreamingCallMayStaySilentPastTheDeadline() throws Exception {
    FakeEngine fake = FakeEngine.onUnixSocket(Mode.PING_ONLY, dir.resolve("e.sock"));
    opened.add(fake);
    Engine engine = connect(fake);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ResultCallback.Adapter<Event> events = engine.client().eventsCmd().exec(new ResultCallback.Adapter<>() {
      @Override
      public void onError(Throwable t) {
        failure.set(t);
      }
    });
    opened.add(events);

    Thread.sleep(3000);

    assertThat(fake.requests()).anyMatch(r -> r.contains("/events"));
    assertThat(failure.get()).isNull();
  }

  private Engine connect(FakeEngine fake) {
    Map<String, String> env = new java.util.HashMap<>(ONE_SECOND);
    env.put("DOCKER_HOST", fake.host());
    Engine engine = Engine.connect(env);
    opened.add(engine);
    return engine;
  }
}
