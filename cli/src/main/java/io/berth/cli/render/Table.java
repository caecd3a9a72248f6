package io.berth.cli.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Left-aligned columns as Go's tabwriter lays them out: every cell but a line's last is padded to
 * its column's width, the widest cell plus the padding but never less than the minimum width. The
 * docker CLI and Compose set the writer up differently per command, hence the factories. As Go's,
 * a line whose last cell is empty keeps the padding of the cell before it.
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
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> r : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], Math.max(minWidth, length(r.get(i)) + padding));
      }
    }
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        String cell = r.get(i);
        line.append(cell);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - length(cell)));
        }
      }
      out.println(line);
    }
    out.flush();
  }

  private static int length(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}
