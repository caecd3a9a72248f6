package io.berth.planner;

import static io.berth.planner.Fixtures.containerOf;
import static io.berth.planner.Fixtures.defaultNetwork;
import static io.berth.planner.Fixtures.project;
import static io.berth.planner.Fixtures.service;
import static io.berth.planner.Fixtures.withScale;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.hash.ConfigHash;
import io.berth.model.spec.PreStartStep;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.model.spec.ServiceExtras;
import io.berth.planner.observed.ObservedState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When {@code up} and {@code start} plan a service's pre_start steps: once, and only with no replica left running. */
class PreStartPlanTest {
  private final Service db = service("db");
  private final Service app = withPreStart(withScale(service("app", "db"), 2));
  private final Project stack = project(app, db);

  @Test
  void firstUpRunsTheStepsOnceAfterEveryCreateAndDependencyAndBeforeEveryStart() {
    assertThat(Reconciler.reconcile(stack, ObservedState.empty("demo"), UpOptions.defaults()).render()).isEqualTo("""
        [] -> #1 network:default, CreateNetwork, not found
        [1] -> #2 service:db:1, CreateContainer, not found
        [2] -> #3 service:db:1, StartContainer, created
        [1] -> #4 service:app:1, CreateContainer, not found
        [1] -> #5 service:app:2, CreateContainer, not found
        [3 4 5] -> #6 service:app:1, RunPreStart, no replica running
        [3 4 6] -> #7 service:app:1, StartContainer, created
        [3 5 6] -> #8 service:app:2, StartContainer, created
        """);
  }

  @Test
  void aReplicaLeftRunningMeansNoSteps() {
    String hash = ConfigHash.of(app);
    ObservedState observed = new ObservedState("demo", List.of(containerOf("db", 1, "running", ConfigHash.of(db)),
        containerOf("app", 1, "running", hash)), List.of(defaultNetwork()), List.of());

    assertThat(Reconciler.reconcile(stack, observed, UpOptions.defaults()).render()).isEqualTo("""
        [] -> #1 service:app:2, CreateContainer, scale 1->2
        [1] -> #2 service:app:2, StartContainer, created
        """);
  }

  @Test
  void aForcedRecreateRunsThemAgainWithTheLowestReplica() {
    String hash = ConfigHash.of(app);
    ObservedState observed = new ObservedState("demo", List.of(containerOf("db", 1, "running", ConfigHash.of(db)),
        containerOf("app", 2, "running", hash), containerOf("app", 1, "running", hash)), List.of(defaultNetwork()), List.of());

    String plan = Reconciler.reconcile(stack, observed, new UpOptions(Set.of("app"), false, UpOptions.Recreate.FORCE, false, false)).render();

    assertThat(plan).contains("RunPreStart").containsOnlyOnce("RunPreStart");
    assertThat(plan.lines().filter(l -> l.contains("RunPreStart")).findFirst().orElseThrow()).contains("service:app:1,");
  }

  @Test
  void noStartRunsNothing() {
    assertThat(Reconciler.reconcile(stack, ObservedState.empty("demo"), new UpOptions(Set.of(), false, UpOptions.Recreate.DIVERGED, false, true)).render())
        .doesNotContain("RunPreStart");
  }

  @Test
  void startRunsThemOnlyWhenEveryReplicaIsStopped() {
    String hash = ConfigHash.of(app);
    ObservedState allStopped = new ObservedState("demo", List.of(containerOf("app", 1, "exited", hash),
        containerOf("app", 2, "exited", hash)), List.of(defaultNetwork()), List.of());
    assertThat(StartPlanner.start(allStopped, stack, Set.of("app")).render()).isEqualTo("""
        [] -> #1 service:app:1, RunPreStart, no replica running
        [1] -> #2 service:app:1, StartContainer, start
        [1] -> #3 service:app:2, StartContainer, start
        """);

    ObservedState oneRunning = new ObservedState("demo", List.of(containerOf("app", 1, "running", hash),
        containerOf("app", 2, "exited", hash)), List.of(defaultNetwork()), List.of());
    assertThat(StartPlanner.start(oneRunning, stack, Set.of("app")).render())
        .isEqualTo("[] -> #1 service:app:2, StartContainer, start\n");
  }

  private static Service withPreStart(Service s) {
    ServiceExtras x = s.extras();
    PreStartStep step = new PreStartStep(Optional.of(List.of("true")), Optional.of("busybox"), Optional.empty(), false,
        Optional.empty(), Map.of(), false);
    return s.withExtras(new ServiceExtras(x.engine(), x.links(), x.deploy(), x.attach(), x.postStart(), x.preStop(),
        x.develop(), x.provider(), x.models(), x.useApiSocket(), x.pullRefreshAfter(), x.endpoints(), List.of(step)));
  }
}
