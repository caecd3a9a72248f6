package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code berth attach} through bin/berth, signalled as a user's Ctrl-C signals it: the signal goes
 * on to a container without a TTY ({@code --sig-proxy}, on by default), or ends only berth.
 */
class AttachIT extends EngineStackTest {

  @BeforeEach
  void upTicker() throws java.io.IOException {
    stack.write("compose.yaml", """
        services:
          ticker:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'echo got-int; exit 3' INT; trap 'exit 0' TERM; while true; do echo tick; sleep 1; done"]
        """);
    stack.ok("up", "-d");
  }

  private BerthProcess attach(String... flags) throws Exception {
    String[] args = new String[flags.length + 2];
    args[0] = "attach";
    System.arraycopy(flags, 0, args, 1, flags.length);
    args[args.length - 1] = "ticker";
    return BerthProcess.start(dir, Map.of("IMAGE", image, "COMPOSE_PROJECT_NAME", stack.project), args);
  }

  @Test
  void aSignalGoesOnToTheContainerAndItsExitCodeComesBack() throws Exception {
    try (BerthProcess berth = attach()) {
      berth.awaitLine(l -> l.equals("tick"), Duration.ofSeconds(60));

      berth.signal("INT");

      assertThat(berth.awaitExit(Duration.ofSeconds(30))).as(berth.output()).isEqualTo(3);
      assertThat(berth.output()).contains("got-int");
    }
    assertThat(stack.inspect("ticker").getState().getExitCodeLong()).isEqualTo(3L);
  }

  @Test
  void withoutSigProxyASignalEndsBerthAndTheContainerRunsOn() throws Exception {
    try (BerthProcess berth = attach("--sig-proxy=false")) {
      berth.awaitLine(l -> l.equals("tick"), Duration.ofSeconds(60));

      berth.signal("INT");

      assertThat(berth.awaitExit(Duration.ofSeconds(30))).as(berth.output()).isEqualTo(ExitCodes.INTERRUPTED);
      assertThat(berth.output()).doesNotContain("got-int");
    }
    assertThat(stack.inspect("ticker").getState().getRunning()).isTrue();
  }
}
