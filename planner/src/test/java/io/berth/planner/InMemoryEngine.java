package io.berth.planner;

import io.berth.planner.labels.Labels;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedNetwork;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.observed.ObservedVolume;
import io.berth.planner.plan.Action;
import io.berth.planner.plan.Plan;
import io.berth.planner.plan.PlanNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model of the Engine for property tests: applies plan actions to containers, networks and
 * volumes held in maps, as the executor would to the real Engine. Fails on an action the real
 * Engine would refuse (a name already taken, a container that is not there).
 */
final class InMemoryEngine {
  private final String project;
  private final Map<String, ObservedContainer> containers = new LinkedHashMap<>();
  private final Map<String, ObservedNetwork> networks = new LinkedHashMap<>();
  private final Map<String, ObservedVolume> volumes = new LinkedHashMap<>();
  private int nextId;

  InMemoryEngine(ObservedState initial) {
    this.project = initial.project();
    initial.containers().forEach(c -> containers.put(c.id(), c));
    initial.networks().forEach(n -> networks.put(n.name(), n));
    initial.volumes().forEach(v -> volumes.put(v.name(), v));
  }

  ObservedState observe() {
    return new ObservedState(project, new ArrayList<>(containers.values()), new ArrayList<>(networks.values()),
        new ArrayList<>(volumes.values()));
  }

  void apply(Plan plan) {
    for (PlanNode node : plan.nodes()) {
      apply(node.action());
    }
  }

  /** Carries out one action, as the executor does for one node of a plan. */
  void apply(Action action) {
    if (action instanceof Action.CreateNetwork a) {
      requireAbsent(networks, a.network().name());
      networks.put(a.network().name(), new ObservedNetwork("n" + nextId++, a.network().name(), "bridge",
          Map.of(Labels.PROJECT, project, Labels.NETWORK, a.network().key())));
    } else if (action instanceof Action.CreateVolume a) {
      requireAbsent(volumes, a.volume().name());
      volumes.put(a.volume().name(), new ObservedVolume(a.volume().name(), "local",
          Map.of(Labels.PROJECT, project, Labels.VOLUME, a.volume().key())));
    } else if (action instanceof Action.CreateContainer a) {
      if (containers.values().stream().anyMatch(c -> c.name().equals(a.name()))) {
        throw new AssertionError("container name in use: " + a.name());
      }
      String id = String.format("%064x", nextId++);
      containers.put(id, new ObservedContainer(id, a.name(), "created", "sha256:img", Map.of(
          Labels.PROJECT, project, Labels.SERVICE, a.service(), Labels.CONTAINER_NUMBER, Integer.toString(a.number()),
          Labels.ONEOFF, "False", Labels.CONFIG_HASH, a.configHash())));
    } else if (action instanceof Action.StartContainer a) {
      set(find(a.container()), "running");
    } else if (action instanceof Action.StopContainer a) {
      set(find(a.container()), "exited");
    } else if (action instanceof Action.RemoveContainer a) {
      containers.remove(find(a.container()).id());
    } else if (action instanceof Action.RenameContainer a) {
      ObservedContainer c = find(a.from());
      if (containers.values().stream().anyMatch(o -> o.name().equals(a.to()))) {
        throw new AssertionError("container name in use: " + a.to());
      }
      containers.put(c.id(), new ObservedContainer(c.id(), a.to(), c.state(), c.imageId(), c.labels()));
    } else if (action instanceof Action.RemoveNetwork a) {
      networks.remove(a.name());
    } else if (action instanceof Action.RemoveVolume a) {
      volumes.remove(a.name());
    } else if (!(action instanceof Action.WaitContainer)) {
      throw new AssertionError("unmodelled action " + action);
    }
  }

  private ObservedContainer find(String idOrName) {
    return containers.values().stream().filter(c -> c.id().equals(idOrName) || c.name().equals(idOrName)).findFirst()
        .orElseThrow(() -> new AssertionError("no such container: " + idOrName));
  }

  private void set(ObservedContainer c, String state) {
    containers.put(c.id(), new ObservedContainer(c.id(), c.name(), state, c.imageId(), c.labels()));
  }

  private static void requireAbsent(Map<String, ?> map, String name) {
    if (map.containsKey(name)) {
      throw new AssertionError("already exists: " + name);
    }
  }

  List<ObservedContainer> containers() {
    return List.copyOf(containers.values());
  }
}
