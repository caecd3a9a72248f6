package io.berth.executor.create;

import io.berth.model.spec.BuildSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a build command asks beyond each service's {@code build} section, as the Engine's classic
 * build API takes it.
 *
 * @param noCache {@code --no-cache}, on top of {@code build.no_cache}
 * @param pull {@code --pull}, on top of {@code build.pull}
 * @param args {@code --build-arg}, in the order given: {@code KEY=VAL}, or {@code KEY} alone (an
 *     empty value here) for the value the project's environment holds
 * @param memory {@code --memory}: the build containers' memory limit, in bytes
 * @param remove remove the intermediate containers after a successful build ({@code --no-rm}: false)
 * @param forceRemove remove them even when the build fails ({@code --force-rm})
 */
public record BuildOptions(boolean noCache, boolean pull, Map<String, Optional<String>> args, Optional<Long> memory,
    boolean remove, boolean forceRemove) {

  public BuildOptions {
    args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  /**
   * berth's defaults: intermediate containers are removed, failed builds' too, so that a broken
   * Dockerfile leaves nothing behind.
   */
  public static BuildOptions of(boolean noCache, boolean pull) {
    return new BuildOptions(noCache, pull, Map.of(), Optional.empty(), true, true);
  }

  /**
   * Parses {@code --build-arg} values as Compose does: {@code KEY=VAL} sets a value ({@code KEY=}
   * an empty one), {@code KEY} alone takes it from the environment; a later one wins.
   */
  public static Map<String, Optional<String>> parseArgs(List<String> given) {
    Map<String, Optional<String>> out = new LinkedHashMap<>();
    for (String arg : given) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        out.put(arg, Optional.empty());
      } else {
        out.put(arg.substring(0, eq), Optional.of(arg.substring(eq + 1)));
      }
    }
    return out;
  }

  /**
   * The build arguments a service's build gets, as Compose merges them: the file's
   * {@code build.args}, overridden by {@code --build-arg}; a {@code KEY} given alone takes its value
   * from {@code environment} and, when that has none, is left out, so the Dockerfile's default
   * applies (the file's value for that key is overridden too, as in Compose).
   */
  public Map<String, String> argsFor(BuildSpec spec, Map<String, String> environment) {
    Map<String, String> out = new TreeMap<>(spec.args());
    args.forEach((key, value) -> {
      Optional<String> resolved = value.or(() -> Optional.ofNullable(environment.get(key)));
      if (resolved.isPresent()) {
        out.put(key, resolved.get());
      } else {
        out.remove(key);
      }
    });
    return out;
  }
}
