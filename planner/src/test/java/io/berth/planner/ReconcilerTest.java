package io.berth.planner;

import static io.berth.planner.Fixtures.container;
import static io.berth.planner.Fixtures.containerOf;
import static io.berth.planner.Fixtures.defaultNetwork;
import static io.berth.planner.Fixtures.project;
import static io.berth.planner.Fixtures.running;
import static io.berth.planner.Fixtures.service;
import static io.berth.planner.Fixtures.volume;
import static io.berth.planner.Fixtures.withEnvironment;
import static io.berth.planner.Fixtures.withVolume;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.labels.Labels;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plans compared as text, in the style of Compose's reconcile tests. */
class ReconcilerTest {
  private final Service db = withVolume(service("db"), "data", "/data");
  private final Service api = service("api", "db");
  private final Service web = service("web", "api");
  private final Project stack = project(web, api, db);

  @Test
  void firstUpCreatesResourcesThenStartsInDependencyOrder() {
    String plan = Reconciler.reconcile(stack, ObservedState.empty("demo"), UpOptions.defaults()).render();

    assertThat(plan).isEqualTo("""
        [] -> #1 network:default, CreateNetwork, not found
        [] -> #2 volume:data, CreateVolume, not found
        [1 2] -> #3 service:db:1, CreateContainer, not found
        [3] -> #4 service:db:1, StartContainer, created
        [1] -> #5 service:api:1, CreateContainer, not found
        [4 5] -> #6 service:api:1, StartContainer, created
        [1] -> #7 service:web:1, CreateContainer, not found
        [6 7] -> #8 service:web:1, StartContainer, created
        """);
  }

  @Test
  void nothingChangedPlansNothing() {
    ObservedState observed = new ObservedState("demo", List.of(running(web), running(api), running(db)),
        List.of(defaultNetwork()), List.of(volume("data")));

    assertThat(Reconciler.reconcile(stack, observed, UpOptions.defaults()).isEmpty()).isTrue();
  }

  @Test
  void changedServiceIsRecreatedAloneKeepingAContainerAtEveryMoment() {
    Service changedApi = withEnvironment(api, "MODE", "fast");
    ObservedState observed = new ObservedState("demo", List.of(running(web), running(api), running(db)),
        List.of(defaultNetwork()), List.of(volume("data")));

    String plan = Reconciler.reconcile(project(web, changedApi, db), observed, UpOptions.defaults()).render();

    String oldId = running(api).shortId();
    assertThat(plan).isEqualTo("""
        [] -> #1 service:api:1, CreateContainer, config hash changed [recreate:api:1]
        [1] -> #2 service:api:1, StopContainer, replaced by #1 [recreate:api:1]
        [2] -> #3 service:api:1, RemoveContainer, replaced by #1 [recreate:api:1]
        [3] -> #4 service:api:1, RenameContainer, replaces %s [recreate:api:1]
        [4] -> #5 service:api:1, StartContainer, recreated
        """.formatted(oldId));
  }

  @Test
  void stoppedContainerIsStartedNotRecreated() {
    ObservedState observed = new ObservedState("demo",
        List.of(running(web), running(api), container(db, "exited", io.berth.model.hash.ConfigHash.of(db))),
        List.of(defaultNetwork()), List.of(volume("data")));

    assertThat(Reconciler.reconcile(stack, observed, UpOptions.defaults()).render())
        .isEqualTo("[] -> #1 service:db:1, StartContainer, not running\n");
  }

  @Test
  void forceRecreateRecreatesEverythingAndNoRecreateNothing() {
    ObservedState observed = new ObservedState("demo", List.of(running(web), running(api), container(db, "running", "stale")),
        List.of(defaultNetwork()), List.of(volume("data")));

    Plan forced = Reconciler.reconcile(stack, observed, new UpOptions(Set.of(), false, UpOptions.Recreate.FORCE, false, false));
    Plan never = Reconciler.reconcile(stack, observed, new UpOptions(Set.of(), false, UpOptions.Recreate.NEVER, false, false));

    assertThat(forced.nodes()).filteredOn(n -> n.action() instanceof io.berth.planner.plan.Action.CreateContainer).hasSize(3);
    assertThat(never.isEmpty()).isTrue();
  }

