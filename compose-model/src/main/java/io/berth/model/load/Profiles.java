package io.berth.model.load;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.Service;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compose's profiles: a service with {@code profiles} runs only when one of them is active
 * ({@code --profile}, else COMPOSE_PROFILES; {@code *} activates all); a service without runs always.
 */
final class Profiles {
  private Profiles() {}

  /**
   * The {@code --profile} values as given (docker compose does not split them on commas), else
   * COMPOSE_PROFILES split on commas, each entry trimmed.
   */
  static Set<String> active(List<String> flags, Map<String, String> env) {
    if (!flags.isEmpty()) {
      return Set.copyOf(flags);
    }
    return Arrays.stream(env.getOrDefault("COMPOSE_PROFILES", "").split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }

  /**
   * {@code active} and the profiles of the {@code named} services it leaves disabled, as
   * compose-go's WithServicesEnabled: naming a service on the command line enables it.
   */
  static Set<String> withNamed(Set<String> active, Map<String, Service> all, Set<String> named) {
    Set<String> out = new java.util.HashSet<>(active);
    for (String name : named) {
      Service s = all.get(name);
      if (s != null && !isEnabled(s, active)) {
        out.addAll(s.profiles());
      }
    }
    return Set.copyOf(out);
  }

  private static boolean isEnabled(Service s, Set<String> active) {
    return s.profiles().isEmpty() || active.contains("*") || s.profiles().stream().anyMatch(active::contains);
  }

  /** The enabled services; a dependency on a disabled one is an error naming both. */
  static Map<String, Service> enabled(Map<String, Service> all, Set<String> active) {
    Map<String, Service> out = new LinkedHashMap<>();
    all.forEach((name, s) -> {
      if (isEnabled(s, active)) {
        out.put(name, s);
      }
    });
    for (Service s : List.copyOf(out.values())) {
      Map<String, Dependency> kept = new LinkedHashMap<>();
      s.dependsOn().forEach((dependency, d) -> {
        if (out.containsKey(dependency)) {
          kept.put(dependency, d);
        } else if (d.required()) {
          throw new ComposeModelException(s.pos(), "services." + s.name() + ".depends_on",
              "service \"" + s.name() + "\" depends on service \"" + dependency + "\", which is disabled by its profiles "
                  + all.get(dependency).profiles() + ": enable one with --profile or COMPOSE_PROFILES");
        }
        // An optional dependency that is not enabled is simply not waited for.
      });
      out.put(s.name(), s.withDependsOn(kept));
    }
    return out;
  }
}
