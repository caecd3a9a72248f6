package io.berth.cli.terminal;

import io.berth.executor.tty.TerminalSize;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The terminal's settings and size through {@code stty}, which every Unix has: Java itself can
 * neither switch a terminal to raw mode nor read its size.
 */
public final class Stty {
  private final CommandRunner runner;

  public Stty(CommandRunner runner) {
    this.runner = runner;
  }

  /** {@code stty -g}: the current settings in a form {@code stty} takes back; empty when unreadable. */
  public Optional<String> settings() {
    return output(List.of("stty", "-g")).map(String::trim).filter(s -> !s.isEmpty());
  }

  /** {@code stty raw -echo}: bytes go out as typed, unechoed, with no signal keys. */
  public boolean raw() {
    return output(List.of("stty", "raw", "-echo")).isPresent();
  }

  /** Puts back what {@link #settings()} read. */
  public boolean restore(String settings) {
    return output(List.of("stty", settings)).isPresent();
  }

  /** {@code stty size}: rows and columns; empty when unreadable or not yet known (0 0). */
  public Optional<TerminalSize> size() {
    return output(List.of("stty", "size")).flatMap(Stty::parseSize);
  }

  /** {@code "33 101\n"} → 33 rows, 101 columns. */
  static Optional<TerminalSize> parseSize(String text) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      int rows = Integer.parseInt(parts[0]);
      int columns = Integer.parseInt(parts[1]);
      return rows > 0 && columns > 0 ? Optional.of(new TerminalSize(rows, columns)) : Optional.empty();
    } catch (NumberFormatException notASize) {
      return Optional.empty();
    }
  }

  private Optional<String> output(List<String> command) {
    try {
      CommandRunner.Result result = runner.run(command);
      return result.ok() ? Optional.of(result.out()) : Optional.empty();
    } catch (IOException noStty) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
