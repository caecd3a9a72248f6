package io.berth.cli.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of rows of the same columns, laid out by {@link Tabwriter} as the command it stands for
 * sets Go's tabwriter up: the docker CLI and Compose do it differently per command, hence the
 * factories. As Go's, a line whose last cell is empty keeps the padding of the cell before it.
 */
public final class Table {
  private final int minWidth;
  private final int padding;
  private final List<List<String>> rows = new ArrayList<>();

  private Table(int minWidth, int padding, String... header) {
    this.minWidth = minWidth;
    this.padding = padding;
    rows.add(List.of(header));
  }

  /** The docker CLI's formatter, which Compose's {@code ps} uses: cells at least 10 wide, 3 spaces after the widest. */
  public static Table docker(String... header) {
    return new Table(10, 3, header);
  }

  /** Compose's own tables ({@code images}, {@code ls}): cells at least 20 wide, 3 spaces after the widest. */
  public static Table compose(String... header) {
    return new Table(20, 3, header);
  }

  /** Compose's {@code top}: cells at least 4 wide, 2 spaces after the widest. */
  public static Table processes(String... header) {
    return new Table(4, 2, header);
  }

  public void row(String... cells) {
    rows.add(List.of(cells));
  }

  public void print(PrintWriter out) {
    Tabwriter.align(rows.stream().map(r -> r.toArray(String[]::new)).toList(), minWidth, padding).forEach(out::println);
    out.flush();
  }
}
