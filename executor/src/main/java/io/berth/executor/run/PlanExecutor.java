package io.berth.executor.run;

import io.berth.planner.plan.Plan;
import io.berth.planner.plan.PlanNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a plan as a DAG of futures: each node starts as soon as every node it waits for has
 * succeeded, on a worker pool of {@code parallelism} threads. A failed node fails only the nodes
 * that wait on it; independent branches go on, as in Compose. Decides nothing: the plan is the
 * decision.
 *
 * <p>A run asked to stop starts no further node but lets those already running finish, so that
 * whoever stops the project afterwards finds every container settled, none half-created.
 */
public final class PlanExecutor {
  private final Supplier<Vertx> vertx;
  private final int parallelism;
  private final CrashPoint crashPoint = CrashPoint.fromEnvironment();

  public PlanExecutor(Vertx vertx, int parallelism) {
    this(() -> vertx, parallelism);
  }

  /** An executor that asks for its Vert.x only when a plan has something to run. */
  public PlanExecutor(Supplier<Vertx> vertx, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    this.vertx = vertx;
    this.parallelism = parallelism;
  }

  /** Runs every node that can run and waits for all of them. Call it from a non-event-loop thread. */
  public ExecutionReport execute(Plan plan, ActionHandler handler) {
    return execute(plan, handler, () -> false);
  }

  /**
   * As {@link #execute(Plan, ActionHandler)}; once {@code stopRequested} says so, a node not started
   * yet is not started (it is reported cancelled), and the call returns when the running ones end.
   */
  public ExecutionReport execute(Plan plan, ActionHandler handler, BooleanSupplier stopRequested) {
    if (plan.isEmpty()) {
      return new ExecutionReport(List.of(), Map.of(), Map.of());
    }
    // Blocking Engine calls go to a dedicated pool, unordered: executeBlocking's default
    // (ordered = true) would run them one at a time and serialize the whole plan.
    WorkerExecutor workers = vertx.get().createSharedWorkerExecutor("berth-engine-" + System.identityHashCode(plan), parallelism);
    try {
      List<Integer> succeeded = new CopyOnWriteArrayList<>();
      Map<PlanNode, Throwable> failed = new ConcurrentHashMap<>();
      Map<PlanNode, Integer> skipped = new ConcurrentHashMap<>();
      List<Integer> cancelled = new CopyOnWriteArrayList<>();
      Map<Integer, Future<Void>> futures = new HashMap<>();
      for (PlanNode node : plan.nodes()) {
        List<Future<Void>> waits = new ArrayList<>();
        node.dependsOn().forEach(d -> waits.add(futures.get(d)));
        Future<Void> f = Future.all(waits).transform(ready -> {
          if (stopRequested.getAsBoolean()) {
            cancelled.add(node.id());
            return Future.failedFuture(new CancelledException());
          }
          if (ready.failed()) {
            int cause = firstFailed(node, futures);
            skipped.put(node, cause);
            return Future.failedFuture(new DependencyFailedException(cause));
          }
          return workers.<Void>executeBlocking(() -> {
            if (stopRequested.getAsBoolean()) {
              // Asked to stop while it waited for a worker thread: still not started.
              throw new CancelledException();
            }
            handler.run(node);
            crashPoint.after(node);
            return null;
          }, false).andThen(done -> {
            if (done.succeeded()) {
              succeeded.add(node.id());
            } else if (done.cause() instanceof CancelledException) {
              cancelled.add(node.id());
            } else {
              failed.put(node, done.cause());
            }
          });
        });
        futures.put(node.id(), f);
      }
      Future.join(new ArrayList<>(futures.values())).toCompletionStage().handle((ok, err) -> null)
          .toCompletableFuture().join();
      return new ExecutionReport(succeeded, failed, skipped, cancelled);
    } finally {
      workers.close();
    }
  }

  /** A node not started because the run was asked to stop. */
  private static final class CancelledException extends RuntimeException {
    CancelledException() {
      super("not started: stop requested", null, false, false);
    }
  }

  /** The first node this one waits on, directly or not, whose own action failed. */
  private static int firstFailed(PlanNode node, Map<Integer, Future<Void>> futures) {
    for (int d : node.dependsOn()) {
      Future<Void> f = futures.get(d);
      if (f.failed()) {
        return f.cause() instanceof DependencyFailedException dep ? dep.failedNode : d;
      }
    }
    return node.dependsOn().get(0);
  }
}
