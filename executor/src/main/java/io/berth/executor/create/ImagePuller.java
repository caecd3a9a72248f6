package io.berth.executor.create;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.progress.ProgressListener;

/** Makes sure an image is present, pulling it when it is missing (Compose's default pull policy). */
public final class ImagePuller {
  private final DockerClient client;
  private final ProgressListener progress;

  public ImagePuller(DockerClient client, ProgressListener progress) {
    this.client = client;
    this.progress = progress;
  }

  /**
   * @param service the service that needs the image, named in the error
   * @throws EngineException when the image is missing and cannot be pulled
   */
  public void ensurePresent(String service, String image) {
    if (!isPresent(image)) {
      pull(service, image);
    }
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

  private boolean isPresent(String image) {
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
