package io.berth.planner;

import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import java.util.Optional;

/** The names Docker Compose v2 gives what it creates. */
public final class Names {
  private Names() {}

  /**
   * {@code <project>-<service>-<n>}, or the service's {@code container_name}; joined with {@code _}
   * in Compose's compatibility mode ({@code --compatibility} or COMPOSE_COMPATIBILITY), as Compose v1 did.
   */
  public static String container(Project project, Service service, int number) {
    String separator = compatibility(project) ? "_" : "-";
    return service.containerName().orElse(project.name() + separator + service.name() + separator + number);
  }

  /** COMPOSE_COMPATIBILITY set true, as Go's strconv.ParseBool reads it. */
  static boolean compatibility(Project project) {
    String v = project.environment().getOrDefault("COMPOSE_COMPATIBILITY", "").strip();
    return v.equals("1") || v.equalsIgnoreCase("t") || v.equalsIgnoreCase("true");
  }

  /** The name a replacement is created under until the container it replaces is gone. */
  public static String replacement(String oldId, String name) {
    return (oldId.length() > 12 ? oldId.substring(0, 12) : oldId) + "_" + name;
  }

  /** The group of the nodes that together replace one container: {@code recreate:web:1}. */
  public static String recreateGroup(String service, int number) {
    return RECREATE_GROUP_PREFIX + service + ":" + number;
  }

  public static final String RECREATE_GROUP_PREFIX = "recreate:";

  /** The service's {@code stop_grace_period} in whole seconds, when the project has the service and it sets one. */
  public static Optional<Integer> gracePeriod(Optional<Project> project, String service) {
    return project.map(p -> p.services().get(service))
        .flatMap(s -> s.options().stopGracePeriod())
        .map(d -> (int) Math.max(0, d.toSeconds()));
  }

  /** {@code service:web:1}: how plans, events and errors name a replica. */
  public static String serviceResource(String service, int number) {
    return "service:" + service + ":" + number;
  }
}
