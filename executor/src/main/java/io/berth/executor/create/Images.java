package io.berth.executor.create;

import com.github.dockerjava.api.DockerClient;
import io.berth.executor.engine.EngineException;
import io.berth.executor.engine.EngineReads;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressListener;
import io.berth.executor.registry.RegistryAuth;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Gets each service's image the way its pull policy and build section say, and reports the image
 * ids, so that the planner can tell a container made from an older image.
 */
public final class Images {
  private final EngineReads reads;
  private final ProgressListener progress;
  private final ImagePuller puller;
  private final ImageBuilder builder;

  public Images(DockerClient client, ProgressListener progress, RegistryAuth auth) {
    this.progress = progress;
    this.reads = new EngineReads(client);
    this.puller = new ImagePuller(client, progress, auth);
    this.builder = new ImageBuilder(client, progress);
  }

  /**
   * @param build {@code --build}: build every service that has a build section
   * @return the image id of each given service
   */
  public Map<String, String> ensure(Project project, Iterable<String> services, boolean build, boolean noCache, boolean pull) {
    return ensure(project, services, build, noCache, pull, () -> {});
  }

  /**
   * As {@link #ensure(Project, Iterable, boolean, boolean, boolean)}, running {@code beforeChange}
   * once before the first pull or build, and not at all when every image is there already: a
   * check that should stop the command before a slow pull (up plans once first) costs nothing when
   * nothing would be pulled.
   */
  public Map<String, String> ensure(Project project, Iterable<String> services, boolean build, boolean noCache, boolean pull,
      Runnable beforeChange) {
    return ensure(project, services, build, noCache, pull, ImageOptions.defaults(), beforeChange);
  }

  /**
   * As {@link #ensure(Project, Iterable, boolean, boolean, boolean, Runnable)}, with {@code up}'s
   * {@code --pull} and {@code --no-build}. Progress is quieted by {@link ImageOptions#filter}
   * where this {@code Images} was made, not here.
   */
  public Map<String, String> ensure(Project project, Iterable<String> services, boolean build, boolean noCache, boolean pull,
      ImageOptions options, Runnable beforeChange) {
    Runnable once = new Runnable() {
      private boolean ran;

      @Override
      public void run() {
        if (!ran) {
          ran = true;
          beforeChange.run();
        }
      }
    };
    Map<String, String> ids = new LinkedHashMap<>();
    // Services often share an image: each image is read once (its id and, for a refresh policy, when
    // it was last tagged), and again only after it changed.
    Map<String, Optional<ImageDetails>> known = new HashMap<>();
    for (String name : services) {
      Service s = project.service(name);
      String image = s.imageName(project.name());
      // As Compose, --pull replaces every service's pull_policy for this run.
      String policy = options.pull().or(s::pullPolicy).orElse("missing");
      String policySource = options.pull().isPresent() ? "--pull is " : "pull_policy is ";
      Optional<ImageDetails> local = known.computeIfAbsent(image, this::details);
      Optional<String> present = local.map(ImageDetails::id).filter(id -> !id.isEmpty());
      // daily, weekly, every_<duration>: pulled again once the image was last tagged longer ago than that.
      boolean due = present.isPresent() && PullRefresh.interval(policy)
          .map(interval -> local.flatMap(ImageDetails::lastTagged).map(t -> t.plus(interval).isBefore(Instant.now())).orElse(true))
          .orElse(false);
      boolean buildable = s.build().isPresent() && !options.noBuild();
      // As Compose, an image the file does not name is never pulled: it can only be built.
      boolean pullable = s.image().isPresent();
      String id;
      if (buildable && (build || policy.equals("build") || (present.isEmpty() && (!policy.equals("always") || !pullable)))) {
        once.run();
        id = builder.build(name, image, s.build().get(), noCache, pull);
        known.remove(image);
      } else if (!pullable) {
        // Only --no-build gets here with no image: the service has a build section and no image name.
        id = present.orElseThrow(() -> new EngineException("service \"" + name + "\": No such image: " + image
            + " (it has a build section, but --no-build was given)"));
      } else if (present.isEmpty() && (policy.equals("never") || policy.equals("build"))) {
        // build: Compose builds a service that can be built and pulls nothing for one that cannot.
        throw new EngineException("service \"" + name + "\": image " + image + " is not present and " + policySource + policy
            + (policy.equals("build") ? " (nothing to build it from: the service has no build section)" : ""));
      } else if (policy.equals("always") || present.isEmpty() || due) {
        once.run();
        try {
          puller.pull(name, image);
          id = idOf(image).orElseThrow(() -> new EngineException("service \"" + name + "\": image " + image + " is missing after pull"));
        } catch (EngineException failed) {
          if (!buildable) {
            throw failed;
          }
          // As Compose: an image that cannot be pulled but can be built is built.
          progress.on(new ProgressEvent("Image", image, ProgressEvent.Status.WARNING, "pull failed, building it: " + failed.getMessage()));
          id = builder.build(name, image, s.build().get(), noCache, pull);
        }
        known.remove(image);
      } else {
        id = present.get();
      }
      ids.put(name, id);
    }
    preStartImages(project, services, options, once);
    return ids;
  }

