package io.berth.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which Engine calls are bounded, by how much, and which stream and so are left unbounded. */
class EngineDeadlinesTest {
  private final EngineDeadlines defaults = EngineDeadlines.defaults();

  @Test
  void anOrdinaryCallHasTheCallDeadlineAndThePingTheFirstContactOne() {
    assertThat(defaults.forCall("GET", "/v1.41/containers/json?all=1")).contains(Duration.ofSeconds(60));
    assertThat(defaults.forCall("POST", "/containers/create?name=x-web-1")).contains(Duration.ofSeconds(60));
    assertThat(defaults.forCall("DELETE", "/v1.41/volumes/x_data")).contains(Duration.ofSeconds(60));
    assertThat(defaults.forCall("GET", "/_ping")).contains(Duration.ofSeconds(10));
    assertThat(defaults.forCall("HEAD", "/v1.41/_ping")).contains(Duration.ofSeconds(10));
  }

  @Test
  void aStopMayTakeItsGracePeriodBeforeTheDeadlineStarts() {
    assertThat(defaults.forCall("POST", "/v1.41/containers/abc/stop?t=30")).contains(Duration.ofSeconds(90));
    assertThat(defaults.forCall("POST", "/containers/abc/restart?t=0")).contains(Duration.ofSeconds(60));
    // The Engine's own default grace period when the call names none.
    assertThat(defaults.forCall("POST", "/containers/abc/stop")).contains(Duration.ofSeconds(70));
  }

  @Test
  void callsThatStreamByDesignAreNotBounded() {
    for (String path : new String[] {
        "/v1.41/events?filters=x", "/containers/abc/attach?stream=1&stdout=1", "/containers/abc/wait?condition=not-running",
        "/exec/123/start", "/images/create?fromImage=busybox&tag=1", "/images/localhost:5000/app/push?tag=1",
        "/build?t=app", "/commit?container=abc", "/containers/abc/logs?follow=1&stdout=1",
        "/containers/abc/logs?stdout=1&follow=true", "/containers/abc/stats", "/containers/abc/stats?stream=1"}) {
      assertThat(defaults.forCall("GET", path)).as(path).isEmpty();
    }
  }

  @Test
  void logsWithoutFollowAndStatsWithoutStreamAreOrdinaryCalls() {
    assertThat(defaults.forCall("GET", "/containers/abc/logs?stdout=1&tail=10")).contains(Duration.ofSeconds(60));
    assertThat(defaults.forCall("GET", "/containers/abc/stats?stream=false")).contains(Duration.ofSeconds(60));
    assertThat(defaults.forCall("GET", "/containers/abc/stats?stream=0&one-shot=1")).contains(Duration.ofSeconds(60));
  }

  @Test
  void composeHttpTimeoutSetsTheCallDeadlineAndCapsTheFirstContact() {
    EngineDeadlines three = EngineDeadlines.fromEnvironment(Map.of("COMPOSE_HTTP_TIMEOUT", "3"));
    assertThat(three.forCall("GET", "/containers/json")).contains(Duration.ofSeconds(3));
    assertThat(three.forCall("GET", "/_ping")).contains(Duration.ofSeconds(3));
    EngineDeadlines long_ = EngineDeadlines.fromEnvironment(Map.of("COMPOSE_HTTP_TIMEOUT", " 120 "));
    assertThat(long_.forCall("GET", "/containers/json")).contains(Duration.ofSeconds(120));
    assertThat(long_.forCall("GET", "/_ping")).contains(Duration.ofSeconds(10));
    assertThat(EngineDeadlines.fromEnvironment(Map.of("COMPOSE_HTTP_TIMEOUT", ""))).isEqualTo(defaults);
    assertThat(EngineDeadlines.fromEnvironment(Map.of())).isEqualTo(defaults);
  }

  @Test
  void aTimeoutThatIsNotAPositiveNumberIsRefused() {
    for (String value : new String[] {"0", "-5", "1.5", "soon"}) {
      assertThatThrownBy(() -> EngineDeadlines.fromEnvironment(Map.of("COMPOSE_HTTP_TIMEOUT", value)))
          .isInstanceOf(EngineException.class)
          .hasMessage("COMPOSE_HTTP_TIMEOUT=" + value + " is not a number of seconds (accepted: a whole number above 0)");
    }
  }

  @Test
  void aBodyIsJsonOnlyWhenItIsOneWholeJsonValue() {
    assertThat(GuardedHttpClient.isJson("[{\"Id\":\"x\"}]\n".getBytes())).isTrue();
    assertThat(GuardedHttpClient.isJson("{}".getBytes())).isTrue();
    assertThat(GuardedHttpClient.isJson("<html>no</html>".getBytes())).isFalse();
    assertThat(GuardedHttpClient.isJson("[1, 2".getBytes())).isFalse();
    assertThat(GuardedHttpClient.isJson("{} trailing".getBytes())).isFalse();
    assertThat(Optional.of(GuardedHttpClient.call(com.github.dockerjava.transport.DockerHttpClient.Request.builder()
        .method(com.github.dockerjava.transport.DockerHttpClient.Request.Method.GET)
        .path("/v1.41/containers/json?all=1").build()))).contains("GET /containers/json");
  }
}
