package io.berth.cli.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a small command against berth's terminal and hands back what it printed. An interface so
 * that the terminal handling can be tested without a terminal.
 */
@FunctionalInterface
public interface CommandRunner {
  /** What a command left: its exit code and standard output. */
  record Result(int exitCode, String out) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  Result run(List<String> command) throws IOException, InterruptedException;

  /**
   * The real one: the command's standard input is berth's own, the terminal it was found to be,
   * since {@code stty} acts on the terminal of its standard input. Its errors are dropped: a
   * failure shows in the exit code, and the terminal may be raw.
   */
  CommandRunner ON_STDIN = command -> {
    Process process = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out;
    try (InputStream in = process.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new Result(process.waitFor(), out);
  };
}
