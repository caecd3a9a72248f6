package io.berth.executor;

import io.berth.executor.run.ExecutionReport;
import io.berth.planner.plan.Plan;
import java.util.Optional;

/**
 * A plan and, unless it was a dry run, how running it went.
 *
 * @param report empty for a dry run
 */
public record PlanResult(Plan plan, Optional<ExecutionReport> report) {
  public boolean ok() {
    return report.map(ExecutionReport::ok).orElse(true);
  }
}
