package io.berth.cli;

import io.berth.cli.terminal.TerminalStreams;
import io.berth.cli.render.WriterOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one run of the command line sees of the world: its environment, working directory and
 * streams, and which of those streams are a terminal. Passed down instead of read from globals, so
 * that tests run commands in-process.
 *
 * @param outBytes standard output as bytes, beneath {@code out}, for what is no text (an exported
 *     tar); flush {@code out} before writing to it
 */
public record Invocation(Map<String, String> environment, Path workingDir, PrintWriter out, PrintWriter err, InputStream in,
    TerminalStreams terminals, OutputStream outBytes) {
  public Invocation {
    environment = Map.copyOf(environment);
    workingDir = workingDir.toAbsolutePath().normalize();
  }

  /** An invocation whose standard output takes text only: bytes written to it are read as UTF-8. */
  public Invocation(Map<String, String> environment, Path workingDir, PrintWriter out, PrintWriter err, InputStream in,
      TerminalStreams terminals) {
    this(environment, workingDir, out, err, in, terminals, new WriterOutputStream(out));
  }

  /** An invocation whose streams are not a terminal. */
  public Invocation(Map<String, String> environment, Path workingDir, PrintWriter out, PrintWriter err, InputStream in) {
    this(environment, workingDir, out, err, in, TerminalStreams.NONE);
  }

  /** An invocation with nothing on standard input. */
  public Invocation(Map<String, String> environment, Path workingDir, PrintWriter out, PrintWriter err) {
    this(environment, workingDir, out, err, InputStream.nullInputStream());
  }
}