  /**
   * As Compose, the images of {@code pre_start} steps are pulled with the services' images: they
   * follow their service's pull policy, except that one cannot be built, so {@code build} pulls
   * a missing one; {@code never} pulls none.
   */
  private void preStartImages(Project project, Iterable<String> services, ImageOptions options, Runnable beforeChange) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String name : services) {
      Service s = project.service(name);
      String policy = options.pull().or(s::pullPolicy).orElse("missing");
      if (policy.equals("never")) {
        continue;
      }
      var steps = s.extras().preStart();
      for (int i = 0; i < steps.size(); i++) {
        String image = steps.get(i).image().orElse(s.imageName(project.name()));
        if (image.equals(s.imageName(project.name())) || !seen.add(image)) {
          continue;
        }
        if (policy.equals("always") || idOf(image).isEmpty()) {
          beforeChange.run();
          puller.pull(name + ":pre_start " + i, image);
        }
      }
    }
  }

  /**
   * Why {@code pull} leaves a service's image alone, as Compose's pull decides it; empty when it
   * pulls. With no {@code pull_policy}, {@code always} or a refresh policy it pulls; {@code never}
   * and {@code build} skip; {@code missing} pulls an image that is absent or tagged {@code latest}.
   */
  public Optional<String> pullSkipReason(Service s) {
    return pullSkipReason(s, Optional.empty());
  }

  /**
   * As {@link #pullSkipReason(Service)}, under {@code policy} instead of the service's own
   * {@code pull_policy} when one is given ({@code pull --policy}).
   */
  public Optional<String> pullSkipReason(Service s, Optional<String> policyOverride) {
    String image = s.image().orElseThrow();
    String policy = policyOverride.or(s::pullPolicy).orElse("");
    if (policy.isEmpty() || policy.equals("always") || PullRefresh.interval(policy).isPresent()) {
      return Optional.empty();
    }
    if (policy.equals("never") || policy.equals("build")) {
      return Optional.of("");
    }
    return idOf(image).isEmpty() || latestTag(image) ? Optional.empty() : Optional.of("Image is already present locally");
  }

  /** Pulls one service's image ({@code berth pull}), with the session's progress and credentials. */
  public void pull(String service, String image) {
    puller.pull(service, image);
  }

  /** A reference without a tag means {@code latest}; one pinned by digest has none. */
  private static boolean latestTag(String image) {
    if (image.contains("@")) {
      return false;
    }
    int colon = image.lastIndexOf(':');
    return colon < image.lastIndexOf('/') + 1 || image.substring(colon + 1).equals("latest");
  }

  /** Builds one service's image ({@code berth build}); returns its id. */
  public String build(Project project, String service, boolean noCache, boolean pull) {
    return build(project, service, BuildOptions.of(noCache, pull));
  }

  /** Builds one service's image with what the command line adds to its build section; returns its id. */
  public String build(Project project, String service, BuildOptions options) {
    Service s = project.service(service);
    return builder.build(service, s.imageName(project.name()), s.build().orElseThrow(), options, project.environment());
  }

  /** The ids of the images that are present, without pulling or building anything. */
  public Map<String, String> present(Project project, Iterable<String> services) {
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, Optional<String>> known = new HashMap<>();
    for (String name : services) {
      known.computeIfAbsent(project.service(name).imageName(project.name()), this::idOf).ifPresent(id -> ids.put(name, id));
    }
    return ids;
  }

  /** The id of a local image, nothing when the Engine has none of that name. */
  public Optional<String> idOf(String image) {
    return details(image).map(ImageDetails::id).filter(id -> !id.isEmpty());
  }

  /**
   * What berth reads of a local image: its id and when the Engine last tagged it (pulled, built or
   * tagged: {@code Metadata.LastTagTime}, which docker-java's image details leave out).
   */
  private record ImageDetails(String id, Optional<Instant> lastTagged) {}

  private Optional<ImageDetails> details(String image) {
    return reads.get("/images/" + image + "/json", Map.of(), json -> {
      var d = new Object() {
        String id = "";
        String lastTagTime = "";
      };
      EngineReads.object(json, (field, value) -> {
        switch (field) {
          case "Id" -> d.id = EngineReads.text(value);
          case "Metadata" -> EngineReads.object(value, (meta, time) -> {
            if (meta.equals("LastTagTime")) {
              d.lastTagTime = EngineReads.text(time);
            } else {
              time.skipChildren();
            }
          });
          default -> value.skipChildren();
        }
      });
      // The Engine says 0001-01-01T00:00:00Z for an image never tagged: as Compose, that is long ago.
      return new ImageDetails(d.id, d.lastTagTime.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(d.lastTagTime)));
    });
  }
}
