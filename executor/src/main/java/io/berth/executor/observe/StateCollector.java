package io.berth.executor.observe;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.exception.NotFoundException;
import io.berth.executor.engine.Background;
import io.berth.model.spec.Network;
import io.berth.model.spec.Project;
import io.berth.model.spec.Volume;
import io.berth.planner.labels.Labels;
import io.berth.planner.observed.Outside;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedNetwork;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.observed.ObservedVolume;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads what the Engine holds for a project. The Engine filters on the exact label
 * {@code com.docker.compose.project=<name>}; we check the label again, because a filter on
 * {@code project=app} must never return a resource of {@code app2}.
 */
public final class StateCollector {
  private final DockerClient client;

  public StateCollector(DockerClient client) {
    this.client = client;
  }

  public ObservedState observe(String project) {
    return observe(project, client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.PROJECT, project)).exec());
  }

  /** The project's resources, its containers taken from {@code listed} (which may hold others). */
  private ObservedState observe(String project, List<Container> listed) {
    return observe(project, listed, networks(project), volumes(project));
  }

  private static ObservedState observe(String project, List<Container> listed, List<ObservedNetwork> networks,
      List<ObservedVolume> volumes) {
    List<ObservedContainer> containers = listed.stream()
        .filter(c -> project.equals(labels(c).get(Labels.PROJECT)))
        .map(StateCollector::container)
        .toList();
    return new ObservedState(project, containers, networks, volumes);
  }

  private List<ObservedNetwork> networks(String project) {
    return client.listNetworksCmd()
        .withFilter("label", List.of(Labels.PROJECT + "=" + project))
        .exec().stream()
        .filter(n -> n.getLabels() != null && project.equals(n.getLabels().get(Labels.PROJECT)))
        .map(n -> new ObservedNetwork(n.getId(), n.getName(), Objects.requireNonNullElse(n.getDriver(), ""), n.getLabels(),
            Objects.requireNonNullElse(n.getOptions(), Map.of()), Boolean.TRUE.equals(n.getInternal()),
            Boolean.TRUE.equals(n.getEnableIPv6())))
        .toList();
  }

  private List<ObservedVolume> volumes(String project) {
    return Objects.requireNonNullElse(client.listVolumesCmd()
            .withFilter("label", List.of(Labels.PROJECT + "=" + project))
            .exec().getVolumes(), List.<com.github.dockerjava.api.command.InspectVolumeResponse>of())
        .stream()
        .filter(v -> v.getLabels() != null && project.equals(v.getLabels().get(Labels.PROJECT)))
        .map(v -> new ObservedVolume(v.getName(), Objects.requireNonNullElse(v.getDriver(), ""), v.getLabels(),
            Objects.requireNonNullElse(v.getOptions(), Map.<String, String>of())))
        .toList();
  }

  /** Replica {@code index} of {@code service}, if the project has it. */
  public Optional<ObservedContainer> container(String project, String service, int index) {
    return observe(project).containersOf(service).stream().filter(c -> c.number() == index).findFirst();
  }

  /**
   * The project's resources and what {@code up} must know outside it: which of its external
   * networks and volumes exist, and which container names other containers hold.
   */
  public ObservedState observeForUp(Project project) {
    // The reads are independent; made at once they take about as long as the longest.
    // Each read spends its time turning JSON into objects, which a second core does as well as the first.
    Background<List<Container>> all = Background.start("read-containers", () -> client.listContainersCmd().withShowAll(true).exec());
    Background<List<ObservedNetwork>> projectNetworks = Background.start("read-networks", () -> networks(project.name()));
    Background<List<ObservedVolume>> projectVolumes = Background.start("read-volumes", () -> volumes(project.name()));
    Set<String> networks = new HashSet<>();
    for (Network n : project.networks().values()) {
      if (n.external() && exists(() -> client.inspectNetworkCmd().withNetworkId(n.name()).exec())) {
        networks.add(n.name());
      }
    }
    Set<String> volumes = new HashSet<>();
    for (Volume v : project.volumes().values()) {
      if (v.external() && exists(() -> client.inspectVolumeCmd(v.name()).exec())) {
        volumes.add(v.name());
      }
    }
    // Every container on the Engine, listed once: the project's, and the names the others hold.
    Map<String, String> names = new HashMap<>();
    for (Container c : all.join()) {
      if (!project.name().equals(labels(c).get(Labels.PROJECT))) {
        names.put(name(c), c.getId());
      }
    }
    return observe(project.name(), all.join(), projectNetworks.join(), projectVolumes.join())
        .withOutside(new Outside(networks, volumes, names));
  }

  private static boolean exists(Runnable inspect) {
    try {
      inspect.run();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static ObservedContainer container(Container c) {
    return new ObservedContainer(c.getId(), name(c), Objects.requireNonNullElse(c.getState(), ""),
        Objects.requireNonNullElse(c.getImageId(), ""), labels(c));
  }

  /** The Engine lists names with a leading slash; the first name is the container's own. */
  public static String name(Container c) {
    String[] names = c.getNames();
    if (names == null || names.length == 0) {
      return c.getId();
    }
    return names[0].startsWith("/") ? names[0].substring(1) : names[0];
  }

  private static Map<String, String> labels(Container c) {
    return c.getLabels() == null ? Map.of() : c.getLabels();
  }
}