  @Test
  void selectedServiceBringsItsDependenciesUnlessNoDeps() {
    Plan withDeps = Reconciler.reconcile(stack, ObservedState.empty("demo"),
        new UpOptions(Set.of("api"), false, UpOptions.Recreate.DIVERGED, false, false));
    Plan noDeps = Reconciler.reconcile(stack, ObservedState.empty("demo"),
        new UpOptions(Set.of("api"), true, UpOptions.Recreate.DIVERGED, false, false));

    assertThat(withDeps.nodes()).extracting(n -> n.resourceId()).contains("service:db:1", "service:api:1")
        .doesNotContain("service:web:1");
    assertThat(noDeps.nodes()).extracting(n -> n.resourceId()).contains("service:api:1")
        .doesNotContain("service:db:1", "volume:data");
  }

  @Test
  void orphansAreRemovedOnlyWhenAsked() {
    ObservedState observed = new ObservedState("demo",
        List.of(running(web), running(api), running(db), containerOf("old", 1, "running", "x")),
        List.of(defaultNetwork()), List.of(volume("data")));

    assertThat(Reconciler.reconcile(stack, observed, UpOptions.defaults()).isEmpty()).isTrue();
    assertThat(Reconciler.orphans(stack, observed)).extracting(c -> c.name()).containsExactly("demo-old-1");
    assertThat(Reconciler.reconcile(stack, observed, new UpOptions(Set.of(), false, UpOptions.Recreate.DIVERGED, true, false)).render())
        .isEqualTo("""
            [] -> #1 service:old:1, StopContainer, orphan
            [1] -> #2 service:old:1, RemoveContainer, orphan
            """);
  }

  @Test
  void anEndedOneOffIsAnOrphanAndARunningOneIsNot() {
    ObservedContainer ended = oneOff("web", "demo-web-run-0123456789ab", "exited");
    ObservedContainer dead = oneOff("api", "demo-api-run-ba9876543210", "dead");
    ObservedContainer inUse = oneOff("web", "demo-web-run-aaaaaaaaaaaa", "running");
    ObservedState observed = new ObservedState("demo",
        List.of(running(web), running(api), running(db), ended, dead, inUse), List.of(defaultNetwork()), List.of(volume("data")));

    assertThat(Reconciler.orphans(stack, observed)).extracting(c -> c.name())
        .containsExactlyInAnyOrder("demo-web-run-0123456789ab", "demo-api-run-ba9876543210");
  }

  private static ObservedContainer oneOff(String service, String name, String state) {
    Map<String, String> labels = Map.of(Labels.PROJECT, "demo", Labels.SERVICE, service, Labels.ONEOFF, "True",
        Labels.CONFIG_HASH, "x");
    return new ObservedContainer(String.format("%064x", name.hashCode() & 0xffffffffL), name, state, "sha256:img", labels);
  }

  @Test
  void extraReplicasAreRemovedHighestFirst() {
    ObservedState observed = new ObservedState("demo",
        List.of(running(web), running(api), running(db), containerOf("db", 2, "exited", "x")),
        List.of(defaultNetwork()), List.of(volume("data")));

    assertThat(Reconciler.reconcile(stack, observed, UpOptions.defaults()).render())
        .isEqualTo("[] -> #1 service:db:2, RemoveContainer, scale 2->1\n");
  }

  @Test
  void aConditionOtherThanStartedIsAWaitSharedByDependentsAndOnlyWhenSomethingStarts() {
    Service healthyDb = service("db");
    Service a = service("a").withDependsOn(java.util.Map.of("db", new io.berth.model.spec.Dependency("service_healthy", true, false)));
    Service b = service("b").withDependsOn(java.util.Map.of("db", new io.berth.model.spec.Dependency("service_healthy", true, false)));
    Project p = project(a, b, healthyDb);

    assertThat(Reconciler.reconcile(p, ObservedState.empty("demo"), UpOptions.defaults()).render()).isEqualTo("""
        [] -> #1 network:default, CreateNetwork, not found
        [1] -> #2 service:db:1, CreateContainer, not found
        [2] -> #3 service:db:1, StartContainer, created
        [1] -> #4 service:a:1, CreateContainer, not found
        [3] -> #5 service:db:1, WaitContainer, service_healthy
        [4 5] -> #6 service:a:1, StartContainer, created
        [1] -> #7 service:b:1, CreateContainer, not found
        [5 7] -> #8 service:b:1, StartContainer, created
        """);

    ObservedState running = new ObservedState("demo", List.of(running(a), running(b), running(healthyDb)),
        List.of(defaultNetwork()), List.of());
    assertThat(Reconciler.reconcile(p, running, UpOptions.defaults()).isEmpty()).isTrue();
  }

