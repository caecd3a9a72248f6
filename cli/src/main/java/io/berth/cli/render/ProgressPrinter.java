package io.berth.cli.render;

import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressListener;
import java.io.PrintWriter;

/**
 * Compose's plain progress: one line per resource change, {@code  Container hello-web-1  Started},
 * on standard error; what the classic builder prints goes to standard output, as Compose's classic
 * builder writes it.
 */
public final class ProgressPrinter implements ProgressListener {
  private final PrintWriter err;
  private final PrintWriter buildOutput;

  public ProgressPrinter(PrintWriter err) {
    this(err, err);
  }

  public ProgressPrinter(PrintWriter err, PrintWriter out) {
    this.err = err;
    this.buildOutput = out;
  }

  @Override
  public void on(ProgressEvent e) {
    String line = switch (e.status()) {
      case BUILD_OUTPUT -> e.detail();
      // Compose's plain progress for a layer: the layer id, the Engine's words, the size so far.
      case LAYER -> " " + e.name() + " " + e.detail();
      default -> (e.kind().isEmpty() ? "" : " " + e.kind()) + " " + e.name() + "  " + e.status().text()
          + (e.detail().isEmpty() ? "" : " " + e.detail());
    };
    PrintWriter to = e.status() == ProgressEvent.Status.BUILD_OUTPUT ? buildOutput : err;
    synchronized (to) {
      to.println(line);
      to.flush();
    }
  }
}
