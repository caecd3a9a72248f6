package io.berth.executor.create;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.progress.ProgressListener;

/** Pulls an image, reporting progress; a failure names the service that needed it. */
public final class ImagePuller {
  private final DockerClient client;
  private final ProgressListener progress;

  public ImagePuller(DockerClient client, ProgressListener progress) {
    this.client = client;
    this.progress = progress;
  }

  /** Pulls {@code image} whether or not it is present. */
  public void pull(String service, String image) {
    ImageReference ref = ImageReference.parse(image);
    progress.on(ProgressEvent.of("Image", image, Status.PULLING));
    try {
      client.pullImageCmd(ref.repository()).withTag(ref.tag())
          .exec(new ResultCallback.Adapter<PullResponseItem>())
          .awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("service \"" + service + "\": pull of " + image + " interrupted");
    } catch (RuntimeException e) {
      String message = EngineErrors.describe(e);
      progress.on(new ProgressEvent("Image", image, Status.ERROR, message));
      throw new EngineException("service \"" + service + "\": image " + image
          + " is not present and could not be pulled: " + message, e);
    }
    progress.on(ProgressEvent.of("Image", image, Status.PULLED));
  }
}
