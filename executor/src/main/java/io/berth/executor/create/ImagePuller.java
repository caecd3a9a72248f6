package io.berth.executor.create;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.model.PullResponseItem;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.progress.ProgressListener;
import io.berth.executor.registry.LayerStream;
import io.berth.executor.registry.RegistryAuth;

/**
 * Pulls an image with the user's registry credentials, reporting each layer's progress; a failure
 * names the service that needed it.
 */
public final class ImagePuller {
  private final DockerClient client;
  private final ProgressListener progress;
  private final RegistryAuth auth;

  public ImagePuller(DockerClient client, ProgressListener progress, RegistryAuth auth) {
    this.client = client;
    this.progress = progress;
    this.auth = auth;
  }

  /** Pulls {@code image} whether or not it is present. */
  public void pull(String service, String image) {
    ImageReference ref = ImageReference.parse(image);
    RegistryTransfer.run(progress, service, image, "pull", Status.PULLING, Status.PULLED, () -> {
      PullImageCmd pull = client.pullImageCmd(ref.repository()).withTag(ref.tag());
      auth.forImage(image).ifPresent(pull::withAuthConfig);
      pull.exec(new LayerStream<PullResponseItem>(progress)).awaitCompletion();
    }, reason -> "service \"" + service + "\": image " + image + " is not present and could not be pulled: " + reason);
  }
}
