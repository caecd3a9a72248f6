package io.berth.planner.observed;

import java.util.Map;
import java.util.Set;

/**
 * What the Engine holds outside the project that a plan must respect without ever touching it:
 * the external networks and volumes that exist, and container names already taken by containers
 * of no project or of another one.
 *
 * @param networks names of existing networks among those the project declares {@code external}
 * @param volumes names of existing volumes among those the project declares {@code external}
 * @param containerNames container name (no leading slash) to the id of the container that holds it
 */
public record Outside(Set<String> networks, Set<String> volumes, Map<String, String> containerNames) {
  public Outside {
    networks = Set.copyOf(networks);
    volumes = Set.copyOf(volumes);
    containerNames = Map.copyOf(containerNames);
  }

  /** Nothing outside the project: every external resource missing, every name free. */
  public static Outside none() {
    return new Outside(Set.of(), Set.of(), Map.of());
  }
}
