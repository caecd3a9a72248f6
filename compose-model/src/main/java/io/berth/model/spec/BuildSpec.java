package io.berth.model.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to build a service's image.
 *
 * @param context the build context, an absolute directory
 * @param dockerfile relative to the context, as the Engine takes it; empty with {@code dockerfile_inline}
 * @param args build arguments; a null value means "take it from the environment", already resolved
 */
public record BuildSpec(
    Path context,
    String dockerfile,
    Map<String, String> args,
    Optional<String> target,
    Map<String, String> labels,
    Optional<String> network,
    boolean noCache,
    boolean pull,
    List<String> tags,
    BuildExtras extras) {

  public BuildSpec(Path context, String dockerfile, Map<String, String> args, Optional<String> target,
      Map<String, String> labels, Optional<String> network, boolean noCache, boolean pull, List<String> tags) {
    this(context, dockerfile, args, target, labels, network, noCache, pull, tags, BuildExtras.none());
  }

  public BuildSpec {
    args = Maps.sortedCopy(args);
    labels = Maps.sortedCopy(labels);
    tags = List.copyOf(tags);
  }
}
