package io.berth.planner;

import io.berth.model.spec.Network;
import io.berth.model.spec.Project;
import io.berth.planner.graph.ServiceGraph;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedNetwork;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.observed.ObservedVolume;
import io.berth.planner.plan.Action;
import io.berth.planner.plan.Plan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans {@code down} and {@code stop}: stop containers dependents-first, and for down remove them,
 * then the project's networks, and with {@code -v} its volumes. Only resources in the observed
 * state, which carry the project's label, ever appear in a plan.
 */
public final class DownPlanner {
  private DownPlanner() {}

  /**
   * @param project the loaded project, for dependency order and to tell orphans apart; empty when
   *     {@code down} runs with only a project name, in which case every container of the project goes
   */
  public static Plan down(ObservedState observed, Optional<Project> project, DownOptions options) {
    return down(observed, project, options, Optional.empty());
  }

  /** @param timeout {@code -t}: seconds before a stop turns into a kill, for every container */
  public static Plan down(ObservedState observed, Optional<Project> project, DownOptions options, Optional<Integer> timeout) {
    return down(observed, project, options, timeout, Set.of());
  }

  /**
   * @param presentImages which of {@link #imagesToRemove}'s images the Engine holds; the others are
   *     not in the plan
   */
  public static Plan down(ObservedState observed, Optional<Project> project, DownOptions options, Optional<Integer> timeout,
      Set<String> presentImages) {
    Optional<Set<String>> named = named(project, options.services());
    List<ObservedContainer> doomed = observed.containers().stream()
        .filter(c -> project.isEmpty() || options.removeOrphans() || isOfProject(project.get(), c))
        .filter(c -> named.isEmpty() || named.get().contains(c.service()) || !isOfProject(project, c))
        .toList();
    // down SERVICE: as Compose, a network or volume still in use by a container left in place stays.
    boolean everyContainer = named.isEmpty() || doomed.size() == observed.containers().size();
    Plan.Builder plan = new Plan.Builder();
    List<Integer> removals = new ArrayList<>();
    // An anonymous volume two containers share (volumes_from) can only go once neither exists: each
    // removal that names it waits for the earlier ones that do, so the last one removes it.
    Map<String, List<Integer>> removalsByVolume = new HashMap<>();
    stopInOrder(plan, doomed, project, "down", timeout, false, (c, stop) -> {
      List<Integer> after = new ArrayList<>(stop.map(List::of).orElse(List.of()));
      String cause = isOfProject(project, c) ? "down" : "orphan";
      List<String> anonymous = options.volumes() ? AnonymousVolumes.of(c, observed, project) : List.of();
      anonymous.forEach(v -> removalsByVolume.getOrDefault(v, List.of()).stream().filter(id -> !after.contains(id)).forEach(after::add));
      int removal = plan.add(new Action.RemoveContainer(c.service(), c.id(), c.name(), options.volumes(), anonymous),
          Names.serviceResource(c.service(), c.number()), cause, after.stream().sorted().toList());
      anonymous.forEach(v -> removalsByVolume.computeIfAbsent(v, k -> new ArrayList<>()).add(removal));
      removals.add(removal);
    });

    Optional<Set<String>> declaredNetworks = project.map(p -> p.networks().values().stream()
        .filter(n -> !n.external()).map(Network::name).collect(Collectors.toSet()));
    for (ObservedNetwork n : everyContainer ? observed.networks() : List.<ObservedNetwork>of()) {
      if (declaredNetworks.map(names -> names.contains(n.name())).orElse(true)) {
        plan.add(new Action.RemoveNetwork(n.name()), "network:" + n.key(), "down", removals);
      }
    }
    if (options.volumes() && everyContainer) {
      for (ObservedVolume v : observed.volumes()) {
        plan.add(new Action.RemoveVolume(v.name()), "volume:" + v.key(), "down -v", removals);
      }
    }
    for (String image : project.map(p -> imagesToRemove(p, options.images())).orElse(List.of())) {
      if (presentImages.contains(image)) {
        plan.add(new Action.RemoveImage(image), "image:" + image, "down --rmi", removals);
      }
    }
    return plan.build();
  }

