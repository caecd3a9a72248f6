package io.berth.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as the docker CLI and Compose use it: every cell but a line's last is
 * padded to its column's width, the widest cell of the column plus {@code padding}, never less
 * than {@code minWidth}. Lines may have different numbers of cells; widths count code points.
 */
final class Tabwriter {
  private Tabwriter() {}

  static List<String> align(List<String[]> rows, int minWidth, int padding) {
    List<Integer> widths = new ArrayList<>();
    for (String[] row : rows) {
      for (int i = 0; i < row.length - 1; i++) {
        int width = Math.max(minWidth, length(row[i]) + padding);
        if (widths.size() <= i) {
          widths.add(width);
        } else {
          widths.set(i, Math.max(widths.get(i), width));
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths.get(i) - length(row[i])));
        }
      }
      out.add(line.toString());
    }
    return out;
  }

  private static int length(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}
