package io.berth.planner;

import io.berth.model.spec.Dependency;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.graph.ServiceGraph;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.plan.Action;
import io.berth.planner.plan.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans {@code restart} as Compose's: each container of the restarted services is restarted by the
 * Engine (running or not), all of a service's containers at once, and a service only after the
 * services it depends on with {@code restart: true} that are restarted too, once they meet the
 * dependency's condition. Other services restart side by side. One-off containers are left alone.
 */
public final class RestartPlanner {
  private RestartPlanner() {}

  /**
   * @param restarting the services to restart, already with the dependents Compose brings along
   * @param timeout {@code -t}: the grace period of every stop; empty for each container's own
   */
  public static Plan restart(ObservedState observed, Project project, Set<String> restarting, Optional<Integer> timeout) {
    ServiceGraph graph = ServiceGraph.of(project);
    Plan.Builder plan = new Plan.Builder();
    Map<String, List<Integer>> restarts = new HashMap<>();
    Map<String, Integer> waits = new HashMap<>();
    for (String name : graph.startOrder()) {
      if (!restarting.contains(name)) {
        continue;
      }
      Service service = project.service(name);
      List<Integer> after = new ArrayList<>();
      for (Map.Entry<String, Dependency> d : service.dependsOn().entrySet()) {
        String dependency = d.getKey();
        Dependency how = d.getValue();
        if (!how.restart() || !restarting.contains(dependency)) {
          continue;
        }
        List<Integer> dependencyRestarts = restarts.getOrDefault(dependency, List.of());
        List<ObservedContainer> waitedFor = observed.containersOf(dependency);
        if (how.condition().equals(Dependency.SERVICE_STARTED) || waitedFor.isEmpty()) {
          after.addAll(dependencyRestarts);
          continue;
        }
        String key = dependency + "|" + how.condition() + "|" + how.required();
        after.add(waits.computeIfAbsent(key, k -> plan.add(
            new Action.WaitContainer(dependency, waitedFor.get(0).name(), how.condition(), how.required()),
            Names.serviceResource(dependency, waitedFor.get(0).number()), how.condition(), dependencyRestarts)));
      }
      List<Integer> mine = new ArrayList<>();
      for (ObservedContainer c : observed.containersOf(name)) {
        mine.add(plan.add(new Action.RestartContainer(name, c.id(), c.name(), timeout),
            Names.serviceResource(name, c.number()), "restart", after));
      }
      restarts.put(name, mine);
    }
    return plan.build();
  }
}
