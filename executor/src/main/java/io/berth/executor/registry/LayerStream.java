package io.berth.executor.registry;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.ResponseItem;
import io.berth.executor.engine.EngineException;
import io.berth.executor.progress.ProgressListener;

/**
 * The Engine's stream of a pull or a push: each layer's messages become progress events, and an
 * error the Engine reports inside the stream (it then ends the stream normally) fails the transfer.
 */
public final class LayerStream<T extends ResponseItem> extends ResultCallback.Adapter<T> {
  private final ProgressListener progress;

  public LayerStream(ProgressListener progress) {
    this.progress = progress;
  }

  @Override
  public void onNext(T item) {
    if (item.getErrorDetail() != null || item.getError() != null) {
      throw new EngineException(item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError());
    }
    ResponseItem.ProgressDetail detail = item.getProgressDetail();
    LayerProgress.of(item.getId(), item.getStatus(), detail == null ? null
        : new LayerProgress.Bytes(zeroIfNull(detail.getCurrent()), zeroIfNull(detail.getTotal())))
        .ifPresent(progress::on);
  }

  private static long zeroIfNull(Long value) {
    return value == null ? 0 : value;
  }
}