  @Test
  void scaleUpTakesTheLowestFreeNumbersAndKeepsWhatRuns() {
    ObservedState observed = new ObservedState("demo", List.of(running(web), running(api), running(db)),
        List.of(defaultNetwork()), List.of(volume("data")));
    UpOptions three = new UpOptions(Set.of(), false, UpOptions.Recreate.DIVERGED, false, false, false, java.util.Map.of("api", 3));

    assertThat(Reconciler.reconcile(stack, observed, three).render()).isEqualTo("""
        [] -> #1 service:api:2, CreateContainer, scale 1->3
        [1] -> #2 service:api:2, StartContainer, created
        [] -> #3 service:api:3, CreateContainer, scale 1->3
        [3] -> #4 service:api:3, StartContainer, created
        """);
  }

  @Test
  void scaleDownRemovesTheHighestNumbersFirstWhateverTheirState() {
    String hash = io.berth.model.hash.ConfigHash.of(api);
    ObservedState observed = new ObservedState("demo", List.of(running(web), running(db),
        containerOf("api", 1, "running", hash), containerOf("api", 2, "exited", hash), containerOf("api", 3, "running", hash)),
        List.of(defaultNetwork()), List.of(volume("data")));
    UpOptions two = new UpOptions(Set.of(), false, UpOptions.Recreate.DIVERGED, false, false, false, java.util.Map.of("api", 2));

    assertThat(Reconciler.reconcile(stack, observed, two).render()).isEqualTo("""
        [] -> #1 service:api:3, StopContainer, scale 3->2
        [1] -> #2 service:api:3, RemoveContainer, scale 3->2
        [] -> #3 service:api:2, StartContainer, not running
        """);
  }

  @Test
  void scaleDownRemovesOutOfDateReplicasFirstAndRecreatesNone() {
    // Replicas 1 and 2 were created before the service changed, 3 and 4 after (up --no-recreate --scale 4).
    Service changed = withEnvironment(api, "MODE", "fast");
    String old = io.berth.model.hash.ConfigHash.of(api);
    String now = io.berth.model.hash.ConfigHash.of(changed);
    ObservedState observed = new ObservedState("demo", List.of(running(web), running(db),
        containerOf("api", 1, "running", old), containerOf("api", 2, "running", old),
        containerOf("api", 3, "running", now), containerOf("api", 4, "running", now)),
        List.of(defaultNetwork()), List.of(volume("data")));
    UpOptions two = new UpOptions(Set.of(), false, UpOptions.Recreate.DIVERGED, false, false, false, java.util.Map.of("api", 2));

    assertThat(Reconciler.reconcile(project(web, changed, db), observed, two).render()).isEqualTo("""
        [] -> #1 service:api:2, StopContainer, scale 4->2
        [1] -> #2 service:api:2, RemoveContainer, scale 4->2
        [] -> #3 service:api:1, StopContainer, scale 4->2
        [3] -> #4 service:api:1, RemoveContainer, scale 4->2
        """);
  }

