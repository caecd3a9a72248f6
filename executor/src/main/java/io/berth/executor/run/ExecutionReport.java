package io.berth.executor.run;

import io.berth.planner.plan.PlanNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a plan went.
 *
 * @param failed nodes whose own action failed, with the cause
 * @param skipped nodes that did not run because a node they wait for failed, with that node's id
 * @param cancelled nodes that did not start because the run was asked to stop (Ctrl-C); not a failure
 */
public record ExecutionReport(List<Integer> succeeded, Map<PlanNode, Throwable> failed, Map<PlanNode, Integer> skipped,
    List<Integer> cancelled) {
  public ExecutionReport {
    succeeded = List.copyOf(succeeded);
    failed = Map.copyOf(failed);
    skipped = Map.copyOf(skipped);
    cancelled = List.copyOf(cancelled);
  }

  public ExecutionReport(List<Integer> succeeded, Map<PlanNode, Throwable> failed, Map<PlanNode, Integer> skipped) {
    this(succeeded, failed, skipped, List.of());
  }

  public boolean ok() {
    return failed.isEmpty() && skipped.isEmpty();
  }

  public Set<PlanNode> failedNodes() {
    return failed.keySet();
  }
}
