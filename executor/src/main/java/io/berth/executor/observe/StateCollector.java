package io.berth.executor.observe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.berth.executor.engine.Background;
import io.berth.executor.engine.EngineReads;
import io.berth.model.spec.Network;
import io.berth.model.spec.Project;
import io.berth.model.spec.Volume;
import io.berth.planner.labels.Labels;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedNetwork;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.observed.ObservedVolume;
import io.berth.planner.observed.Outside;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what the Engine holds for a project. The Engine filters on the exact label
 * {@code com.docker.compose.project=<name>}; we check the label again, because a filter on
 * {@code project=app} must never return a resource of {@code app2}. The lists are read through
 * {@link EngineReads}, for the fields the planner compares.
 */
public final class StateCollector {
  private final EngineReads engine;

  public StateCollector(DockerClient client) {
    this.engine = new EngineReads(client);
  }

  public ObservedState observe(String project) {
    return observe(project, containers(Map.of("label", List.of(Labels.PROJECT + "=" + project))), networks(project), volumes(project));
  }

  private static ObservedState observe(String project, List<ObservedContainer> listed, List<ObservedNetwork> networks,
      List<ObservedVolume> volumes) {
    List<ObservedContainer> containers = listed.stream()
        .filter(c -> project.equals(c.labels().get(Labels.PROJECT)))
        .toList();
    return new ObservedState(project, containers, networks, volumes);
  }

  /** Every container the filters let through, running or not. */
  private List<ObservedContainer> containers(Map<String, List<String>> filters) {
    return engine.get("/containers/json?all=1", filters, json -> EngineReads.array(json, StateCollector::container)).orElse(List.of());
  }

  private List<ObservedNetwork> networks(String project) {
    return engine.get("/networks", labelled(project), json -> EngineReads.array(json, StateCollector::network)).orElse(List.of())
        .stream()
        .filter(n -> project.equals(n.labels().get(Labels.PROJECT)))
        .toList();
  }

  private List<ObservedVolume> volumes(String project) {
    // The Engine answers {"Volumes": [...], "Warnings": [...]}.
    List<ObservedVolume> listed = new ArrayList<>();
    engine.get("/volumes", labelled(project), json -> {
      EngineReads.object(json, (field, value) -> {
        if (field.equals("Volumes")) {
          listed.addAll(EngineReads.array(value, StateCollector::volume));
        } else {
          value.skipChildren();
        }
      });
      return listed;
    });
    return listed.stream().filter(v -> project.equals(v.labels().get(Labels.PROJECT))).toList();
  }

  private static Map<String, List<String>> labelled(String project) {
    return Map.of("label", List.of(Labels.PROJECT + "=" + project));
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
    Background<List<ObservedContainer>> all = Background.start("read-containers", () -> containers(Map.of()));
    Background<List<ObservedNetwork>> projectNetworks = Background.start("read-networks", () -> networks(project.name()));
    Background<List<ObservedVolume>> projectVolumes = Background.start("read-volumes", () -> volumes(project.name()));
    Set<String> networks = new HashSet<>();
    for (Network n : project.networks().values()) {
      if (n.external() && exists("/networks/" + n.name())) {
        networks.add(n.name());
      }
    }
    Set<String> volumes = new HashSet<>();
    for (Volume v : project.volumes().values()) {
      if (v.external() && exists("/volumes/" + v.name())) {
        volumes.add(v.name());
      }
    }
    // Every container on the Engine, listed once: the project's, and the names the others hold.
    Map<String, String> names = new HashMap<>();
    for (ObservedContainer c : all.join()) {
      if (!project.name().equals(c.labels().get(Labels.PROJECT))) {
        names.put(c.name(), c.id());
      }
    }
    // A declared name the project's label does not cover may be taken by another project's resource, or one made
    // outside Compose: only then is it looked up, so an up with nothing to create makes no extra call.
    Set<String> ownNetworks = projectNetworks.join().stream().map(ObservedNetwork::name).collect(Collectors.toSet());
    Map<String, String> foreignNetworks = new HashMap<>();
    for (Network n : project.networks().values()) {
      if (!n.external() && !ownNetworks.contains(n.name())) {
        ownerOf("/networks/" + n.name(), n.name()).ifPresent(owner -> foreignNetworks.put(n.name(), owner));
      }
    }
    Set<String> ownVolumes = projectVolumes.join().stream().map(ObservedVolume::name).collect(Collectors.toSet());
    Map<String, String> foreignVolumes = new HashMap<>();
    for (Volume v : project.volumes().values()) {
      if (!v.external() && !ownVolumes.contains(v.name())) {
        ownerOf("/volumes/" + v.name(), v.name()).ifPresent(owner -> foreignVolumes.put(v.name(), owner));
      }
    }
    return observe(project.name(), all.join(), projectNetworks.join(), projectVolumes.join())
        .withOutside(new Outside(networks, volumes, names, foreignNetworks, foreignVolumes));
  }

