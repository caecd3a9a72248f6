package io.berth.planner.observed;

import io.berth.planner.labels.Labels;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the Engine holds for one project: only resources whose {@code com.docker.compose.project}
 * label equals the project name exactly. The executor fills it; the planner reads it.
 *
 * <p>External networks and volumes carry no project label, and names taken by other containers
 * belong to no project: {@link #outside()} says what of that the plan must know.
 */
public record ObservedState(
    String project,
    List<ObservedContainer> containers,
    List<ObservedNetwork> networks,
    List<ObservedVolume> volumes,
    Outside outside) {

  /** A state that knows nothing outside the project. */
  public ObservedState(String project, List<ObservedContainer> containers, List<ObservedNetwork> networks,
      List<ObservedVolume> volumes) {
    this(project, containers, networks, volumes, Outside.none());
  }

  public ObservedState {
    for (ObservedContainer c : containers) {
      requireOwned(project, c.labels().get(Labels.PROJECT), "container " + c.name());
    }
    for (ObservedNetwork n : networks) {
      requireOwned(project, n.labels().get(Labels.PROJECT), "network " + n.name());
    }
    for (ObservedVolume v : volumes) {
      requireOwned(project, v.labels().get(Labels.PROJECT), "volume " + v.name());
    }
    containers = containers.stream().sorted(Comparator.comparing(ObservedContainer::name)).toList();
    networks = networks.stream().sorted(Comparator.comparing(ObservedNetwork::name)).toList();
    volumes = volumes.stream().sorted(Comparator.comparing(ObservedVolume::name)).toList();
  }

  public static ObservedState empty(String project) {
    return new ObservedState(project, List.of(), List.of(), List.of());
  }

  /** The same state, with what is known outside the project. */
  public ObservedState withOutside(Outside outside) {
    return new ObservedState(project, containers, networks, volumes, outside);
  }

  /** The project's service containers (not one-off {@code run} containers) of one service, by number. */
  public List<ObservedContainer> containersOf(String service) {
    return containers.stream()
        .filter(c -> !c.oneoff() && c.service().equals(service))
        .sorted(Comparator.comparingInt(ObservedContainer::number))
        .toList();
  }

  public Optional<ObservedNetwork> network(String name) {
    return networks.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  public Optional<ObservedVolume> volume(String name) {
    return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  private static void requireOwned(String project, String label, String what) {
    if (!project.equals(label)) {
      throw new IllegalArgumentException(
          what + " does not carry " + Labels.PROJECT + "=" + project + " (found " + label + ")");
    }
  }
}
