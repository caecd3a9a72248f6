package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** events over a window of the Engine's recent history: --since and --until. */
class EventsEngineTest extends EngineStackTest {
  @Test
  @Timeout(120) // guards against a stream that never ends; not a measure of anything
  void aWindowShowsTheEventsInsideItAndEndsByItself() {
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """);
    stack.ok("up", "-d");
    String id = stack.containerId("app");
    // The create happened before the window opens; the restart's stop and start happen inside it.
    Instant since = Instant.now();
    stack.ok("restart", "app");
    stack.ok("run", "--rm", "-T", "app", "true");
    long until = Instant.now().getEpochSecond() + 2;

    BerthRunner.Result r = stack.ok("events", "--json", "--since", since.toString(), "--until", Long.toString(until));

    assertThat(r.out()).contains("\"action\":\"start\",\"id\":\"" + id + "\"", "\"action\":\"die\"")
        .doesNotContain("\"action\":\"create\"")
        // As Compose: no one-off container's events, and none of Compose's labels among the attributes.
        .doesNotContain("-run-", "com.docker.compose.");
  }

  @Test
  void aTimeInNoAcceptedFormIsOneLineAndNoStream() {
    stack.write0("compose.yaml", "services:\n  app:\n    image: ${IMAGE}\n");

    BerthRunner.Result r = stack.berth("events", "--until", "yesterday");

    assertThat(r.code()).isNotZero();
    assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
    assertThat(r.err()).contains("invalid --until \"yesterday\": accepted values are RFC 3339 times", "Unix seconds", "durations");
  }
}
