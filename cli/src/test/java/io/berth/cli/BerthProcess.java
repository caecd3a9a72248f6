package io.berth.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code bin/berth} run as a separate process, as a user runs it, with its output read line by
 * line as it comes.
 */
final class BerthProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final StringBuffer all = new StringBuffer();
  private final CompletableFuture<Long> exitedNanos;

  private BerthProcess(Process process) {
    this.process = process;
    this.exitedNanos = process.onExit().thenApply(p -> System.nanoTime());
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          all.append(line).append('\n');
          lines.add(line);
        }
      } catch (IOException ignored) {
        // The process ended; what it printed is in `all`.
      }
    }, "berth-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** The repository root, found from the test's working directory (the module directory). */
  static Path repoRoot() {
    return io.berth.testsupport.RepoRoot.find();
  }

  /** Starts {@code bin/berth args} in {@code dir}, stdout and stderr merged. */
  static BerthProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
    BerthRunner.refuseRemovingSharedImages(args);
    List<String> command = new java.util.ArrayList<>();
    command.add(repoRoot().resolve("bin/berth").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    return new BerthProcess(pb.start());
  }

  /**
   * Waits until some line printed so far matches {@code wanted}, in whatever order the lines came;
   * fails with everything printed if none does in time.
   */
  String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> line = lines.stream().filter(wanted).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no matching line within " + timeout + "; output so far:\n" + all);
  }

  void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  /** Waits for the exit; -1 if it did not exit in time. */
  int awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** When the process ended ({@link System#nanoTime}), however late it is asked. */
  long exitedNanos() throws InterruptedException {
    try {
      return exitedNanos.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  String output() {
    return all.toString();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
