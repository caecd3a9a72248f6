package io.berth.executor.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.planner.plan.Action;
import io.berth.planner.plan.Plan;
import io.berth.planner.plan.PlanNode;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scheduling only: a recording handler stands in for the Engine. */
class PlanExecutorTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private static Plan chainAndFan() {
    Plan.Builder b = new Plan.Builder();
    int net = b.add(new Action.RemoveNetwork("n"), "network:default", "t", List.of());
    int a = b.add(new Action.StartContainer("a", "a"), "service:a:1", "t", List.of(net));
    int c = b.add(new Action.StartContainer("c", "c"), "service:c:1", "t", List.of(net));
    b.add(new Action.StartContainer("b", "b"), "service:b:1", "t", List.of(a));
    b.add(new Action.StartContainer("d", "d"), "service:d:1", "t", List.of(a, c));
    return b.build();
  }

  @Test
  void everyNodeRunsAfterTheNodesItWaitsFor() {
    List<Integer> order = new CopyOnWriteArrayList<>();
    Plan plan = chainAndFan();

    ExecutionReport report = new PlanExecutor(vertx, 4).execute(plan, node -> order.add(node.id()));

    assertThat(report.ok()).isTrue();
    assertThat(order).hasSize(5);
    for (PlanNode n : plan.nodes()) {
      for (int d : n.dependsOn()) {
        assertThat(order.indexOf(d)).as("#%d before #%d", d, n.id()).isLessThan(order.indexOf(n.id()));
      }
    }
  }

  @Test
  void independentNodesRunAtTheSameTimeUpToTheLimit() {
    Plan.Builder b = new Plan.Builder();
    for (int i = 0; i < 6; i++) {
      b.add(new Action.StartContainer("s" + i, "s" + i), "service:s" + i + ":1", "t", List.of());
    }
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch threeTogether = new CountDownLatch(3);

    new PlanExecutor(vertx, 3).execute(b.build(), node -> {
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      threeTogether.countDown();
      // Hold the slot until three run at once: proves they are not serialized.
      threeTogether.await(5, TimeUnit.SECONDS);
      running.decrementAndGet();
    });

    assertThat(peak.get()).isEqualTo(3);
  }

  @Test
  void aFailureSkipsOnlyWhatWaitsOnItAndIndependentBranchesGoOn() {
    Map<Integer, Boolean> ran = new ConcurrentHashMap<>();

    ExecutionReport report = new PlanExecutor(vertx, 2).execute(chainAndFan(), node -> {
      ran.put(node.id(), true);
      if (node.id() == 2) {
        throw new IllegalStateException("a failed");
      }
    });

    assertThat(report.ok()).isFalse();
    assertThat(report.failed().keySet()).extracting(PlanNode::id).containsExactly(2);
    assertThat(report.failed().values()).extracting(Throwable::getMessage).containsExactly("a failed");
    assertThat(ran).containsOnlyKeys(1, 2, 3);
    assertThat(report.skipped()).hasSize(2).allSatisfy((node, cause) -> assertThat(cause).isEqualTo(2));
  }

  @Test
  void anEmptyPlanSucceedsAtOnce() {
    assertThat(new PlanExecutor(vertx, 1).execute(new Plan(List.of()), node -> {
      throw new AssertionError("nothing to run");
    }).ok()).isTrue();
  }
}
