package io.berth.executor.progress;

/**
 * Receives progress from the executor. Called from several threads at once: implementations must
 * be thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {
  void on(ProgressEvent event);

  ProgressListener NONE = event -> {};
}
