package io.berth.executor.create;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PushImageCmd;
import com.github.dockerjava.api.model.PushResponseItem;
import io.berth.executor.engine.EngineException;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.progress.ProgressListener;
import io.berth.executor.registry.LayerStream;
import io.berth.executor.registry.RegistryAuth;
import io.berth.model.spec.Service;
import java.util.ArrayList;
import java.util.List;

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
   * What {@code push} pushes of a service: the image it names and its {@code build.tags}; nothing
   * for a service that builds no image or names none, as in Compose.
   */
  public static List<String> tagsOf(Service service) {
    if (service.build().isEmpty() || service.image().isEmpty()) {
      return List.of();
    }
    List<String> tags = new ArrayList<>(List.of(service.image().get()));
    tags.addAll(service.build().get().tags());
    return tags;
  }

  /**
   * @throws EngineException naming the service and the tag, with the registry's reason
   */
  public void push(String service, String tag) {
    ImageReference ref = ImageReference.parse(tag);
    RegistryTransfer.run(progress, service, tag, "push", Status.PUSHING, Status.PUSHED, () -> {
      PushImageCmd push = client.pushImageCmd(ref.repository()).withTag(ref.tag());
      auth.forImage(tag).ifPresent(push::withAuthConfig);
      push.exec(new LayerStream<PushResponseItem>(progress)).awaitCompletion();
    }, reason -> "service \"" + service + "\": push of " + tag + " failed: " + reason);
  }
}
