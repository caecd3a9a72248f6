package io.berth.executor.create;

import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.progress.ProgressListener;
import java.util.function.UnaryOperator;

/**
 * What a pull and a push share around the Engine call: the started and done events, and a
 * failure turned into an error event and an {@link EngineException} with the registry's reason.
 */
final class RegistryTransfer {
  /** The Engine call, which streams the layers' progress itself. */
  interface Call {
    void run() throws InterruptedException;
  }

  private RegistryTransfer() {}

  /**
   * @param verb {@code pull} or {@code push}, for the interrupted message
   * @param failed the error's text from the registry's reason
   */
  static void run(ProgressListener progress, String service, String image, String verb, Status started, Status done,
      Call call, UnaryOperator<String> failed) {
    progress.on(ProgressEvent.of("Image", image, started));
    try {
      call.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("service \"" + service + "\": " + verb + " of " + image + " interrupted");
    } catch (RuntimeException e) {
      String message = EngineErrors.describe(e);
      progress.on(new ProgressEvent("Image", image, Status.ERROR, message));
      throw new EngineException(failed.apply(message), e);
    }
    progress.on(ProgressEvent.of("Image", image, done));
  }
}
