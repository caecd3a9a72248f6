package io.berth.executor.registry;

import io.berth.executor.progress.ProgressEvent;
import java.util.Optional;

/** One message of the Engine's pull or push stream about a layer, as a progress event. */
public final class LayerProgress {
  /** Bytes done and in all, as the Engine's {@code progressDetail} gives them. */
  public record Bytes(long current, long total) {}

  private LayerProgress() {}

  /**
   * A layer event ({@code a0d0a0d46f8b Downloading 1.2MB}); none for messages about the image as
   * a whole (no layer id), which the puller reports itself.
   */
  public static Optional<ProgressEvent> of(String layer, String status, Bytes bytes) {
    if (layer == null || layer.isEmpty() || status == null) {
      return Optional.empty();
    }
    long current = bytes == null ? 0 : bytes.current();
    long total = bytes == null ? 0 : bytes.total();
    String detail = current > 0 ? status + " " + HumanSize.of(current) : status;
    return Optional.of(new ProgressEvent("", layer, ProgressEvent.Status.LAYER, detail, current, total));
  }
}
