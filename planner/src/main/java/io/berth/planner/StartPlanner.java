package io.berth.planner;

import io.berth.model.spec.Project;
import io.berth.planner.graph.ServiceGraph;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.plan.Action;
import io.berth.planner.plan.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans {@code start}: the existing, stopped containers of the given services, each after the
 * containers of the services it depends on. Creates nothing; that is {@code up}'s job.
 */
public final class StartPlanner {
  private StartPlanner() {}

  /** @param services only these services; empty for all */
  public static Plan start(ObservedState observed, Project project, Set<String> services) {
    ServiceGraph graph = ServiceGraph.of(project);
    Plan.Builder plan = new Plan.Builder();
    Map<String, List<Integer>> starts = new HashMap<>();
    for (String service : graph.startOrder()) {
      if (!services.isEmpty() && !services.contains(service)) {
        continue;
      }
      List<Integer> after = new ArrayList<>();
      graph.dependencies(service).forEach(d -> after.addAll(starts.getOrDefault(d, List.of())));
      List<Integer> mine = new ArrayList<>();
      for (ObservedContainer c : observed.containersOf(service)) {
        if (!c.running()) {
          mine.add(plan.add(new Action.StartContainer(service, c.name()), Names.serviceResource(service, c.number()), "start", after));
        }
      }
      starts.put(service, mine);
    }
    return plan.build();
  }
}
