package io.berth.cli.commands;

import io.berth.cli.ExitCodes;
import io.berth.cli.Invocation;
import io.berth.executor.PlanResult;
import io.berth.executor.run.ExecutionReport;
import io.berth.planner.plan.PlanNode;
import java.util.Comparator;
import java.util.Map;

/** Prints what a plan did wrong, if anything, and picks the exit code. */
final class PlanReporting {
  private PlanReporting() {}

  static int report(Invocation inv, PlanResult result) {
    if (result.report().isEmpty()) {
      inv.out().print(result.plan().render());
      inv.out().flush();
      return ExitCodes.OK;
    }
    ExecutionReport report = result.report().get();
    if (report.ok()) {
      return ExitCodes.OK;
    }
    report.failed().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(PlanNode::id)))
        .map(e -> e.getValue().getMessage())
        .distinct()
        .forEach(inv.err()::println);
    // As Compose, what was not done because a dependency failed says nothing more: the failure
    // above is the reason, and the progress lines name the containers.
    inv.err().flush();
    return ExitCodes.FAILURE;
  }
}
