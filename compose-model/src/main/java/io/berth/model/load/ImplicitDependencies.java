package io.berth.model.load;

import io.berth.model.spec.ContainerOptions;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.Service;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The dependencies compose-go's normalization adds: a service that shares another's namespace
 * ({@code network_mode}, {@code ipc} or {@code pid} set to {@code service:NAME}) depends on it,
 * started, restarted with it, required, unless {@code depends_on} already names it.
 */
final class ImplicitDependencies {
  private ImplicitDependencies() {}

  static Map<String, Service> add(Map<String, Service> services) {
    Map<String, Service> out = new LinkedHashMap<>();
    services.forEach((name, s) -> {
      ContainerOptions o = s.options();
      Map<String, Dependency> deps = new LinkedHashMap<>(s.dependsOn());
      Stream.of(o.networkMode(), o.ipc(), o.pid()).flatMap(Optional::stream)
          .filter(ref -> ref.startsWith("service:"))
          .forEach(ref -> deps.putIfAbsent(ref.substring("service:".length()), new Dependency(Dependency.SERVICE_STARTED, true, true)));
      out.put(name, deps.equals(s.dependsOn()) ? s : s.withDependsOn(deps));
    });
    return out;
  }
}
