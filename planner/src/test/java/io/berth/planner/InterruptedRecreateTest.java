package io.berth.planner;

import static io.berth.planner.Fixtures.containerOf;
import static io.berth.planner.Fixtures.defaultNetwork;
import static io.berth.planner.Fixtures.project;
import static io.berth.planner.Fixtures.running;
import static io.berth.planner.Fixtures.service;
import static io.berth.planner.Fixtures.volume;
import static io.berth.planner.Fixtures.withEnvironment;
import static io.berth.planner.Fixtures.withScale;
import static io.berth.planner.Fixtures.withVolume;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.hash.ConfigHash;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.labels.Labels;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.plan.Action;
import io.berth.planner.plan.Plan;
import io.berth.planner.plan.PlanNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A recreate cut at each of its steps (replacement created, old stopped, old removed, replacement
 * renamed, started) leaves one shape of containers for the replica; the next up plans, from that
 * shape alone, the steps that leave one container with the final name, the new configuration,
 * running. Plans compared as text, as in {@link ReconcilerTest}.
 */
class InterruptedRecreateTest {
  private final Service db = withVolume(service("db"), "data", "/data");
  private final Service api = service("api", "db");
  private final Service web = service("web", "api");
  /** The file after the change the interrupted up was applying. */
  private final Service changedApi = withEnvironment(api, "MODE", "fast");
  private final Project changed = project(web, changedApi, db);
  private final String newHash = ConfigHash.of(changedApi);
  /** The container the interrupted up was replacing. */
  private final ObservedContainer old = containerOf("api", 1, "running", ConfigHash.of(api));

  /** The replacement the interrupted up created for {@link #old}, under Compose's temporary name. */
  private ObservedContainer replacement(String state) {
    return replacementOf(old, state, newHash);
  }

  private static ObservedContainer replacementOf(ObservedContainer replaced, String state, String hash) {
    Map<String, String> labels = new HashMap<>(containerOf(replaced.service(), replaced.number(), state, hash).labels());
    labels.put(Labels.REPLACE, replaced.id());
    String id = "f" + replaced.id().substring(1);
    return new ObservedContainer(id, Names.replacement(replaced.id(), replaced.name()), state, "sha256:img", labels);
  }

  private static ObservedContainer withState(ObservedContainer c, String state) {
    return new ObservedContainer(c.id(), c.name(), state, c.imageId(), c.labels());
  }

  private static ObservedContainer renamed(ObservedContainer c, String name) {
    return new ObservedContainer(c.id(), name, c.state(), c.imageId(), c.labels());
  }

  private ObservedState with(ObservedContainer... apiContainers) {
    List<ObservedContainer> all = new ArrayList<>(List.of(running(web), running(db)));
    all.addAll(List.of(apiContainers));
    return new ObservedState("demo", all, List.of(defaultNetwork()), List.of(volume("data")));
  }

  private String plan(ObservedState observed) {
    return Reconciler.reconcile(changed, observed, UpOptions.defaults()).render();
  }

  @Test
  void cutAfterTheReplacementWasCreated() {
    // The old container is what the replica is: the replacement may be half made (cut during its
    // create) and goes first, since the new one is created under the same temporary name.
    assertThat(plan(with(old, replacement("created")))).isEqualTo("""
        [] -> #1 service:api:1, RemoveContainer, left by an interrupted recreate
        [1] -> #2 service:api:1, CreateContainer, config hash changed [recreate:api:1]
        [2] -> #3 service:api:1, StopContainer, replaced by #2 [recreate:api:1]
        [3] -> #4 service:api:1, RemoveContainer, replaced by #2 [recreate:api:1]
        [4] -> #5 service:api:1, RenameContainer, replaces %s [recreate:api:1]
        [5] -> #6 service:api:1, StartContainer, recreated
        """.formatted(old.shortId()));
  }

  @Test
  void cutAfterTheOldContainerWasStopped() {
    assertThat(plan(with(withState(old, "exited"), replacement("created")))).isEqualTo("""
        [] -> #1 service:api:1, RemoveContainer, left by an interrupted recreate
        [1] -> #2 service:api:1, CreateContainer, config hash changed [recreate:api:1]
        [2] -> #3 service:api:1, StopContainer, replaced by #2 [recreate:api:1]
        [3] -> #4 service:api:1, RemoveContainer, replaced by #2 [recreate:api:1]
        [4] -> #5 service:api:1, RenameContainer, replaces %s [recreate:api:1]
        [5] -> #6 service:api:1, StartContainer, recreated
        """.formatted(old.shortId()));
  }

