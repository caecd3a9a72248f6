package io.berth.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the berth command line in-process, as a user would type it, and captures what it prints. */
final class BerthRunner {
  private final Path workingDir;
  private final Map<String, String> environment = new HashMap<>(System.getenv());

  BerthRunner(Path workingDir) {
    this.workingDir = workingDir;
  }

  BerthRunner env(String key, String value) {
    environment.put(key, value);
    return this;
  }

  Result run(String... args) {
    refuseRemovingSharedImages(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new Invocation(environment, workingDir, new PrintWriter(out), new PrintWriter(err)), args);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * Refuses {@code --rmi all}: it removes every image the project's services name, the shared test
   * image among them, which every later test runs on (and other runs sharing the Engine).
   */
  static void refuseRemovingSharedImages(String... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--rmi=all") || args[i].equals("--rmi") && i + 1 < args.length && args[i + 1].equals("all")) {
        throw new IllegalArgumentException("a test must not run --rmi all: it removes the shared test image; use --rmi local");
      }
    }
  }

  /** {@link #run} with {@code input} on standard input, as from a pipe that ends. */
  Result runWithInput(java.io.InputStream input, String... args) {
    refuseRemovingSharedImages(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new Invocation(environment, workingDir, new PrintWriter(out), new PrintWriter(err), input), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** {@link #run} for a command whose standard output is bytes, not text: an exported tar. */
  BytesResult runForBytes(String... args) {
    refuseRemovingSharedImages(args);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new Invocation(environment, workingDir, new PrintWriter(out), new PrintWriter(err),
        java.io.InputStream.nullInputStream(), io.berth.cli.terminal.TerminalStreams.NONE, bytes), args);
    return new BytesResult(code, bytes.toByteArray(), out.toString(), err.toString());
  }

  /** What a command wrote as bytes, and as text on either stream. */
  record BytesResult(int code, byte[] bytes, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + ", " + bytes.length + " bytes\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
