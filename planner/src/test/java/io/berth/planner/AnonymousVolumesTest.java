package io.berth.planner;

import static io.berth.planner.Fixtures.PROJECT;
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
import io.berth.model.spec.Volume;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.plan.Action;
import io.berth.planner.plan.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which volumes go with a container the plan removes: those the Engine named (anonymous, whether
 * the file or the image declared them, first made or taken over from a replaced container), never
 * a volume the project declares.
 */
class AnonymousVolumesTest {
  private static final String IMAGE_VOLUME = "a".repeat(64);
  private static final String FILE_VOLUME = "b".repeat(64);
  private static final String EXTERNAL_HEX = "c".repeat(64);

  private final Service db = withVolume(service("db"), "data", "/var/lib/db");
  private final Project stack = project(db);

  /** {@code db}'s container as the Engine lists it: its named volume, an image's and a file's anonymous ones. */
  private ObservedContainer withMounts(ObservedContainer c) {
    return new ObservedContainer(c.id(), c.name(), c.state(), c.imageId(), c.labels(), Map.of(
        "/var/lib/db", PROJECT + "_data", "/imgvol", IMAGE_VOLUME, "/data", FILE_VOLUME));
  }

  private ObservedState observed(ObservedContainer... containers) {
    return new ObservedState(PROJECT, List.of(containers), List.of(defaultNetwork()), List.of(volume("data")));
  }

  private static List<Action.RemoveContainer> removals(Plan plan) {
    return plan.nodes().stream().map(n -> n.action()).filter(a -> a instanceof Action.RemoveContainer)
        .map(a -> (Action.RemoveContainer) a).toList();
  }

  @Test
  void theEngineNamedVolumesAreAnonymousNotTheProjectsNorAnExternalOneWhateverItsName() {
    Map<String, Volume> volumes = new LinkedHashMap<>(stack.volumes());
    volumes.put("ext", new Volume("ext", EXTERNAL_HEX, "", true, Map.of()));
    Project withExternal = new Project(stack.name(), stack.workingDir(), stack.configFiles(), stack.services(),
        stack.networks(), volumes, stack.environment());
    ObservedContainer c = withMounts(running(db));
    ObservedContainer alsoExternal = new ObservedContainer(c.id(), c.name(), c.state(), c.imageId(), c.labels(),
        Map.of("/var/lib/db", PROJECT + "_data", "/imgvol", IMAGE_VOLUME, "/ext", EXTERNAL_HEX));

    assertThat(AnonymousVolumes.of(c, observed(c), Optional.of(stack))).containsExactly(IMAGE_VOLUME, FILE_VOLUME);
    assertThat(AnonymousVolumes.of(alsoExternal, observed(alsoExternal), Optional.of(withExternal))).containsExactly(IMAGE_VOLUME);
    assertThat(AnonymousVolumes.of(running(db), observed(running(db)), Optional.of(stack))).isEmpty();
  }

  @Test
  void aRecreateTakesTheOldContainersAnonymousVolumesOverAndRemovesTheOldOneWithThem() {
    ObservedContainer old = withMounts(running(db));
    Plan plan = Reconciler.reconcile(project(withEnvironment(db, "X", "2")), observed(old), UpOptions.defaults());

    Action.CreateContainer create = (Action.CreateContainer) plan.node(1).action();
    assertThat(create.inheritFrom()).isEqualTo(old.id());
    assertThat(create.inheritAnonymousVolumes()).isTrue();
    // Those the replacement took over are in use when the old one goes; the Engine keeps them.
    assertThat(removals(plan)).singleElement().satisfies(r -> {
      assertThat(r.container()).isEqualTo(old.id());
      assertThat(r.removeVolumes()).isTrue();
      assertThat(r.anonymousVolumes()).containsExactly(IMAGE_VOLUME, FILE_VOLUME);
    });
  }

