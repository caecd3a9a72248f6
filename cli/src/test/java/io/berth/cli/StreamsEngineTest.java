package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** exec and attach pass standard input through, and its end reaches the command. */
class StreamsEngineTest extends EngineStackTest {

  @Test
  void execPassesAPipedInputToItsEndAndReturnsTheExitCode() {
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """);
    stack.ok("up", "-d");
    String text = "line one\nline two\n".repeat(2000);

    BerthRunner.Result cat = stack.berth.runWithInput(input(text), "exec", "-T", "app", "sh", "-c", "cat; echo done >&2; exit 5");

    assertThat(cat.code()).isEqualTo(5);
    assertThat(cat.out()).isEqualTo(text);
    assertThat(cat.err()).isEqualTo("done\n");
  }

  @Test
  void execTakesDockerExecsInteractiveAndTtyFlagsAsCompose() {
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """);
    stack.ok("up", "-d");

    // -i and -t are Compose's defaults (no TTY here: berth's streams are not a terminal).
    BerthRunner.Result it = stack.berth.runWithInput(input("typed\n"), "exec", "-it", "app", "cat");
    assertThat(it.code()).as(it.toString()).isZero();
    assertThat(it.out()).isEqualTo("typed\n");
    assertThat(stack.berth.runWithInput(input("typed\n"), "exec", "--no-tty", "-i", "app", "cat").out()).isEqualTo("typed\n");
    // --interactive=false: the command gets no input at all.
    BerthRunner.Result closed = stack.berth.runWithInput(input("typed\n"), "exec", "--interactive=false", "app", "cat");
    assertThat(closed.code()).as(closed.toString()).isZero();
    assertThat(closed.out()).isEmpty();
  }

  @Test
  void attachStreamsOutputSendsInputAndReturnsTheExitCode() throws Exception {
    stack.write0("compose.yaml", """
        services:
          echo:
            image: ${IMAGE}
            stdin_open: true
            command: ["sh", "-c", "read line; echo got $$line; sleep 1; echo bye >&2; exit 7"]
        """);
    stack.ok("up", "-d");
    PipedOutputStream typing = new PipedOutputStream();
    PipedInputStream keyboard = new PipedInputStream(typing);
    Thread typist = new Thread(() -> {
      try {
        Thread.sleep(1500);
        typing.write("hello\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    typist.start();

    BerthRunner.Result attached = stack.berth.runWithInput(keyboard, "attach", "echo");
    typist.join();

    assertThat(attached.code()).as(attached.toString()).isEqualTo(7);
    assertThat(attached.out()).isEqualTo("got hello\n");
    assertThat(attached.err()).isEqualTo("bye\n");
  }

  @Test
  void runPassesAPipedInputToItsEndOnAProjectThatHasNothingYet() {
    stack.write0("compose.yaml", "services:\n  app:\n    image: ${IMAGE}\n");
    String text = "piped\n".repeat(5000);

    BerthRunner.Result run = stack.berth.runWithInput(input(text), "run", "--rm", "-T", "app", "sh", "-c", "cat; exit 2");

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEqualTo(text);
    assertThat(stack.containers()).isEmpty();
  }

  private static InputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
