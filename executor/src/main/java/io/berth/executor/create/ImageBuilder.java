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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
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
   * Builds go through the Engine's classic build API: what it cannot do ({@link ClassicBuildLimits})
   * is refused rather than built into something other than what the file asks for.
   *
   * @throws EngineException naming the service and every such attribute it sets
   */
  public static void refuseUnsupported(String service, BuildSpec spec) {
    ClassicBuildLimits.refusal(service, spec, ClassicBuildLimits.dockerfileText(spec)).ifPresent(refusal -> {
      throw new EngineException(refusal);
    });
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
    Optional<String> inline = spec.extras().dockerfileInline();
    Path dockerfile = context.resolve(spec.dockerfile()).normalize();
    if (inline.isEmpty() && !Files.isRegularFile(dockerfile)) {
      throw new EngineException("service \"" + service + "\": no Dockerfile at " + dockerfile);
    }
    Set<String> tags = new HashSet<>(spec.tags());
    tags.add(image);
    Path contextTar = null;
    InputStream contextIn = null;
    BuildImageCmd cmd;
    if (inline.isPresent()) {
      // The classic builder reads the Dockerfile from the context: the inline text goes into the tar.
      InlineDockerfileContext tar = InlineDockerfileContext.named();
      try {
        contextTar = Files.createTempFile("berth-build-", ".tar");
        try (OutputStream out = Files.newOutputStream(contextTar)) {
          tar.write(context, inline.get(), out);
        }
        contextIn = Files.newInputStream(contextTar);
        cmd = client.buildImageCmd(contextIn).withDockerfilePath(tar.dockerfileName());
      } catch (IOException e) {
        deleteQuietly(contextTar);
        throw new EngineException("service \"" + service + "\": could not prepare the build context: " + e.getMessage(), e);
      }
    } else {
      cmd = client.buildImageCmd().withBaseDirectory(context.toFile()).withDockerfile(new File(dockerfile.toString()));
    }
    cmd = cmd.withTags(tags)
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
      // The classic builder's last line names the image by a short id; containers carry the full
      // one, and a short one would look like a changed image to the planner.
      return fullId(image).orElse(id);
    } catch (RuntimeException e) {
      String message = EngineErrors.describe(e);
      progress.on(new ProgressEvent("Image", image, Status.ERROR, message));
      throw new EngineException("service \"" + service + "\": failed to build " + image + ": " + message, e);
    } finally {
      closeQuietly(contextIn);
      deleteQuietly(contextTar);
    }
  }

  private Optional<String> fullId(String image) {
    try {
      return Optional.ofNullable(client.inspectImageCmd(image).exec().getId());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // Read to its end already, or the build failed: nothing more to say.
      }
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A temporary file: the system's cleaning takes it eventually.
      }
    }
  }
}