  @Test
  void aContainerWithoutTheVolumeItsKeyNowNamesIsRecreated() {
    // The file's entry is still data:/data, but data now names another volume (an external one renamed).
    String hash = io.berth.model.hash.ConfigHash.of(db);
    var onOldVolume = new io.berth.planner.observed.ObservedContainer("d".repeat(64), "demo-db-1", "running", "sha256:img",
        containerOf("db", 1, "running", hash).labels(), java.util.Map.of("/data", "old_data"));
    ObservedState observed = new ObservedState("demo", List.of(running(web), running(api), onOldVolume),
        List.of(defaultNetwork()), List.of(volume("data")));

    assertThat(Reconciler.reconcile(stack, observed, UpOptions.defaults()).render())
        .contains("service:db:1, CreateContainer, volume demo_data not mounted");
    var onVolume = new io.berth.planner.observed.ObservedContainer("d".repeat(64), "demo-db-1", "running", "sha256:img",
        containerOf("db", 1, "running", hash).labels(), java.util.Map.of("/data", "demo_data"));
    assertThat(Reconciler.reconcile(stack, new ObservedState("demo", List.of(running(web), running(api), onVolume),
        List.of(defaultNetwork()), List.of(volume("data"))), UpOptions.defaults()).isEmpty()).isTrue();
  }

  @Test
  void anInterruptedRecreateConvergesOnTheNextUp() {
    String hash = io.berth.model.hash.ConfigHash.of(api);
    var replacement = new io.berth.planner.observed.ObservedContainer("f".repeat(64), "0123456789ab_demo-api-1", "created",
        "sha256:img", containerOf("api", 1, "created", hash).labels());
    // Crashed after the old container was removed, before the rename.
    ObservedState afterRemove = new ObservedState("demo", List.of(running(web), running(db), replacement),
        List.of(defaultNetwork()), List.of(volume("data")));

    assertThat(Reconciler.reconcile(stack, afterRemove, UpOptions.defaults()).render()).isEqualTo("""
        [] -> #1 service:api:1, RenameContainer, interrupted recreate
        [1] -> #2 service:api:1, StartContainer, not running
        """);

    // Crashed before the old container was stopped: the replacement goes, the old one is recreated again.
    ObservedState beforeStop = new ObservedState("demo", List.of(running(web), running(db), replacement,
        containerOf("api", 1, "running", "old-hash")), List.of(defaultNetwork()), List.of(volume("data")));
    String plan = Reconciler.reconcile(stack, beforeStop, UpOptions.defaults()).render();
    assertThat(plan).startsWith("[] -> #1 service:api:1, RemoveContainer, left by an interrupted recreate\n")
        .contains("[1] -> #2 service:api:1, CreateContainer, config hash changed");
  }

  @Test
  void aVolumeThatDiffersFromTheFileIsReportedNeverRecreated() {
    Service withLabelledVolume = withVolume(service("db"), "data", "/data");
    Project p = new Project("demo", stack.workingDir(), stack.configFiles(), java.util.Map.of("db", withLabelledVolume),
        stack.networks(), java.util.Map.of("data", new io.berth.model.spec.Volume("data", "demo_data", "", false,
            java.util.Map.of("tier", "gold"))), java.util.Map.of());
    ObservedState observed = new ObservedState("demo", List.of(running(withLabelledVolume)), List.of(defaultNetwork()),
        List.of(volume("data")));

    assertThat(Reconciler.divergedVolumes(p, observed)).containsExactly("demo_data");
    assertThat(Reconciler.reconcile(p, observed, UpOptions.defaults()).isEmpty()).isTrue();
  }

  @Test
  void aNetworkThatDiffersFromTheFileIsReportedNeverRecreated() {
    io.berth.model.spec.Network internal = new io.berth.model.spec.Network("default", "demo_default", "", false,
        java.util.Map.of(), java.util.Map.of("com.docker.network.driver.mtu", "1400"), true, false, false,
        java.util.Optional.empty());
    Project p = new Project("demo", stack.workingDir(), stack.configFiles(), java.util.Map.of("db", db),
        java.util.Map.of("default", internal), stack.volumes(), java.util.Map.of());
    ObservedState asCreated = new ObservedState("demo", List.of(running(db)), List.of(new io.berth.planner.observed.ObservedNetwork(
        "n1", "demo_default", "bridge", defaultNetwork().labels(), java.util.Map.of("com.docker.network.driver.mtu", "1400"),
        true, false)), List.of(volume("data")));
    ObservedState plain = new ObservedState("demo", List.of(running(db)), List.of(defaultNetwork()), List.of(volume("data")));

    assertThat(Reconciler.divergedNetworks(p, asCreated)).isEmpty();
    assertThat(Reconciler.divergedNetworks(p, plain)).containsExactly("demo_default");
    assertThat(Reconciler.reconcile(p, plain, UpOptions.defaults()).isEmpty()).isTrue();
  }

