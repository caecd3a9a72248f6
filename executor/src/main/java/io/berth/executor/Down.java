package io.berth.executor;

import io.berth.executor.lock.ProjectLock;
import io.berth.executor.observe.StateCollector;
import io.berth.executor.run.EngineActions;
import io.berth.executor.run.ExecutionReport;
import io.berth.model.spec.Project;
import io.berth.planner.DownOptions;
import io.berth.planner.DownPlanner;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.plan.Plan;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code down}: remove the project's containers and networks, and with {@code -v} its volumes. */
public final class Down {
  private final EngineSession session;

  public Down(EngineSession session) {
    this.session = session;
  }

  /** @param project the loaded project when there is one; empty to remove by project name alone */
  public PlanResult run(String projectName, Optional<Project> project, DownOptions options, boolean dryRun) {
    return run(projectName, project, options, Optional.empty(), dryRun);
  }

  /** @param timeout {@code -t}: seconds before a stop turns into a kill; else each service's stop_grace_period */
  public PlanResult run(String projectName, Optional<Project> project, DownOptions options, Optional<Integer> timeout,
      boolean dryRun) {
    if (dryRun) {
      return down(projectName, project, options, timeout, true);
    }
    // Under the project's lock: an up running meanwhile finishes first, and this down then removes what it made.
    try (ProjectLock.Lease lock = session.lock(projectName, "down")) {
      return down(projectName, project, options, timeout, false);
    }
  }

  private PlanResult down(String projectName, Optional<Project> project, DownOptions options, Optional<Integer> timeout,
      boolean dryRun) {
    ObservedState observed = new StateCollector(session.engine().client()).observe(projectName);
    Set<String> presentImages = project.map(p -> DownPlanner.imagesToRemove(p, options.images())).orElse(List.of()).stream()
        .filter(image -> session.images().idOf(image).isPresent())
        .collect(Collectors.toSet());
    Plan plan = DownPlanner.down(observed, project, options, timeout, presentImages);
    if (dryRun) {
      return new PlanResult(plan, Optional.empty());
    }
    // With the project, its pre_stop hooks run before each stop, as in compose.
    EngineActions actions = new EngineActions(session.engine().client(), projectName, project, session.progress());
    ExecutionReport report = session.planExecutor().execute(plan, actions);
    return new PlanResult(plan, Optional.of(report));
  }
}
