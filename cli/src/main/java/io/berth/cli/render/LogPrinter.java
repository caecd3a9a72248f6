package io.berth.cli.render;

import io.berth.executor.logs.LogLine;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints container lines as Compose does: {@code web-1  | text}, the prefix padded to the widest
 * container name plus one, each container in its own colour when colour is on.
 */
public final class LogPrinter {
  private static final List<String> RAINBOW = List.of("36", "33", "32", "35", "34", "96", "93", "92", "95", "94");
  private static final String RESET = "\u001b[0m";

  private final PrintWriter out;
  private final int width;
  private final boolean color;
  private final Map<String, String> colors = new HashMap<>();

  public LogPrinter(PrintWriter out, List<String> containers, boolean color) {
    this.out = out;
    this.width = containers.stream().mapToInt(String::length).max().orElse(0) + 1;
    this.color = color;
    for (int i = 0; i < containers.size(); i++) {
      colors.put(containers.get(i), "\u001b[" + RAINBOW.get(i % RAINBOW.size()) + "m");
    }
  }

  public void print(LogLine line) {
    println(prefix(line.container()) + line.text());
  }

  /** A line about a container rather than from it, such as its exit. */
  public void note(String container, String text) {
    println(color ? colorOf(container) + text + RESET : text);
  }

  private String prefix(String container) {
    String p = String.format("%-" + width + "s| ", container);
    return color ? colorOf(container) + p + RESET : p;
  }

  private String colorOf(String container) {
    return colors.getOrDefault(container, "");
  }

  private void println(String s) {
    synchronized (out) {
      out.println(s);
      out.flush();
    }
  }
}
