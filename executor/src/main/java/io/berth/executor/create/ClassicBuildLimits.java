package io.berth.executor.create;

import io.berth.model.spec.BuildSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a service's build section asks that the Engine's classic build API cannot do. Build
 * arguments, labels, target, network, extra hosts, shm size, cache_from, pull, no_cache and an
 * inline Dockerfile all go to the classic {@code /build} call; what is left needs BuildKit.
 * Compose's classic builder refuses multi-arch builds, privileged mode, additional contexts, SSH
 * and secrets with the words used here; berth also refuses what Compose's classic builder would
 * silently drop (cache_to, attestations, ...), rather than build something else than asked.
 */
public final class ClassicBuildLimits {
  private ClassicBuildLimits() {}

  /**
   * @param dockerfile the Dockerfile's text, where it could be read: an additional context the
   *     Dockerfile never names changes nothing in the build (a {@code service:} one only orders
   *     the builds), so only one it names is refused
   * @return the one-line refusal, naming the service; empty when the classic builder can build it
   */
  public static Optional<String> refusal(String service, BuildSpec spec, Optional<String> dockerfile) {
    var x = spec.extras();
    List<String> compose = new ArrayList<>();
    if (x.platforms().size() > 1) {
      compose.add("multi-arch build");
    }
    if (x.privileged()) {
      compose.add("privileged mode");
    }
    if (x.additionalContexts().keySet().stream().anyMatch(name -> dockerfile.map(d -> names(d, name)).orElse(true))) {
      compose.add("additional contexts");
    }
    if (!x.ssh().isEmpty()) {
      compose.add("SSH keys");
    }
    if (!x.secrets().isEmpty()) {
      compose.add("secrets");
    }
    List<String> berth = new ArrayList<>();
    if (!x.cacheTo().isEmpty()) {
      berth.add("build.cache_to");
    }
    if (!x.noCacheFilter().isEmpty()) {
      berth.add("build.no_cache_filter");
    }
    if (!x.entitlements().isEmpty()) {
      berth.add("build.entitlements");
    }
    x.provenance().filter(p -> !p.equals("false")).ifPresent(p -> berth.add("build.provenance"));
    x.sbom().filter(p -> !p.equals("false")).ifPresent(p -> berth.add("build.sbom"));
    // docker-java's build command has no place for these two (the /build endpoint has).
    if (!x.ulimits().isEmpty()) {
      berth.add("build.ulimits");
    }
    x.isolation().filter(i -> !i.equals("default")).ifPresent(i -> berth.add("build.isolation"));
    if (compose.isEmpty() && berth.isEmpty()) {
      return Optional.empty();
    }
    List<String> rest = new ArrayList<>();
    String first;
    if (!compose.isEmpty()) {
      first = "the classic builder doesn't support " + compose.get(0) + ", set DOCKER_BUILDKIT=1 to use BuildKit";
      rest.addAll(compose.subList(1, compose.size()));
      rest.addAll(berth);
    } else {
      first = "the classic builder doesn't support " + berth.get(0);
      rest.addAll(berth.subList(1, berth.size()));
    }
    return Optional.of("service \"" + service + "\": " + first + (rest.isEmpty() ? "" : "; nor " + String.join(", ", rest))
        + " (berth builds with the Engine's classic builder only)");
  }

  /** The Dockerfile's text: inline, or read from the context; empty when it cannot be read. */
  public static Optional<String> dockerfileText(BuildSpec spec) {
    if (spec.extras().dockerfileInline().isPresent()) {
      return spec.extras().dockerfileInline();
    }
    try {
      return Optional.of(Files.readString(spec.context().resolve(spec.dockerfile())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether a Dockerfile names {@code context} as a stage's base or as a {@code from=} source. */
  static boolean names(String dockerfile, String context) {
    String name = Pattern.quote(context);
    return Pattern.compile("(?im)^\\s*FROM\\s+(?:--\\S+\\s+)*" + name + "(?=[\\s:@]|$)").matcher(dockerfile).find()
        || Pattern.compile("(?i)(?:^|[\\s,])(?:--)?from=" + name + "(?=[\\s,]|$)").matcher(dockerfile).find();
  }
}
