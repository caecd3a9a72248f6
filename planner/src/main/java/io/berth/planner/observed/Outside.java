package io.berth.planner.observed;

import java.util.Map;
import java.util.Set;

/**
 * What the Engine holds outside the project that a plan must respect without ever touching it:
 * the external networks and volumes that exist, container names already taken by containers
 * of no project or of another one, and networks and volumes the project declares (not
 * {@code external}) whose name is already taken by one it did not create.
 *
 * @param networks names of existing networks among those the project declares {@code external}
 * @param volumes names of existing volumes among those the project declares {@code external}
 * @param containerNames container name (no leading slash) to the id of the container that holds it
 * @param foreignNetworks name of a network the project declares to the project that created it,
 *     {@code ""} when Compose did not; used as it is, never created, as Compose does
 * @param foreignVolumes the same for volumes
 */
public record Outside(Set<String> networks, Set<String> volumes, Map<String, String> containerNames,
    Map<String, String> foreignNetworks, Map<String, String> foreignVolumes) {
  public Outside {
    networks = Set.copyOf(networks);
    volumes = Set.copyOf(volumes);
    containerNames = Map.copyOf(containerNames);
    foreignNetworks = Map.copyOf(foreignNetworks);
    foreignVolumes = Map.copyOf(foreignVolumes);
  }

  public Outside(Set<String> networks, Set<String> volumes, Map<String, String> containerNames) {
    this(networks, volumes, containerNames, Map.of(), Map.of());
  }

  /** Nothing outside the project: every external resource missing, every name free. */
  public static Outside none() {
    return new Outside(Set.of(), Set.of(), Map.of());
  }
}
