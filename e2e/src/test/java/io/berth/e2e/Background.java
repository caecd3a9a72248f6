package io.berth.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command running as a separate process, its two streams read as they come (and both into one
 * combined text in the order they arrived), so that a scenario can wait for a line, signal it,
 * write to its input or wait for its end.
 */
final class Background implements AutoCloseable {
  private final List<String> command;
  private final Process process;
  private final StringBuffer stdout = new StringBuffer();
  private final StringBuffer stderr = new StringBuffer();
  private final StringBuffer combined = new StringBuffer();
  private final Thread outReader;
  private final Thread errReader;

  private Background(List<String> command, Process process) {
    this.command = command;
    this.process = process;
    this.outReader = reader(process.getInputStream(), stdout, "stdout");
    this.errReader = reader(process.getErrorStream(), stderr, "stderr");
  }

  /**
   * Starts {@code command} with {@code stdin} written to its standard input and then closed; null
   * gives it {@code /dev/null}, as Go's exec (and so upstream's icmd) does.
   */
  static Background start(List<String> command, Path dir, Map<String, String> env, String stdin) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    if (stdin == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    pb.environment().clear();
    pb.environment().putAll(env);
    try {
      Background b = new Background(command, pb.start());
      if (stdin != null) {
        b.write(stdin);
        b.closeInput();
      }
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + String.join(" ", command), e);
    }
  }

  private Thread reader(InputStream in, StringBuffer into, String name) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buf)) > 0; ) {
          String s = new String(buf, 0, n, StandardCharsets.UTF_8);
          synchronized (combined) {
            into.append(s);
            combined.append(s);
          }
        }
      } catch (IOException ignored) {
        // The process ended; what it printed is kept.
      }
    }, "e2e-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Waits until the combined output contains {@code text}; fails with all of it otherwise. */
  Background awaitOutput(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!combined().contains(text)) {
      if (System.nanoTime() > deadline) {
        fail("%s did not print %s in %s; printed:%n%s", String.join(" ", command), text, timeout, combined());
      }
      Cli.sleep(Duration.ofMillis(100));
    }
    return this;
  }

  /** Starts {@code command} with its standard input a pipe that {@link #write} feeds. */
  static Background startPiped(List<String> command, Path dir, Map<String, String> env) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    try {
      return new Background(command, pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + String.join(" ", command), e);
    }
  }

  /** Writes {@code text} to the command's standard input (started with {@link #startPiped}). */
  void write(String text) {
    try {
      OutputStream in = process.getOutputStream();
      in.write(text.getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write to " + String.join(" ", command), e);
    }
  }

  void closeInput() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  /** Sends SIGINT, as Ctrl-C in a terminal would. */
  void interrupt() {
    signal("INT");
  }

  /** Sends the named signal (TERM, KILL, INT...) to the process. */
  void signal(String name) {
    try {
      new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the end; fails (killing the process) if it has not ended in {@code timeout}. */
  Result awaitResult(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        fail("%s did not end in %s; printed:%n%s", String.join(" ", command), timeout, combined());
      }
      outReader.join(5_000);
      errReader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return new Result(command, process.exitValue(), stdout.toString(), stderr.toString(), combined());
  }

  String combined() {
    synchronized (combined) {
      return combined.toString();
    }
  }

  String stdout() {
    return stdout.toString();
  }

  String stderr() {
    return stderr.toString();
  }

  /** Kills the command if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
