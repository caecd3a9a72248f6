package io.berth.planner;

import io.berth.model.diag.SourcePos;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.labels.Labels;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The project as its containers describe it, for {@code start}, {@code stop} and {@code restart}
 * run with a project name but no compose file (Compose's {@code projectFromName}): a service per
 * {@code com.docker.compose.service} label, with the dependencies its
 * {@code com.docker.compose.depends_on} label records ({@code name:condition:restart}, a bare name
 * being Compose's older form: running or healthy, restarted with it). One-off containers do not
 * make a service.
 */
public final class ProjectFromContainers {
  /** Compose's condition for a dependency whose label records none. */
  static final String RUNNING_OR_HEALTHY = "running_or_healthy";

  private ProjectFromContainers() {}

  public static Project of(ObservedState observed) {
    Map<String, Service> services = new TreeMap<>();
    for (ObservedContainer c : observed.containers()) {
      if (c.oneoff() || c.service().isEmpty() || services.containsKey(c.service())) {
        continue;
      }
      services.put(c.service(), service(c.service(), dependencies(c.labels().getOrDefault(Labels.DEPENDS_ON, ""))));
    }
    // A dependency whose containers are all gone is no service of this project.
    services.replaceAll((name, s) -> {
      Map<String, Dependency> kept = new TreeMap<>(s.dependsOn());
      kept.keySet().retainAll(services.keySet());
      return s.withDependsOn(kept);
    });
    return new Project(observed.project(), Path.of("").toAbsolutePath(), List.of(), services, Map.of(), Map.of(), Map.of());
  }

  static Map<String, Dependency> dependencies(String label) {
    Map<String, Dependency> out = new TreeMap<>();
    for (String entry : label.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.split(":");
      String condition = parts.length > 1 ? parts[1] : RUNNING_OR_HEALTHY;
      boolean restart = parts.length <= 2 || Boolean.parseBoolean(parts[2]);
      out.put(parts[0], new Dependency(condition, true, restart));
    }
    return out;
  }

  private static Service service(String name, Map<String, Dependency> dependsOn) {
    return new Service(name, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of(), List.of(), dependsOn,
        Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), List.of(), SourcePos.none());
  }
}
