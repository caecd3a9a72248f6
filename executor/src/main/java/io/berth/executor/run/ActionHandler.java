package io.berth.executor.run;

import io.berth.planner.plan.PlanNode;

/** Carries out one plan node. Blocking is fine: the executor calls it on a worker thread. */
@FunctionalInterface
public interface ActionHandler {
  void run(PlanNode node) throws Exception;
}
