package io.berth.planner;

import static io.berth.planner.Fixtures.project;
import static io.berth.planner.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.Links;
import io.berth.model.spec.Service;
import io.berth.model.spec.ServiceExtras;
import java.util.List;
import io.berth.planner.graph.ServiceGraph;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceGraphTest {
  @Test
  void startOrderPutsDependenciesFirstAndTiesByName() {
    ServiceGraph g = ServiceGraph.of(project(service("web", "api"), service("api", "db"), service("db"), service("cache")));

    assertThat(g.startOrder()).containsExactly("cache", "db", "api", "web");
    assertThat(g.dependents("db")).containsExactly("api");
    assertThat(g.withDependencies(Set.of("api"))).containsExactly("db", "api");
  }

  @Test
  void cycleIsAnErrorNamingTheWholeCycleAndWhereItStarts() {
    assertThatThrownBy(() -> ServiceGraph.of(project(service("a", "b"), service("b", "c"), service("c", "a"), service("d"))))
        .isInstanceOf(ComposeModelException.class)
        .hasMessage("/p/compose.yaml:2:3: services.a.depends_on: dependency cycle detected: a -> b -> c -> a");
  }

  @Test
  void selfDependencyIsACycle() {
    assertThatThrownBy(() -> ServiceGraph.of(project(service("a", "a"))))
        .hasMessageEndingWith("dependency cycle detected: a -> a");
  }

  @Test
  void dependencyOnAMissingServiceIsAnError() {
    assertThatThrownBy(() -> ServiceGraph.of(project(service("a", "nope"))))
        .isInstanceOf(ComposeModelException.class)
        .hasMessageContaining("service \"a\" depends on undefined service \"nope\"");
  }

  private static Service withLinks(Service s, Links links) {
    ServiceExtras x = s.extras();
    return s.withExtras(new ServiceExtras(x.engine(), links, x.deploy(), x.attach(), x.postStart(), x.preStop(),
        x.develop(), x.provider(), x.models(), x.useApiSocket(), x.pullRefreshAfter(), x.endpoints(), x.preStart()));
  }

  @Test
  void linksAndVolumesFromAreImplicitDependencies() {
    ServiceGraph g = ServiceGraph.of(project(
        withLinks(service("web"), new Links(List.of("api:backend"), List.of("outside:o"), List.of())),
        withLinks(service("api"), new Links(List.of(), List.of(), List.of("data:ro", "container:legacy"))),
        service("data"), service("aaa")));

    assertThat(g.dependencies("web")).containsExactly("api");
    assertThat(g.dependencies("api")).containsExactly("data");
    assertThat(g.startOrder()).containsExactly("aaa", "data", "api", "web");
  }

  @Test
  void aLinkCycleIsACycle() {
    assertThatThrownBy(() -> ServiceGraph.of(project(withLinks(service("a"), new Links(List.of("b"), List.of(), List.of())),
        withLinks(service("b"), new Links(List.of(), List.of(), List.of("a"))))))
        .hasMessageContaining("dependency cycle detected");
  }
}
