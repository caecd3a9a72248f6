package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * exec and run in a real pseudo-terminal ({@code script} from util-linux): the container's TTY takes
 * the outer terminal's size and follows it, and the terminal is given back as it was.
 */
class TerminalSessionIT extends EngineStackTest {
  /**
   * In the container: waits for the TTY to be sized (the first resize comes just after the command
   * starts on an Engine older than API 1.42) to {@code $1 $2}, else gives up after 10 s, and
   * prints what it has.
   */
  private static final String SIZE_IN_CONTAINER =
      "i=0; until s=$(stty size 2>/dev/null) && [ \"$s\" = \"$0 $1\" ]; do i=$((i+1)); [ $i -gt 100 ] && break; sleep 0.1; done;"
          + " echo \"size=$s\"; tty";

  @BeforeEach
  void needsScript() {
    boolean installed = Files.isExecutable(Path.of("/usr/bin/script"));
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("util-linux script is not installed. CI=true: this test must run, not be skipped.");
    }
    Assumptions.assumeTrue(installed, "util-linux script is not installed");
  }

  private void upWeb() throws IOException {
    stack.write("compose.yaml", """
        services:
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """);
    stack.ok("up", "-d");
  }

  @Test
  void execGetsTheTerminalsSizeAndLeavesTheTerminalAsItWas() throws Exception {
    upWeb();

    String out = inTerminal(String.join("\n",
        "stty rows 33 cols 101",
        "before=$(stty -g)",
        "\"$BERTH\" exec web sh -c '" + SIZE_IN_CONTAINER + "' 33 101",
        "echo \"exit=$?\"",
        "[ \"$before\" = \"$(stty -g)\" ] && echo restored || echo \"changed: $before -> $(stty -g)\"",
        "\"$BERTH\" exec -T web tty",
        "echo \"no-tty exit=$?\""));

    assertThat(out).contains("size=33 101", "/dev/pts/", "exit=0", "restored", "not a tty", "no-tty exit=1");
  }

  @Test
  void execFollowsTheTerminalWhenItIsResized() throws Exception {
    upWeb();

    // Once berth has made the terminal raw (no line editing, no echo), the window changes: the
    // kernel tells berth by SIGWINCH.
    String out = inTerminal(String.join("\n",
        "stty rows 33 cols 101",
        "before=$(stty -g)",
        "raw() { stty -a < /dev/tty | tr '\\n' ' ' | grep -q -- ' -icanon .* -echo '; }",
        "(i=0; until raw; do i=$((i+1)); [ $i -gt 300 ] && exit; sleep 0.1; done; echo raw-during;"
            + " sleep 1; stty rows 40 cols 120 < /dev/tty) &",
        "\"$BERTH\" exec web sh -c '" + SIZE_IN_CONTAINER + "' 40 120",
        "echo \"exit=$?\"",
        "[ \"$before\" = \"$(stty -g)\" ] && echo restored || echo \"changed: $before -> $(stty -g)\""));

    assertThat(out).contains("raw-during", "size=40 120", "exit=0", "restored");
  }

  @Test
  void runGivesTheOneOffATtyOfTheTerminalsSize() throws Exception {
    stack.write("compose.yaml", """
        services:
          job:
            image: ${IMAGE}
        """);

    String out = inTerminal(String.join("\n",
        "stty rows 33 cols 101",
        "before=$(stty -g)",
        "\"$BERTH\" run --rm job sh -c '" + SIZE_IN_CONTAINER + "; exit 3' 33 101",
        "echo \"exit=$?\"",
        "[ \"$before\" = \"$(stty -g)\" ] && echo restored || echo \"changed: $before -> $(stty -g)\""));

    assertThat(out).contains("size=33 101", "/dev/pts/", "exit=3", "restored");
  }

  @Test
  void attachDetachesOnTheKeysGivenAndLeavesTheContainerRunning() throws Exception {
    stack.write("compose.yaml", """
        services:
          console:
            image: ${IMAGE}
            tty: true
            stdin_open: true
            command: ["sh", "-c", "trap 'exit 0' TERM; while true; do echo tick; sleep 1; done"]
        """);
    stack.ok("up", "-d");

    // Ctrl-X, which detaches nothing unless asked to: the Engine's own default is Ctrl-P Ctrl-Q.
    String out = inTerminal(String.join("\n",
        "\"$BERTH\" attach --detach-keys ctrl-x console",
        "echo \"exit=$?\""), "tick", "\u0018");

    assertThat(out).contains("tick", "exit=0");
    assertThat(stack.inspect("console").getState().getRunning()).isTrue();
  }

  private String inTerminal(String script) throws IOException, InterruptedException {
    return inTerminal(script, "", "");
  }

  /**
   * Runs {@code script} (a shell script) in a new pseudo-terminal and returns what the terminal
   * showed; once the terminal shows {@code shown}, {@code typed} is typed into it. The terminal's
   * input is a pipe held open until the end: closed early, {@code script} would type an end of file
   * into the session.
   */
  private String inTerminal(String script, String shown, String typed) throws IOException, InterruptedException {
    Path file = dir.resolve("in-terminal.sh");
    Files.writeString(file, script + "\n");
    ProcessBuilder pb = new ProcessBuilder("script", "-qec", "sh " + file, "/dev/null")
        .directory(dir.toFile())
        .redirectErrorStream(true);
    pb.environment().put("BERTH", BerthProcess.repoRoot().resolve("bin/berth").toString());
    pb.environment().put("COMPOSE_PROJECT_NAME", stack.project);
    pb.environment().put("IMAGE", image);
    Process process = pb.start();
    try (OutputStream keyboard = process.getOutputStream(); InputStream screen = process.getInputStream()) {
      StringBuffer seen = new StringBuffer();
      CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
        byte[] buffer = new byte[8192];
        try {
          for (int n; (n = screen.read(buffer)) >= 0; ) {
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      if (!typed.isEmpty()) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seen.indexOf(shown) < 0 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(seen.toString()).as("the terminal before typing").contains(shown);
        keyboard.write(typed.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
      }
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("script finished").isTrue();
      reading.join();
      return seen.toString().replace("\r", "");
    } finally {
      process.destroyForcibly();
    }
  }
}
