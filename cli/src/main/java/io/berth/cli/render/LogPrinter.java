package io.berth.cli.render;

import io.berth.executor.logs.LogLine;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Prints container lines as Compose does: {@code web-1  | text}, the prefix padded to the widest
 * container name plus one, each container in its own colour when colour is on ({@link LogColors}).
 */
public final class LogPrinter {
  private final PrintWriter out;
  /** Where the containers' standard error lines go; Compose keeps the two streams apart. */
  private final PrintWriter err;
  private final int width;
  private final boolean color;
  private final LogColors colors = new LogColors();

  private final boolean prefixed;
  private final java.util.concurrent.CountDownLatch broken = new java.util.concurrent.CountDownLatch(1);
  /** The padded (and coloured) prefix of each container, made once. */
  private final Map<String, String> prefixes = new java.util.concurrent.ConcurrentHashMap<>();
  /** Lines written since the last flush. */
  private boolean dirty;

  public LogPrinter(PrintWriter out, List<String> containers, boolean color) {
    this(out, containers, color, true);
  }

  /** @param prefixed {@code false} for {@code --no-log-prefix} */
  public LogPrinter(PrintWriter out, List<String> containers, boolean color, boolean prefixed) {
    this(out, out, containers, color, prefixed);
  }

  /**
   * @param err where lines a container wrote on its standard error go, as Compose's log consumer
   *     sends them to its own standard error
   */
  public LogPrinter(PrintWriter out, PrintWriter err, List<String> containers, boolean color, boolean prefixed) {
    this.out = out;
    this.err = err;
    this.width = containers.stream().mapToInt(String::length).max().orElse(0) + 1;
    this.color = color;
    this.prefixed = prefixed;
    startFlusher();
  }

  /**
   * Flushing after every line made a write to the terminal or pipe per line, which capped
   * {@code logs} far below what the Engine sends; lines are flushed together, at most
   * {@value #FLUSH_MILLIS} ms after they were printed (and by the command's end).
   */
  private void startFlusher() {
    Thread flusher = new Thread(() -> {
      try {
        while (broken.getCount() > 0) {
          Thread.sleep(FLUSH_MILLIS);
          flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "berth-log-flush");
    flusher.setDaemon(true);
    flusher.start();
  }

  private static final int FLUSH_MILLIS = 20;

  /** Writes out what is buffered; notices a reader that went away. */
  public void flush() {
    synchronized (out) {
      if (!dirty || broken.getCount() == 0) {
        return;
      }
      out.flush();
      if (err != out) {
        err.flush();
      }
      dirty = false;
      if (out.checkError()) {
        broken.countDown();
      }
    }
  }

  /** {@code web-1}: a container's name without the project, unless it has a name of its own. */
  public static String displayName(String project, String container) {
    String prefix = project + "-";
    return container.startsWith(prefix) ? container.substring(prefix.length()) : container;
  }

  public void print(LogLine line) {
    println(line.stderr() ? err : out, prefixed ? prefix(line.container()) + line.text() : line.text());
  }

  /** Counts down once the output is gone (a closed pipe, as with {@code | head}). */
  public java.util.concurrent.CountDownLatch broken() {
    return broken;
  }

  /** A line about a container rather than from it, such as its exit. */
  public void note(String container, String text) {
    println(out, color ? colors.paint(container, text) : text);
  }

  private String prefix(String container) {
    return prefixes.computeIfAbsent(container, c -> {
      String p = String.format("%-" + width + "s | ", c);
      return color ? colors.paint(c, p) : p;
    });
  }

  private void println(PrintWriter to, String s) {
    // One lock for both writers: a flush never interleaves with a line half written.
    synchronized (out) {
      if (broken.getCount() == 0) {
        return;
      }
      // write, not println: the writer flushes on println. One write: the writer's own lock keeps
      // the line whole against progress lines printed on the same stream.
      to.write(s + "\n");
      dirty = true;
    }
  }
}
