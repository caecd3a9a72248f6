package io.berth.cli.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which of berth's standard streams are a terminal: colour follows standard output alone, as
 * Compose's does, and a TTY session needs both ends.
 *
 * @param in standard input is a terminal
 * @param out standard output is a terminal
 */
public record TerminalStreams(boolean in, boolean out) {
  /** Neither: what in-process runs and the training run see. */
  public static final TerminalStreams NONE = new TerminalStreams(false, false);

  /** Both ends are a terminal, so a TTY session can take the keyboard and show what it prints. */
  public boolean interactive() {
    return in && out;
  }

  /**
   * The process's own streams. Java has no isatty; on Linux a descriptor's link under
   * {@code /proc/self/fd} names its terminal device. Elsewhere {@link System#console()} answers,
   * which on Java 17 means both streams at once.
   */
  public static TerminalStreams detect() {
    try {
      return new TerminalStreams(isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString()),
          isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString()));
    } catch (IOException | UnsupportedOperationException | SecurityException noProc) {
      boolean console = System.console() != null;
      return new TerminalStreams(console, console);
    }
  }

  static boolean isTerminalDevice(String device) {
    return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
  }
}
