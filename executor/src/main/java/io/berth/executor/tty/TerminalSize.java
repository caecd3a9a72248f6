package io.berth.executor.tty;

/** The size of a terminal in character cells, as the Engine's resize calls take it. */
public record TerminalSize(int rows, int columns) {
  public TerminalSize {
    if (rows <= 0 || columns <= 0) {
      throw new IllegalArgumentException("a terminal has at least one row and one column, not " + rows + "x" + columns);
    }
  }
}