  @Test
  void aVolumeWithOtherDriverOptionsIsReported() {
    Project p = new Project("demo", stack.workingDir(), stack.configFiles(), java.util.Map.of("db", db), stack.networks(),
        java.util.Map.of("data", new io.berth.model.spec.Volume("data", "demo_data", "", false, java.util.Map.of(),
            java.util.Map.of("type", "tmpfs", "device", "tmpfs"))), java.util.Map.of());
    ObservedState plain = new ObservedState("demo", List.of(running(db)), List.of(defaultNetwork()), List.of(volume("data")));

    assertThat(Reconciler.divergedVolumes(p, plain)).containsExactly("demo_data");
  }

  @Test
  void aNewImageRecreatesTheServicesUsingIt() {
    ObservedState observed = new ObservedState("demo", List.of(running(web), running(api), running(db)),
        List.of(defaultNetwork()), List.of(volume("data")));

    String plan = Reconciler.reconcile(stack, observed, UpOptions.defaults(),
        java.util.Map.of("api", "sha256:newer", "web", "sha256:img", "db", "sha256:img")).render();

    assertThat(plan).isEqualTo("""
        [] -> #1 service:api:1, CreateContainer, image changed [recreate:api:1]
        [1] -> #2 service:api:1, StopContainer, replaced by #1 [recreate:api:1]
        [2] -> #3 service:api:1, RemoveContainer, replaced by #1 [recreate:api:1]
        [3] -> #4 service:api:1, RenameContainer, replaces %s [recreate:api:1]
        [4] -> #5 service:api:1, StartContainer, recreated
        """.formatted(running(api).shortId()));
  }

  @Test
  void upTimeoutIsTheGracePeriodOfEveryStopThePlanMakes() {
    ObservedState observed = new ObservedState("demo",
        List.of(running(web), running(api), running(db), containerOf("gone", 1, "running", "h")),
        List.of(defaultNetwork()), List.of(volume("data")));
    UpOptions options = new UpOptions(Set.of(), false, UpOptions.Recreate.FORCE, true, false).withStopTimeout(java.util.Optional.of(1));

    Plan plan = Reconciler.reconcile(stack, observed, options);

    List<io.berth.planner.plan.Action.StopContainer> stops = plan.nodes().stream()
        .map(n -> n.action()).filter(a -> a instanceof io.berth.planner.plan.Action.StopContainer)
        .map(a -> (io.berth.planner.plan.Action.StopContainer) a).toList();
    assertThat(stops).extracting(io.berth.planner.plan.Action.StopContainer::service)
        .containsExactlyInAnyOrder("db", "api", "web", "gone");
    assertThat(stops).allSatisfy(s -> assertThat(s.timeout()).contains(1));
    assertThat(Reconciler.reconcile(stack, observed, new UpOptions(Set.of(), false, UpOptions.Recreate.FORCE, true, false))
        .nodes().stream().map(n -> n.action()).filter(a -> a instanceof io.berth.planner.plan.Action.StopContainer)
        .map(a -> ((io.berth.planner.plan.Action.StopContainer) a).timeout()))
        .allSatisfy(t -> assertThat(t).isEmpty());
  }

  @Test
  void withoutStartsEachServiceIsCreatedAfterItsDependenciesAsComposesCreate() {
    String plan = Reconciler.reconcile(stack, ObservedState.empty("demo"),
        new UpOptions(Set.of(), false, UpOptions.Recreate.DIVERGED, false, true)).render();

    assertThat(plan).isEqualTo("""
        [] -> #1 network:default, CreateNetwork, not found
        [] -> #2 volume:data, CreateVolume, not found
        [1 2] -> #3 service:db:1, CreateContainer, not found
        [1 3] -> #4 service:api:1, CreateContainer, not found
        [1 4] -> #5 service:web:1, CreateContainer, not found
        """);
  }
}
