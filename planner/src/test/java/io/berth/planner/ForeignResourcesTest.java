package io.berth.planner;

import static io.berth.planner.Fixtures.project;
import static io.berth.planner.Fixtures.service;
import static io.berth.planner.Fixtures.withVolume;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.spec.Project;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.observed.Outside;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A declared network or volume whose name a resource the project did not create holds: used as it is, as Compose. */
class ForeignResourcesTest {
  private final Project demo = project(withVolume(service("db"), "data", "/data"));

  @Test
  void anotherProjectsVolumeAndNetworkAreNeitherCreatedNorTouched() {
    ObservedState observed = ObservedState.empty("demo")
        .withOutside(new Outside(Set.of(), Set.of(), Map.of(), Map.of("demo_default", "other"), Map.of("demo_data", "other")));

    assertThat(Reconciler.reconcile(demo, observed, UpOptions.defaults()).render()).isEqualTo("""
        [] -> #1 service:db:1, CreateContainer, not found
        [1] -> #2 service:db:1, StartContainer, created
        """);
    assertThat(Reconciler.foreignResourceWarnings(demo, observed)).containsExactly(
        "a network with name demo_default exists but was not created for project \"demo\". Set `external: true` to use an existing network",
        "volume \"demo_data\" already exists but was created for project \"other\" (expected \"demo\")."
            + " Use `external: true` to use an existing volume");
  }

  @Test
  void onesMadeOutsideComposeGetComposesOtherWords() {
    ObservedState observed = ObservedState.empty("demo")
        .withOutside(new Outside(Set.of(), Set.of(), Map.of(), Map.of("demo_default", ""), Map.of("demo_data", "")));

    assertThat(Reconciler.foreignResourceWarnings(demo, observed)).containsExactly(
        "a network with name demo_default exists but was not created by compose. Set `external: true` to use an existing network",
        "volume \"demo_data\" already exists but was not created by Docker Compose. Use `external: true` to use an existing volume");
  }

  @Test
  void withNothingForeignTheyAreCreatedAndNothingIsSaid() {
    ObservedState observed = ObservedState.empty("demo");

    assertThat(Reconciler.reconcile(demo, observed, UpOptions.defaults()).render())
        .contains("CreateNetwork").contains("CreateVolume");
    assertThat(Reconciler.foreignResourceWarnings(demo, observed)).isEmpty();
  }
}
