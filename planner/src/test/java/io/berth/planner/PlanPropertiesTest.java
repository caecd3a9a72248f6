package io.berth.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.hash.ConfigHash;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.graph.ServiceGraph;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.plan.Action;
import io.berth.planner.plan.Plan;
import io.berth.planner.plan.PlanNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the planner over generated projects and observed states: random dependency DAGs,
 * random replica counts, and containers left in every state by earlier runs (stale, stopped,
 * extra, orphaned).
 */
class PlanPropertiesTest {
  static Stream<Long> seeds() {
    return IntStream.range(0, 400).mapToObj(i -> 1_000L + i);
  }

  private static Project randomProject(Random r) {
    int n = 1 + r.nextInt(10);
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Service s = Fixtures.service("s" + i);
      Map<String, Dependency> deps = new LinkedHashMap<>();
      for (int j = 0; j < i; j++) {
        if (r.nextInt(4) == 0) {
          deps.put("s" + j, r.nextInt(5) == 0 ? new Dependency("service_healthy", true, false) : Dependency.started());
        }
      }
      s = s.withDependsOn(deps);
      if (r.nextBoolean()) {
        s = Fixtures.withVolume(s, "v" + r.nextInt(3), "/data");
      }
      if (r.nextInt(3) == 0) {
        s = Fixtures.withEnvironment(s, "V", Integer.toString(r.nextInt(3)));
      }
      services.add(s);
    }
    return Fixtures.project(services.toArray(Service[]::new));
  }

  /** What earlier runs may have left: some containers current, some stale, stopped, extra or orphaned. */
  private static ObservedState randomObserved(Random r, Project p) {
    List<ObservedContainer> containers = new ArrayList<>();
    for (Service s : p.services().values()) {
      int replicas = r.nextInt(3);
      for (int n = 1; n <= replicas; n++) {
        String hash = r.nextInt(3) == 0 ? "stale" : ConfigHash.of(s);
        String state = List.of("running", "exited", "created").get(r.nextInt(3));
        containers.add(Fixtures.containerOf(s.name(), n, state, hash));
      }
    }
    if (r.nextInt(4) == 0) {
      containers.add(Fixtures.containerOf("gone", 1, "running", "x"));
    }
    return new ObservedState(p.name(), containers, r.nextBoolean() ? List.of(Fixtures.defaultNetwork()) : List.of(), List.of());
  }

  private static UpOptions randomOptions(Random r, Project p) {
    Map<String, Integer> scale = new LinkedHashMap<>();
    if (r.nextInt(3) == 0) {
      List<String> names = new ArrayList<>(p.services().keySet());
      scale.put(names.get(r.nextInt(names.size())), r.nextInt(4));
    }
    return new UpOptions(Set.of(), false, UpOptions.Recreate.DIVERGED, r.nextBoolean(), false, false, scale);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void dependentsStartAfterTheirDependenciesAndNodesAfterWhatTheyWaitFor(long seed) {
    Random r = new Random(seed);
    Project p = randomProject(r);
    Plan plan = Reconciler.reconcile(p, randomObserved(r, p), randomOptions(r, p));
    ServiceGraph graph = ServiceGraph.of(p);

    Map<Integer, Set<Integer>> before = new LinkedHashMap<>();
    for (PlanNode node : plan.nodes()) {
      Set<Integer> all = new HashSet<>(node.dependsOn());
      node.dependsOn().forEach(d -> all.addAll(before.get(d)));
      before.put(node.id(), all);
      assertThat(node.dependsOn()).allMatch(d -> d < node.id());
    }
    for (PlanNode start : plan.nodes()) {
      if (!(start.action() instanceof Action.StartContainer a)) {
        continue;
      }
      for (String dependency : graph.dependencies(a.service())) {
        for (PlanNode other : plan.nodes()) {
          if (other.action() instanceof Action.StartContainer o && o.service().equals(dependency)) {
            assertThat(before.get(start.id())).as("start of %s waits for start of %s", a.service(), dependency).contains(other.id());
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void applyingThePlanThenPlanningAgainPlansNothing(long seed) {
    Random r = new Random(seed);
    Project p = randomProject(r);
    ObservedState observed = randomObserved(r, p);
    UpOptions options = randomOptions(r, p);
    InMemoryEngine engine = new InMemoryEngine(observed);

    engine.apply(Reconciler.reconcile(p, observed, options));
    Plan again = Reconciler.reconcile(p, engine.observe(), options);

    assertThat(again.render()).as("second plan").isEmpty();
    for (Service s : p.services().values()) {
      int wanted = options.scale().getOrDefault(s.name(), 1);
      assertThat(engine.observe().containersOf(s.name())).hasSize(wanted).allMatch(ObservedContainer::running);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void downAfterUpLeavesNothingOfTheProjectButVolumesUnlessAsked(long seed) {
    Random r = new Random(seed);
    Project p = randomProject(r);
    ObservedState observed = randomObserved(r, p);
    InMemoryEngine engine = new InMemoryEngine(observed);
    engine.apply(Reconciler.reconcile(p, observed, UpOptions.defaults()));
    boolean volumes = r.nextBoolean();

    engine.apply(DownPlanner.down(engine.observe(), Optional.of(p), new DownOptions(true, volumes)));

    ObservedState after = engine.observe();
    assertThat(after.containers()).isEmpty();
    assertThat(after.networks()).isEmpty();
    if (volumes) {
      assertThat(after.volumes()).isEmpty();
    }
  }

  /**
   * Every action that acts on something that exists acts on a resource carrying the project's
   * label; what it creates carries the project's names; containers outside the project, even with
   * names close to the project's, are never named.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void noActionNamesAResourceOutsideTheProject(long seed) {
    Random r = new Random(seed);
    Project p = randomProject(r);
    Map<String, String> foreign = Map.of("demo-s0-1-copy", "f0reign1", "other-s1-1", "f0reign2");
    ObservedState observed = randomObserved(r, p).withOutside(new io.berth.planner.observed.Outside(Set.of(), Set.of(), foreign));
    Set<String> projectIds = new HashSet<>();
    Set<String> projectNames = new HashSet<>();
    observed.containers().forEach(c -> {
      projectIds.add(c.id());
      projectNames.add(c.name());
    });
    Set<String> networks = new HashSet<>();
    observed.networks().forEach(n -> networks.add(n.name()));
    Set<String> volumes = new HashSet<>();
    observed.volumes().forEach(v -> volumes.add(v.name()));

    Plan up = Reconciler.reconcile(p, observed, randomOptions(r, p));
    Plan down = DownPlanner.down(observed, Optional.of(p), new DownOptions(true, true));

    Set<String> created = new HashSet<>();
    for (Plan plan : List.of(up, down)) {
      for (PlanNode node : plan.nodes()) {
        Action a = node.action();
        if (a instanceof Action.CreateContainer c) {
          // A replacement is created under <old id>_<name> first.
          assertThat(c.name()).matches("([0-9a-f]{12}_)?demo-s[0-9]+-[0-9]+");
          created.add(c.name());
        } else if (a instanceof Action.StopContainer c) {
          assertThat(projectIds).contains(c.container());
        } else if (a instanceof Action.RemoveContainer c) {
          assertThat(projectIds).contains(c.container());
        } else if (a instanceof Action.RenameContainer c) {
          assertThat(created.contains(c.from()) || projectNames.contains(c.from())).as(c.from()).isTrue();
        } else if (a instanceof Action.StartContainer c) {
          assertThat(created.contains(c.container()) || projectNames.contains(c.container()) || projectIds.contains(c.container()))
              .as(c.container()).isTrue();
        } else if (a instanceof Action.RemoveNetwork n) {
          assertThat(networks).contains(n.name());
        } else if (a instanceof Action.RemoveVolume v) {
          assertThat(volumes).contains(v.name());
        } else if (a instanceof Action.CreateNetwork n) {
          assertThat(n.network().name()).startsWith("demo_");
        } else if (a instanceof Action.CreateVolume v) {
          assertThat(v.volume().name()).startsWith("demo_");
        }
        assertThat(a.toString()).doesNotContain("f0reign");
      }
    }
  }
}
