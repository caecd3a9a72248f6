package io.berth.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.executor.engine.EngineException;
import io.berth.planner.labels.Labels;
import io.berth.planner.observed.ObservedContainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which container {@code exec} picks, and what it says when there is none, as Compose. */
class ExecTargetTest {
  private static ObservedContainer replica(String service, int number, String state) {
    Map<String, String> labels = new LinkedHashMap<>(Map.of(Labels.SERVICE, service, Labels.ONEOFF, "False"));
    labels.put(Labels.CONTAINER_NUMBER, Integer.toString(number));
    return new ObservedContainer("id-" + service + number, "p-" + service + "-" + number, state, "sha256:i", labels);
  }

  private static ObservedContainer oneOff(String service, String state) {
    return new ObservedContainer("id-" + service + "-run", "p-" + service + "-run-0123456789ab", state, "sha256:i",
        Map.of(Labels.SERVICE, service, Labels.ONEOFF, "True"));
  }

  @Test
  void theLowestRunningReplicaComesBeforeAOneOff() {
    List<ObservedContainer> all = List.of(oneOff("web", "running"), replica("web", 2, "running"), replica("web", 1, "exited"));

    assertThat(Exec.target(all, "web", 0).name()).isEqualTo("p-web-2");
    assertThat(Exec.target(all, "web", 2).name()).isEqualTo("p-web-2");
  }

  @Test
  void aRunningOneOffIsTheTargetWhenNoReplicaRuns() {
    List<ObservedContainer> all = List.of(replica("web", 1, "exited"), oneOff("web", "running"), replica("db", 1, "running"));

    assertThat(Exec.target(all, "web", 0).name()).isEqualTo("p-web-run-0123456789ab");
  }

  @Test
  void aStoppedServiceIsNotRunningInComposesWords() {
    List<ObservedContainer> all = List.of(replica("db", 1, "exited"), oneOff("web", "running"));

    assertThatThrownBy(() -> Exec.target(all, "db", 0)).isInstanceOf(EngineException.class)
        .hasMessage("service \"db\" is not running");
    // A one-off is no replica: --index never picks it.
    assertThatThrownBy(() -> Exec.target(all, "web", 1)).isInstanceOf(EngineException.class)
        .hasMessage("service \"web\" is not running container #1");
  }
}