  @Test
  void theCreateOfTheNewReplacementInheritsFromTheOldContainerNotFromTheLeftover() {
    Plan plan = Reconciler.reconcile(changed, with(old, replacement("created")), UpOptions.defaults());

    assertThat(plan.node(2).action()).isInstanceOfSatisfying(Action.CreateContainer.class, create -> {
      assertThat(create.inheritFrom()).isEqualTo(old.id());
      assertThat(create.inheritAnonymousVolumes()).isTrue();
    });
    assertThat(plan.node(1).action()).isInstanceOfSatisfying(Action.RemoveContainer.class,
        remove -> assertThat(remove.removeVolumes()).as("the leftover shares the old container's anonymous volumes").isFalse());
  }

  @Test
  void cutAfterTheOldContainerWasRemovedTheReplacementIsRenamedAndStarted() {
    assertThat(plan(with(replacement("created")))).isEqualTo("""
        [] -> #1 service:api:1, RenameContainer, interrupted recreate
        [1] -> #2 service:api:1, StartContainer, not running
        """);
  }

  @Test
  void cutAfterTheRenameTheReplacementIsStarted() {
    assertThat(plan(with(renamed(replacement("created"), "demo-api-1"))))
        .isEqualTo("[] -> #1 service:api:1, StartContainer, not running\n");
  }

  @Test
  void cutAfterTheStartNothingIsLeftToDo() {
    assertThat(plan(with(renamed(replacement("running"), "demo-api-1")))).isEmpty();
  }

  @Test
  void aLoneReplacementThatIsStaleByNowIsRecreatedFromItself() {
    // The file changed again since the cut: the replacement, the only holder of the replica's
    // anonymous volumes, is what the next one inherits from.
    ObservedContainer stale = replacementOf(old, "created", "older-hash");
    Plan plan = Reconciler.reconcile(changed, with(stale), UpOptions.defaults());

    assertThat(plan.render()).isEqualTo("""
        [] -> #1 service:api:1, CreateContainer, config hash changed [recreate:api:1]
        [1] -> #2 service:api:1, StopContainer, replaced by #1 [recreate:api:1]
        [2] -> #3 service:api:1, RemoveContainer, replaced by #1 [recreate:api:1]
        [3] -> #4 service:api:1, RenameContainer, replaces %s [recreate:api:1]
        [4] -> #5 service:api:1, StartContainer, recreated
        """.formatted(stale.shortId()));
    assertThat(((Action.CreateContainer) plan.node(1).action()).inheritFrom()).isEqualTo(stale.id());
    assertThat(((Action.RenameContainer) plan.node(4).action()).to()).isEqualTo("demo-api-1");
  }

  @Test
  void twoReplacementsOfTheSameNumberAndNoFinalNameKeepTheUpToDateOne() {
    // A replacement of a replacement, both cut short: the one made from the file as it is now is kept.
    ObservedContainer first = replacementOf(old, "created", "older-hash");
    ObservedContainer second = replacementOf(renamed(first, "demo-api-1"), "created", newHash);

    assertThat(plan(with(first, second))).isEqualTo("""
        [] -> #1 service:api:1, RemoveContainer, left by an interrupted recreate
        [1] -> #2 service:api:1, RenameContainer, interrupted recreate
        [2] -> #3 service:api:1, StartContainer, not running
        """);
    Plan plan = Reconciler.reconcile(changed, with(first, second), UpOptions.defaults());
    assertThat(((Action.RemoveContainer) plan.node(1).action()).container()).isEqualTo(first.id());
    assertThat(((Action.RenameContainer) plan.node(2).action()).from()).isEqualTo(second.name());
  }

  @Test
  void aFinalNamedContainerUpToDateBesideARunningStrayOfTheSameNumberIsKeptAndTheStrayGoes() {
    // docker-compose 1.x renames the old container to the temporary name instead: cut before its
    // removal, the old one runs on under <id>_<name> beside the new one.
    ObservedContainer current = renamed(replacement("running"), "demo-api-1");
    ObservedContainer stray = renamed(old, old.shortId() + "_demo-api-1");

    assertThat(plan(with(current, stray))).isEqualTo("""
        [] -> #1 service:api:1, StopContainer, left by an interrupted recreate
        [1] -> #2 service:api:1, RemoveContainer, left by an interrupted recreate
        """);
  }

  @Test
  void aStoppedFinalContainerWithALeftoverIsStartedOnlyOnceTheLeftoverIsGone() {
    // The leftover may hold a published port or an address the replica needs to start.
    ObservedContainer current = renamed(replacement("exited"), "demo-api-1");
    ObservedContainer stray = withState(renamed(old, old.shortId() + "_demo-api-1"), "running");

    assertThat(plan(with(current, stray))).isEqualTo("""
        [] -> #1 service:api:1, StopContainer, left by an interrupted recreate
        [1] -> #2 service:api:1, RemoveContainer, left by an interrupted recreate
        [2] -> #3 service:api:1, StartContainer, not running
        """);
  }