  /**
   * The project label of the network or volume named {@code name}, {@code ""} when it has none; empty
   * when there is none of that name (the Engine also finds a network by a prefix of its id: not that).
   */
  private Optional<String> ownerOf(String path, String name) {
    return engine.get(path, Map.of(), json -> {
      var found = new Object() {
        String name = "";
        String project = "";
      };
      EngineReads.object(json, (field, value) -> {
        switch (field) {
          case "Name" -> found.name = EngineReads.text(value);
          case "Labels" -> found.project = EngineReads.strings(value).getOrDefault(Labels.PROJECT, "");
          default -> value.skipChildren();
        }
      });
      return found;
    }).filter(f -> f.name.equals(name)).map(f -> f.project);
  }

  private boolean exists(String path) {
    return engine.get(path, Map.of(), json -> {
      json.skipChildren();
      return Boolean.TRUE;
    }).isPresent();
  }

  /** One entry of {@code GET /containers/json}. */
  private static ObservedContainer container(JsonParser json) throws IOException {
    var c = new Object() {
      String id = "";
      String name = "";
      String state = "";
      String image = "";
      Map<String, String> labels = Map.of();
      Map<String, String> volumes = Map.of();
    };
    EngineReads.object(json, (field, value) -> {
      switch (field) {
        case "Id" -> c.id = EngineReads.text(value);
        case "Names" -> c.name = withoutSlash(EngineReads.firstString(value));
        case "State" -> c.state = EngineReads.text(value);
        case "ImageID" -> c.image = EngineReads.text(value);
        case "Labels" -> c.labels = EngineReads.strings(value);
        case "Mounts" -> c.volumes = volumeMounts(value);
        default -> value.skipChildren();
      }
    });
    return new ObservedContainer(c.id, c.name.isEmpty() ? c.id : c.name, c.state, c.image, c.labels, c.volumes);
  }

  /** A container's {@code Mounts}: the name of each volume by where it is mounted; binds and tmpfs left out. */
  private static Map<String, String> volumeMounts(JsonParser json) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (ListedMount mount : EngineReads.array(json, StateCollector::mount)) {
      if (mount.type().equals("volume") && !mount.name().isEmpty() && !mount.destination().isEmpty()) {
        out.put(mount.destination(), mount.name());
      }
    }
    return out;
  }

  private record ListedMount(String type, String name, String destination) {}

  /** One entry of a container's {@code Mounts}. */
  private static ListedMount mount(JsonParser json) throws IOException {
    var m = new Object() {
      String type = "";
      String name = "";
      String destination = "";
    };
    EngineReads.object(json, (field, value) -> {
      switch (field) {
        case "Type" -> m.type = EngineReads.text(value);
        case "Name" -> m.name = EngineReads.text(value);
        case "Destination" -> m.destination = EngineReads.text(value);
        default -> value.skipChildren();
      }
    });
    return new ListedMount(m.type, m.name, m.destination);
  }

  /** One entry of {@code GET /networks}. */
  private static ObservedNetwork network(JsonParser json) throws IOException {
    var n = new Object() {
      String id = "";
      String name = "";
      String driver = "";
      boolean internal;
      boolean ipv6;
      Map<String, String> labels = Map.of();
      Map<String, String> options = Map.of();
    };
    EngineReads.object(json, (field, value) -> {
      switch (field) {
        case "Id" -> n.id = EngineReads.text(value);
        case "Name" -> n.name = EngineReads.text(value);
        case "Driver" -> n.driver = EngineReads.text(value);
        case "Internal" -> n.internal = value.currentToken() == JsonToken.VALUE_TRUE;
        case "EnableIPv6" -> n.ipv6 = value.currentToken() == JsonToken.VALUE_TRUE;
        case "Labels" -> n.labels = EngineReads.strings(value);
        case "Options" -> n.options = EngineReads.strings(value);
        default -> value.skipChildren();
      }
    });
    return new ObservedNetwork(n.id, n.name, n.driver, n.labels, n.options, n.internal, n.ipv6);
  }

  /** One entry of {@code Volumes} in {@code GET /volumes}. */
  private static ObservedVolume volume(JsonParser json) throws IOException {
    var v = new Object() {
      String name = "";
      String driver = "";
      Map<String, String> labels = Map.of();
      Map<String, String> options = Map.of();
    };
    EngineReads.object(json, (field, value) -> {
      switch (field) {
        case "Name" -> v.name = EngineReads.text(value);
        case "Driver" -> v.driver = EngineReads.text(value);
        case "Labels" -> v.labels = EngineReads.strings(value);
        case "Options" -> v.options = EngineReads.strings(value);
        default -> value.skipChildren();
      }
    });
    return new ObservedVolume(v.name, v.driver, v.labels, v.options);
  }

  /** The Engine lists names with a leading slash; the first name is the container's own. */
  public static String name(Container c) {
    String[] names = c.getNames();
    if (names == null || names.length == 0) {
      return c.getId();
    }
    return withoutSlash(names[0]);
  }

  private static String withoutSlash(String name) {
    return name.startsWith("/") ? name.substring(1) : name;
  }
}
