package io.berth.executor.create;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PushImageCmd;
import com.github.dockerjava.api.model.PushResponseItem;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.progress.ProgressListener;
import io.berth.executor.registry.LayerStream;
import io.berth.executor.registry.RegistryAuth;

/** Pushes an image tag with the user's registry credentials, reporting each layer's progress. */
public final class ImagePusher {
  private final DockerClient client;
  private final ProgressListener progress;
  private final RegistryAuth auth;

  public ImagePusher(DockerClient client, ProgressListener progress, RegistryAuth auth) {
    this.client = client;
    this.progress = progress;
    this.auth = auth;
  }

  /**
   * @throws EngineException naming the service and the tag, with the registry's reason
   */
  public void push(String service, String tag) {
    ImageReference ref = ImageReference.parse(tag);
    progress.on(ProgressEvent.of("Image", tag, Status.PUSHING));
    try {
      PushImageCmd push = client.pushImageCmd(ref.repository()).withTag(ref.tag());
      auth.forImage(tag).ifPresent(push::withAuthConfig);
      push.exec(new LayerStream<PushResponseItem>(progress)).awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("service \"" + service + "\": push of " + tag + " interrupted");
    } catch (RuntimeException e) {
      String message = EngineErrors.describe(e);
      progress.on(new ProgressEvent("Image", tag, Status.ERROR, message));
      throw new EngineException("service \"" + service + "\": push of " + tag + " failed: " + message, e);
    }
    progress.on(ProgressEvent.of("Image", tag, Status.PUSHED));
  }
}
