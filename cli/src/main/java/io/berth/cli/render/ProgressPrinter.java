package io.berth.cli.render;

import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressListener;
import java.io.PrintWriter;

/** Compose's plain progress: one line per resource change, {@code  Container hello-web-1  Started}. */
public final class ProgressPrinter implements ProgressListener {
  private final PrintWriter err;

  public ProgressPrinter(PrintWriter err) {
    this.err = err;
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
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }
}