  /**
   * The services {@code down SERVICE...} takes down: the named ones and, as Compose's
   * WithRootNodesAndDown, every service that depends on one of them, transitively; empty for all.
   * Without a project only the named ones, whose dependents are unknown.
   */
  private static Optional<Set<String>> named(Optional<Project> project, Set<String> services) {
    if (services.isEmpty()) {
      return Optional.empty();
    }
    Set<String> out = new java.util.TreeSet<>(services);
    project.map(ServiceGraph::of).ifPresent(graph -> {
      java.util.Deque<String> todo = new java.util.ArrayDeque<>(services);
      while (!todo.isEmpty()) {
        String s = todo.pop();
        if (graph.contains(s)) {
          graph.dependents(s).stream().filter(out::add).forEach(todo::add);
        }
      }
    });
    return Optional.of(out);
  }

  /**
   * The images {@code --rmi} asks for, as Compose chooses them: {@code local}, those built for a
   * service that names no image ({@code <project>-<service>}); {@code all}, also every {@code image:}.
   */
  public static List<String> imagesToRemove(Project project, DownOptions.Rmi mode) {
    Set<String> out = new java.util.TreeSet<>();
    if (mode == DownOptions.Rmi.NONE) {
      return List.of();
    }
    for (var s : project.services().values()) {
      if (s.image().isEmpty()) {
        out.add(s.imageName(project.name()));
      } else if (mode == DownOptions.Rmi.ALL) {
        out.add(s.image().get());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Plans {@code stop} of the running containers of the given services (all of the project's when
   * empty). As Compose's stop, one-off ({@code run}) containers and containers of services the
   * project does not declare (another file's, orphans) are left running.
   */
  public static Plan stop(ObservedState observed, Optional<Project> project, Set<String> services) {
    return stop(observed, project, services, Optional.empty());
  }

  /** @param timeout {@code -t}: seconds before a stop turns into a kill, for every container */
  public static Plan stop(ObservedState observed, Optional<Project> project, Set<String> services, Optional<Integer> timeout) {
    List<ObservedContainer> running = observed.containers().stream()
        .filter(c -> !c.oneoff() && isOfProject(project, c))
        .filter(c -> services.isEmpty() || services.contains(c.service()))
        .toList();
    Plan.Builder plan = new Plan.Builder();
    // As Compose's stop, a container already stopped is stopped again (a no-op to the Engine) and
    // reported Stopped, like the others.
    stopInOrder(plan, running, project, "stop", timeout, true, (c, stop) -> {});
    return plan.build();
  }

  /** What to add after a container's stop node (empty when it was not running). */
  private interface AfterStop {
    void add(ObservedContainer container, Optional<Integer> stopNode);
  }

  /**
   * Adds a stop node for every running container, each after the stops of the containers whose
   * services depend on its service, so dependents stop first.
   */
  private static void stopInOrder(Plan.Builder plan, List<ObservedContainer> containers, Optional<Project> project,
      String cause, Optional<Integer> timeout, boolean stoppedToo, AfterStop after) {
    Optional<ServiceGraph> graph = project.map(ServiceGraph::of);
    List<String> order = new ArrayList<>(graph.map(ServiceGraph::startOrder).orElse(List.of()));
    Collections.reverse(order);
    List<ObservedContainer> byStopOrder = new ArrayList<>();
    for (String service : order) {
      containers.stream().filter(c -> c.service().equals(service) && !c.oneoff()).forEach(byStopOrder::add);
    }
    containers.stream().filter(c -> !byStopOrder.contains(c)).forEach(byStopOrder::add);

    Map<String, List<Integer>> stopsByService = new HashMap<>();
    for (ObservedContainer c : byStopOrder) {
      Optional<Integer> stop = Optional.empty();
      if (c.running() || stoppedToo) {
        List<Integer> dependentsStops = new ArrayList<>();
        if (graph.isPresent() && graph.get().contains(c.service())) {
          for (String dependent : graph.get().dependents(c.service())) {
            dependentsStops.addAll(stopsByService.getOrDefault(dependent, List.of()));
          }
        }
        Optional<Integer> grace = timeout.or(() -> Names.gracePeriod(project, c.service()));
        stop = Optional.of(plan.add(new Action.StopContainer(c.service(), c.id(), c.name(), grace),
            Names.serviceResource(c.service(), c.number()), isOfProject(project, c) ? cause : "orphan", dependentsStops));
        stopsByService.computeIfAbsent(c.service(), k -> new ArrayList<>()).add(stop.get());
      }
      after.add(c, stop);
    }
  }

  private static boolean isOfProject(Optional<Project> project, ObservedContainer c) {
    return project.map(p -> isOfProject(p, c)).orElse(true);
  }

  private static boolean isOfProject(Project project, ObservedContainer c) {
    return !c.oneoff() && project.services().containsKey(c.service());
  }
}
