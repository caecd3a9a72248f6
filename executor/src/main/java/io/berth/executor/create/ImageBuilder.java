package io.berth.executor.create;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.progress.ProgressListener;
import io.berth.model.spec.BuildSpec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a service's image through the Engine's build API. docker-java sends the context as a tar
 * and leaves out what {@code .dockerignore} names.
 */
public final class ImageBuilder {
  private final DockerClient client;
  private final ProgressListener progress;

  public ImageBuilder(DockerClient client, ProgressListener progress) {
    this.client = client;
    this.progress = progress;
  }

  /**
   * Builds go through the Engine's classic build API, which has no place for what only BuildKit
   * does (ssh, secrets, inline Dockerfiles, ...) nor, in docker-java, for ulimits and isolation:
   * say so rather than build something other than what the file asks for.
   *
   * @throws EngineException naming the service and every such attribute it sets
   */
  public static void refuseUnsupported(String service, BuildSpec spec) {
    List<String> unsupported = new ArrayList<>(spec.extras().buildKitOnly());
    if (!spec.extras().ulimits().isEmpty()) {
      unsupported.add("ulimits");
    }
    spec.extras().isolation().filter(i -> !i.equals("default")).ifPresent(i -> unsupported.add("isolation"));
    if (!unsupported.isEmpty()) {
      throw new EngineException("service \"" + service + "\": build." + String.join(", build.", unsupported)
          + (unsupported.size() == 1 ? " is" : " are") + " not supported yet by berth's builder");
    }
  }

  /** @return the new image's id */
  public String build(String service, String image, BuildSpec spec, boolean noCache, boolean pull) {
    return build(service, image, spec, BuildOptions.of(noCache, pull), Map.of());
  }

  /**
   * @param environment where a {@code --build-arg KEY} given without a value takes it from
   * @return the new image's id
   */
  public String build(String service, String image, BuildSpec spec, BuildOptions options, Map<String, String> environment) {
    refuseUnsupported(service, spec);
    Path context = spec.context();
    if (!Files.isDirectory(context)) {
      throw new EngineException("service \"" + service + "\": build context " + context + " is not a directory");
    }
    Path dockerfile = context.resolve(spec.dockerfile()).normalize();
    if (!Files.isRegularFile(dockerfile)) {
      throw new EngineException("service \"" + service + "\": no Dockerfile at " + dockerfile);
    }
    Set<String> tags = new HashSet<>(spec.tags());
    tags.add(image);
    BuildImageCmd cmd = client.buildImageCmd()
        .withBaseDirectory(context.toFile())
        .withDockerfile(new File(dockerfile.toString()))
        .withTags(tags)
        .withNoCache(spec.noCache() || options.noCache())
        .withPull(spec.pull() || options.pull())
        .withLabels(spec.labels())
        .withRemove(options.remove())
        // Unless told otherwise, remove intermediate containers even when a step fails, or a failed
        // build leaves them behind.
        .withForcerm(options.remove() && options.forceRemove());
    options.argsFor(spec, environment).forEach(cmd::withBuildArg);
    options.memory().ifPresent(cmd::withMemory);
    spec.target().ifPresent(cmd::withTarget);
    var extras = spec.extras();
    if (!extras.cacheFrom().isEmpty()) {
      cmd.withCacheFrom(new HashSet<>(extras.cacheFrom()));
    }
    if (!extras.extraHosts().isEmpty()) {
      cmd.withExtraHosts(new HashSet<>(extras.extraHosts()));
    }
    extras.shmSize().ifPresent(cmd::withShmsize);
    if (extras.platforms().size() == 1) {
      cmd.withPlatform(extras.platforms().get(0));
    }
    spec.network().ifPresent(cmd::withNetworkMode);
    progress.on(ProgressEvent.of("Image", image, Status.BUILDING));
    try {
      String id = cmd.exec(new BuildImageResultCallback() {
        @Override
        public void onNext(BuildResponseItem item) {
          if (item.getStream() != null && !item.getStream().isBlank()) {
            progress.on(new ProgressEvent("Image", image, Status.BUILD_OUTPUT, item.getStream().stripTrailing()));
          }
          super.onNext(item);
        }
      }).awaitImageId();
      progress.on(ProgressEvent.of("Image", image, Status.BUILT));
      return id;
    } catch (RuntimeException e) {
      String message = EngineErrors.describe(e);
      progress.on(new ProgressEvent("Image", image, Status.ERROR, message));
      throw new EngineException("service \"" + service + "\": failed to build " + image + ": " + message, e);
    }
  }
}
