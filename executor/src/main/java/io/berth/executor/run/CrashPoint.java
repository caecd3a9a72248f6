package io.berth.executor.run;

import io.berth.planner.plan.PlanNode;
import java.util.Optional;

/**
 * A test hook, not a feature: with {@code BERTH_TEST_CRASH_AFTER=<resource>:<Action>} in the
 * environment (say {@code service:web:1:RemoveContainer}), the process halts with status 137, as
 * if killed, right after the first node of that resource and action completes. Engine-backed
 * tests and {@code bench/faults} use it to cut a plan at a named point instead of at a random
 * moment. Unset, it does nothing.
 */
final class CrashPoint {
  static final String VARIABLE = "BERTH_TEST_CRASH_AFTER";
  private static final int KILLED = 137;

  private final Optional<String> point;

  private CrashPoint(Optional<String> point) {
    this.point = point;
  }

  static CrashPoint fromEnvironment() {
    return new CrashPoint(Optional.ofNullable(System.getenv(VARIABLE)).filter(v -> !v.isBlank()));
  }

  /** Called once {@code node} has succeeded. */
  void after(PlanNode node) {
    if (point.isPresent() && point.get().equals(node.resourceId() + ":" + node.action().op())) {
      // halt, not exit: no shutdown hook runs, as none would under SIGKILL.
      Runtime.getRuntime().halt(KILLED);
    }
  }
}
