package io.berth.executor;

import io.berth.executor.observe.StateCollector;
import io.berth.executor.run.EngineActions;
import io.berth.executor.run.ExecutionReport;
import io.berth.model.spec.Project;
import io.berth.planner.DownPlanner;
import io.berth.planner.plan.Plan;
import java.util.Optional;
import java.util.Set;

/** {@code stop}: stop the project's running containers, dependents first. */
public final class Stop {
  private final EngineSession session;

  public Stop(EngineSession session) {
    this.session = session;
  }

  public PlanResult run(Project project, Set<String> services) {
    var observed = new StateCollector(session.engine().client()).observe(project.name());
    Plan plan = DownPlanner.stop(observed, Optional.of(project), services);
    EngineActions actions = new EngineActions(session.engine().client(), project.name(), Optional.empty(), session.progress());
    ExecutionReport report = session.planExecutor().execute(plan, actions);
    return new PlanResult(plan, Optional.of(report));
  }
}
