package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code berth run} through bin/berth: a Ctrl-C goes on to the one-off's command, as Compose's run forwards it. */
class RunSignalsIT extends EngineStackTest {

  @Test
  void aSignalEndsTheCommandWhoseExitCodeComesBackAndRmStillRemovesIt() throws Exception {
    stack.write("compose.yaml", """
        services:
          job:
            image: ${IMAGE}
        """);
    try (BerthProcess berth = BerthProcess.start(dir, Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project),
        "run", "--rm", "-T", "job", "sh", "-c", "trap 'echo got-int; exit 3' INT; while true; do echo tick; sleep 1; done")) {
      berth.awaitLine(l -> l.equals("tick"), Duration.ofSeconds(60));

      berth.signal("INT");

      assertThat(berth.awaitExit(Duration.ofSeconds(30))).as(berth.output()).isEqualTo(3);
      assertThat(berth.output()).contains("got-int");
    }
    assertThat(stack.containers()).isEmpty();
  }
}
