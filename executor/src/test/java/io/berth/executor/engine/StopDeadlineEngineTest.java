package io.berth.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.berth.testsupport.EngineProbe;
import io.berth.testsupport.TestImages;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stop is as long as its grace period plus the Engine's own time, and its deadline is too: on the
 * real Engine, a container that ignores SIGTERM (busybox's sleep as PID 1) is stopped with a grace
 * period longer than {@code COMPOSE_HTTP_TIMEOUT}, and the stop is not cut.
 */
class StopDeadlineEngineTest {
  private String container;

  @AfterEach
  void removeContainer() {
    if (container != null) {
      EngineProbe.client().removeContainerCmd(container).withForce(true).exec();
    }
  }

  @Test
  void aStopLongerThanTheCallDeadlineButWithinItsGracePeriodIsNotCut() {
    EngineProbe.requireEngine();
    String image = TestImages.busybox();
    try (Engine engine = Engine.connect(Map.of("DOCKER_HOST", EngineProbe.host(), "COMPOSE_HTTP_TIMEOUT", "2"))) {
      DockerClient client = engine.client();
      container = client.createContainerCmd(image).withCmd("sleep", "60")
          .withName("hang-stopdeadline-" + ProcessHandle.current().pid()).exec().getId();
      client.startContainerCmd(container).exec();
      long start = System.nanoTime();

      client.stopContainerCmd(container).withTimeout(3).exec();

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).as("the stop waited out its grace period, past the 2 s call deadline")
          .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
      assertThat(client.inspectContainerCmd(container).exec().getState().getRunning()).isFalse();
    }
  }
}