  @Test
  void leftoversCountOnceTowardsTheReplicaCount() {
    // scale: 2, replica 1 done, replica 2 cut after its replacement was created: nothing is scaled down.
    Service scaled = withScale(changedApi, 2);
    Project p = project(web, scaled, db);
    String hash = ConfigHash.of(scaled);
    ObservedContainer one = containerOf("api", 1, "running", hash);
    ObservedContainer two = containerOf("api", 2, "running", "older-hash");
    ObservedState observed = new ObservedState("demo", List.of(running(web), running(db), one, two,
        replacementOf(two, "created", hash)), List.of(defaultNetwork()), List.of(volume("data")));

    assertThat(Reconciler.reconcile(p, observed, UpOptions.defaults()).render()).isEqualTo("""
        [] -> #1 service:api:2, RemoveContainer, left by an interrupted recreate
        [1] -> #2 service:api:2, CreateContainer, config hash changed [recreate:api:2]
        [2] -> #3 service:api:2, StopContainer, replaced by #2 [recreate:api:2]
        [3] -> #4 service:api:2, RemoveContainer, replaced by #2 [recreate:api:2]
        [4] -> #5 service:api:2, RenameContainer, replaces %s [recreate:api:2]
        [5] -> #6 service:api:2, StartContainer, recreated
        """.formatted(two.shortId()));
  }

  @Test
  void scalingDownRemovesEveryContainerOfTheReplicaNumberThatGoes() {
    ObservedContainer two = containerOf("api", 2, "running", "older-hash");
    ObservedContainer one = containerOf("api", 1, "running", newHash);

    assertThat(plan(with(one, two, replacementOf(two, "created", newHash)))).isEqualTo("""
        [] -> #1 service:api:2, RemoveContainer, scale 2->1
        [1] -> #2 service:api:2, StopContainer, scale 2->1
        [2] -> #3 service:api:2, RemoveContainer, scale 2->1
        """);
  }

  static Stream<Long> seeds() {
    return IntStream.range(0, 300).mapToObj(i -> 7_000L + i);
  }

  /**
   * Any prefix of a recreate plan, run in any order its dependencies allow, then one up: every
   * service at its replica count, running, up to date, under its final name; and a further up plans
   * nothing. The in-memory Engine refuses a name in use, as the real one does.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void anUpCutAfterAnyNodeConvergesOnTheNextUp(long seed) {
    Random r = new Random(seed);
    int replicas = 1 + r.nextInt(3);
    Service restarted = web.withDependsOn(Map.of("api", new io.berth.model.spec.Dependency("service_healthy", true, r.nextBoolean())));
    Project before = project(restarted, withScale(api, replicas), db);
    InMemoryEngine engine = new InMemoryEngine(ObservedState.empty("demo"));
    engine.apply(Reconciler.reconcile(before, engine.observe(), UpOptions.defaults()));

    List<Service> after = new ArrayList<>();
    for (Service s : before.services().values()) {
      Service edited = r.nextBoolean() ? withEnvironment(s, "V", "2") : s;
      after.add(s.name().equals("api") ? withScale(edited, replicas) : edited);
    }
    Project changedProject = project(after.toArray(Service[]::new));
    UpOptions options = r.nextInt(4) == 0 ? new UpOptions(Set.of(), false, UpOptions.Recreate.FORCE, false, false) : UpOptions.defaults();
    Plan interrupted = Reconciler.reconcile(changedProject, engine.observe(), options);
    runInSomeOrder(engine, interrupted, r.nextInt(interrupted.nodes().size() + 1), r);

    runInSomeOrder(engine, Reconciler.reconcile(changedProject, engine.observe(), UpOptions.defaults()), Integer.MAX_VALUE, r);

    assertThat(Reconciler.reconcile(changedProject, engine.observe(), UpOptions.defaults()).render()).as("a further up").isEmpty();
    for (Service s : changedProject.services().values()) {
      List<ObservedContainer> containers = engine.observe().containersOf(s.name());
      assertThat(containers).extracting(ObservedContainer::name)
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, s.scale().orElse(1)).mapToObj(n -> "demo-" + s.name() + "-" + n).toList());
      assertThat(containers).allMatch(ObservedContainer::running).allMatch(c -> c.configHash().equals(ConfigHash.of(s)));
    }
  }

  /** Runs the first {@code count} nodes of {@code plan} in an order its dependencies allow, picked at random. */
  private static void runInSomeOrder(InMemoryEngine engine, Plan plan, int count, Random r) {
    Set<Integer> done = new java.util.HashSet<>();
    List<PlanNode> pending = new ArrayList<>(plan.nodes());
    while (done.size() < count && !pending.isEmpty()) {
      List<PlanNode> ready = pending.stream().filter(n -> done.containsAll(n.dependsOn())).toList();
      PlanNode next = ready.get(r.nextInt(ready.size()));
      engine.apply(next.action());
      done.add(next.id());
      pending.remove(next);
    }
  }
}