  @Test
  void renewAnonVolumesCreatesWithoutThemAndTheOldOnesGoWithTheOldContainer() {
    ObservedContainer old = withMounts(running(db));
    UpOptions renew = new UpOptions(Set.of(), false, UpOptions.Recreate.FORCE, false, false, false, Map.of(), true);

    Plan plan = Reconciler.reconcile(stack, observed(old), renew);

    assertThat(((Action.CreateContainer) plan.node(1).action()).inheritAnonymousVolumes()).isFalse();
    assertThat(removals(plan)).singleElement().satisfies(r -> assertThat(r.anonymousVolumes()).containsExactly(IMAGE_VOLUME, FILE_VOLUME));
  }

  @Test
  void aReplicaScaledDownAndAnOrphanRemovedTakeTheirAnonymousVolumesAlong() {
    ObservedContainer first = withMounts(running(db));
    ObservedContainer second = Fixtures.containerOf("db", 2, "running", first.configHash());
    second = new ObservedContainer(second.id(), second.name(), second.state(), second.imageId(), second.labels(),
        Map.of("/imgvol", "d".repeat(64)));
    ObservedContainer orphan = Fixtures.containerOf("gone", 1, "exited", "x");
    orphan = new ObservedContainer(orphan.id(), orphan.name(), orphan.state(), orphan.imageId(), orphan.labels(),
        Map.of("/imgvol", "e".repeat(64)));
    UpOptions removeOrphans = new UpOptions(Set.of(), false, UpOptions.Recreate.DIVERGED, true, false);

    Plan plan = Reconciler.reconcile(stack, observed(first, second, orphan), removeOrphans);

    assertThat(removals(plan)).extracting(Action.RemoveContainer::name, Action.RemoveContainer::removeVolumes,
            Action.RemoveContainer::anonymousVolumes)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(second.name(), true, List.of("d".repeat(64))),
            org.assertj.core.groups.Tuple.tuple(orphan.name(), true, List.of("e".repeat(64))));
  }

  @Test
  void downRemovesThemOnlyWithVolumes() {
    ObservedContainer c = withMounts(running(db));

    assertThat(removals(DownPlanner.down(observed(c), Optional.of(stack), new DownOptions(false, true))))
        .singleElement().satisfies(r -> {
          assertThat(r.removeVolumes()).isTrue();
          assertThat(r.anonymousVolumes()).containsExactly(IMAGE_VOLUME, FILE_VOLUME);
        });
    assertThat(removals(DownPlanner.down(observed(c), Optional.of(stack), new DownOptions(false, false))))
        .singleElement().satisfies(r -> {
          assertThat(r.removeVolumes()).isFalse();
          assertThat(r.anonymousVolumes()).isEmpty();
        });
    // With only a project name, the project's own volumes are still known by their label.
    assertThat(removals(DownPlanner.down(observed(c), Optional.empty(), new DownOptions(false, true))))
        .singleElement().satisfies(r -> assertThat(r.anonymousVolumes()).containsExactly(IMAGE_VOLUME, FILE_VOLUME));
  }

  @Test
  void downVRemovesAVolumeTwoContainersShareOnlyAfterBothAreGone() {
    Service web = service("web", "db");
    ObservedContainer dbContainer = withMounts(running(db));
    ObservedContainer w = running(web);
    // web mounts db's anonymous volumes through volumes_from.
    ObservedContainer webContainer = new ObservedContainer(w.id(), w.name(), w.state(), w.imageId(), w.labels(),
        Map.of("/imgvol", IMAGE_VOLUME));

    Plan plan = DownPlanner.down(observed(webContainer, dbContainer), Optional.of(project(web, db)), new DownOptions(false, true));

    assertThat(plan.render()).startsWith("""
        [] -> #1 service:web:1, StopContainer, down
        [1] -> #2 service:web:1, RemoveContainer, down
        [1] -> #3 service:db:1, StopContainer, down
        [2 3] -> #4 service:db:1, RemoveContainer, down
        """);
  }
}
