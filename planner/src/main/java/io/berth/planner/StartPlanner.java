package io.berth.planner;

import io.berth.model.spec.Dependency;
import io.berth.model.spec.Project;
import io.berth.planner.graph.ServiceGraph;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.plan.Action;
import io.berth.planner.plan.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans {@code start}: the existing, stopped containers of the given services, each after the
 * containers of the services it depends on, and, as in Compose, after those dependencies meet the
 * {@code depends_on} condition ({@code service_healthy}, ...). A service that keeps running waits
 * for them too when one of them starts now. Creates nothing; that is {@code up}'s job.
 */
public final class StartPlanner {
  private StartPlanner() {}

  /** @param services only these services; empty for all */
  public static Plan start(ObservedState observed, Project project, Set<String> services) {
    ServiceGraph graph = ServiceGraph.of(project);
    Plan.Builder plan = new Plan.Builder();
    Map<String, List<Integer>> starts = new HashMap<>();
    Map<String, Integer> waits = new HashMap<>();
    for (String service : graph.startOrder()) {
      if (!services.isEmpty() && !services.contains(service)) {
        continue;
      }
      List<ObservedContainer> stopped = observed.containersOf(service).stream().filter(c -> !c.running()).toList();
      boolean keepsRunning = observed.containersOf(service).size() > stopped.size();
      List<Integer> dependencies = new ArrayList<>();
      for (String dependency : graph.dependencies(service)) {
        List<Integer> dependencyStarts = starts.getOrDefault(dependency, List.of());
        Dependency how = project.service(service).dependsOn().get(dependency);
        List<ObservedContainer> waitedFor = observed.containersOf(dependency);
        boolean waitsForCondition = how != null && !how.condition().equals(Dependency.SERVICE_STARTED) && !waitedFor.isEmpty()
            && (!stopped.isEmpty() || (keepsRunning && !dependencyStarts.isEmpty()));
        if (!waitsForCondition) {
          dependencies.addAll(dependencyStarts);
          continue;
        }
        String key = dependency + "|" + how.condition() + "|" + how.required();
        dependencies.add(waits.computeIfAbsent(key, k -> plan.add(
            new Action.WaitContainer(dependency, waitedFor.get(0).name(), how.condition(), how.required()),
            Names.serviceResource(dependency, waitedFor.get(0).number()), how.condition(), dependencyStarts)));
      }
      List<Integer> after = dependencies;
      if (!stopped.isEmpty() && stopped.size() == observed.containersOf(service).size()
          && !project.service(service).extras().preStart().isEmpty()) {
        // As Compose's start: the pre_start steps run when none of the service's replicas runs.
        ObservedContainer first = stopped.stream().min(Comparator.comparingInt(ObservedContainer::number)).orElseThrow();
        after = List.of(plan.add(new Action.RunPreStart(service, first.name()), Names.serviceResource(service, first.number()),
            "no replica running", dependencies));
      }
      List<Integer> mine = new ArrayList<>();
      for (ObservedContainer c : stopped) {
        mine.add(plan.add(new Action.StartContainer(service, c.name()), Names.serviceResource(service, c.number()), "start", after));
      }
      starts.put(service, mine);
    }
    return plan.build();
  }
}
