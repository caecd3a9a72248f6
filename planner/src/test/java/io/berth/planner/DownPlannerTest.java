package io.berth.planner;

import static io.berth.planner.Fixtures.containerOf;
import static io.berth.planner.Fixtures.defaultNetwork;
import static io.berth.planner.Fixtures.project;
import static io.berth.planner.Fixtures.running;
import static io.berth.planner.Fixtures.service;
import static io.berth.planner.Fixtures.volume;
import static io.berth.planner.Fixtures.withVolume;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.observed.ObservedState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DownPlannerTest {
  private final Service db = withVolume(service("db"), "data", "/data");
  private final Service api = service("api", "db");
  private final Service web = service("web", "api");
  private final Project stack = project(web, api, db);
  private final ObservedState up = new ObservedState("demo", List.of(running(web), running(api), running(db)),
      List.of(defaultNetwork()), List.of(volume("data")));

  @Test
  void downStopsDependentsFirstRemovesContainersThenNetworkAndKeepsVolumes() {
    assertThat(DownPlanner.down(up, Optional.of(stack), new DownOptions(false, false)).render()).isEqualTo("""
        [] -> #1 service:web:1, StopContainer, down
        [1] -> #2 service:web:1, RemoveContainer, down
        [1] -> #3 service:api:1, StopContainer, down
        [3] -> #4 service:api:1, RemoveContainer, down
        [3] -> #5 service:db:1, StopContainer, down
        [5] -> #6 service:db:1, RemoveContainer, down
        [2 4 6] -> #7 network:default, RemoveNetwork, down
        """);
  }

  @Test
  void downWithVolumesAlsoRemovesTheProjectsVolumes() {
    String plan = DownPlanner.down(up, Optional.of(stack), new DownOptions(false, true)).render();

    assertThat(plan).endsWith("[2 4 6] -> #8 volume:data, RemoveVolume, down -v\n");
  }

  @Test
  void downRemovesWhatAnInterruptedRecreateLeftUnderATemporaryName() {
    var old = running(api);
    var replacement = new io.berth.planner.observed.ObservedContainer("f".repeat(64), Names.replacement(old.id(), old.name()),
        "created", "sha256:img", containerOf("api", 1, "created", "new-hash").labels());
    ObservedState cut = new ObservedState("demo", List.of(running(web), old, replacement, running(db)),
        List.of(defaultNetwork()), List.of(volume("data")));

    String plan = DownPlanner.down(cut, Optional.of(stack), new DownOptions(false, false)).render();

    assertThat(plan.lines().filter(l -> l.contains("service:api:1, RemoveContainer"))).hasSize(2);
    assertThat(plan).contains("RemoveNetwork");
  }

  @Test
  void orphansStayUnlessRemoveOrphans() {
    ObservedState withOrphan = new ObservedState("demo",
        List.of(running(web), running(api), running(db), containerOf("old", 1, "exited", "x")),
        List.of(defaultNetwork()), List.of());

    assertThat(DownPlanner.down(withOrphan, Optional.of(stack), new DownOptions(false, false)).render())
        .doesNotContain("service:old:1");
    assertThat(DownPlanner.down(withOrphan, Optional.of(stack), new DownOptions(true, false)).render())
        .contains("service:old:1, RemoveContainer, orphan");
  }

  @Test
  void downOfAServiceTakesItsDependentsAndLeavesTheRestAndTheSharedNetwork() {
    String plan = DownPlanner.down(up, Optional.of(stack), new DownOptions(false, false, DownOptions.Rmi.NONE, Set.of("api")))
        .render();

    assertThat(plan).contains("service:web:1, RemoveContainer", "service:api:1, RemoveContainer")
        .doesNotContain("service:db:1").doesNotContain("RemoveNetwork");
  }

  @Test
  void downOfAServiceWithRemoveOrphansKeepsTheOtherServicesAndTakesTheOrphans() {
    ObservedState withOrphan = new ObservedState("demo",
        List.of(running(web), running(api), running(db), containerOf("old", 1, "exited", "x")),
        List.of(defaultNetwork()), List.of());

    String plan = DownPlanner.down(withOrphan, Optional.of(stack),
        new DownOptions(true, false, DownOptions.Rmi.NONE, Set.of("web"))).render();

    assertThat(plan).contains("service:web:1, RemoveContainer", "service:old:1, RemoveContainer, orphan")
        .doesNotContain("service:api:1").doesNotContain("service:db:1");
  }

  @Test
  void stopPlansOnlyStops() {
    String plan = DownPlanner.stop(up, Optional.of(stack), Set.of()).render();

    assertThat(plan).isEqualTo("""
        [] -> #1 service:web:1, StopContainer, stop
        [1] -> #2 service:api:1, StopContainer, stop
        [2] -> #3 service:db:1, StopContainer, stop
        """);
  }

  @Test
  void observedStateRefusesAResourceOfAnotherProject() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ObservedState("demo2", List.of(running(web)), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("com.docker.compose.project=demo2");
  }

  @org.junit.jupiter.api.Test
  void rmiRemovesImagesAfterTheContainersLocalOnlyTheUnnamedOnes() {
    Service built = new Service("app", java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Map.of(), List.of(), List.of(), java.util.Map.of(), java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Map.of(), java.util.Optional.empty(), java.util.Optional.empty(), List.of("default"), Fixtures.service("x").pos());
    Service pulled = Fixtures.service("db");
    var p = Fixtures.project(built, pulled);
    var observed = new ObservedState("demo", List.of(Fixtures.running(built), Fixtures.running(pulled)), List.of(), List.of());
    java.util.Set<String> present = java.util.Set.of("demo-app", "busybox:stable");

    String local = DownPlanner.down(observed, java.util.Optional.of(p),
        new DownOptions(false, false, DownOptions.Rmi.LOCAL), java.util.Optional.empty(), present).render();
    String all = DownPlanner.down(observed, java.util.Optional.of(p),
        new DownOptions(false, false, DownOptions.Rmi.ALL), java.util.Optional.empty(), java.util.Set.of("demo-app")).render();

    assertThat(local).endsWith("[2 4] -> #5 image:demo-app, RemoveImage, down --rmi\n").doesNotContain("busybox");
    assertThat(DownPlanner.imagesToRemove(p, DownOptions.Rmi.ALL)).containsExactly("busybox:stable", "demo-app");
    assertThat(all).contains("image:demo-app").doesNotContain("image:busybox");
  }
}
