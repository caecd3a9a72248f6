package io.berth.planner;

import static io.berth.planner.Fixtures.defaultNetwork;
import static io.berth.planner.Fixtures.project;
import static io.berth.planner.Fixtures.running;
import static io.berth.planner.Fixtures.service;
import static io.berth.planner.Fixtures.withEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.spec.ContainerOptions;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.Network;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.UpOptions.Recreate;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.observed.Outside;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Golden plans for how a service's dependencies are treated: {@code --always-recreate-deps},
 * strategies that apply to the named services only, {@code depends_on.restart}, shared namespaces,
 * and what outside the project stops a plan (a missing external network, a name taken).
 */
class ReconcilerDependencyTest {
  private final Service db = service("db");
  private final Service web = service("web", "db");
  private final Project stack = project(web, db);
  private final ObservedState upToDate = new ObservedState("demo", List.of(running(web), running(db)),
      List.of(defaultNetwork()), List.of());

  private static UpOptions named(String service, Recreate recreate, Recreate dependencies) {
    return new UpOptions(Set.of(service), false, recreate, false, false, false, Map.of(), false, dependencies);
  }

  @Test
  void forceRecreateOfANamedServiceLeavesItsUnchangedDependencyAlone() {
    String plan = Reconciler.reconcile(stack, upToDate, named("web", Recreate.FORCE, Recreate.DIVERGED)).render();

    String old = running(web).shortId();
    assertThat(plan).isEqualTo("""
        [] -> #1 service:web:1, CreateContainer, forced [recreate:web:1]
        [1] -> #2 service:web:1, StopContainer, replaced by #1 [recreate:web:1]
        [2] -> #3 service:web:1, RemoveContainer, replaced by #1 [recreate:web:1]
        [3] -> #4 service:web:1, RenameContainer, replaces %s [recreate:web:1]
        [4] -> #5 service:web:1, StartContainer, recreated
        """.formatted(old));
  }

  @Test
  void alwaysRecreateDepsRecreatesTheDependencyOfANamedService() {
    String plan = Reconciler.reconcile(stack, upToDate, named("web", Recreate.DIVERGED, Recreate.FORCE)).render();

    assertThat(plan).isEqualTo("""
        [] -> #1 service:db:1, CreateContainer, forced [recreate:db:1]
        [1] -> #2 service:db:1, StopContainer, replaced by #1 [recreate:db:1]
        [2] -> #3 service:db:1, RemoveContainer, replaced by #1 [recreate:db:1]
        [3] -> #4 service:db:1, RenameContainer, replaces %s [recreate:db:1]
        [4] -> #5 service:db:1, StartContainer, recreated
        """.formatted(running(db).shortId()));
  }

  @Test
  void aChangedDependencyIsRecreatedAloneWithoutAlwaysRecreateDeps() {
    Service changedDb = withEnvironment(db, "MODE", "fast");
    Project p = project(web, changedDb);

    String plan = Reconciler.reconcile(p, upToDate, named("web", Recreate.DIVERGED, Recreate.DIVERGED)).render();

    assertThat(plan).contains("service:db:1, CreateContainer, config hash changed").doesNotContain("service:web:1");
  }

  @Test
  void noRecreateLeavesAChangedDependencyAsItIs() {
    Project p = project(web, withEnvironment(db, "MODE", "fast"));

    assertThat(Reconciler.reconcile(p, upToDate, named("web", Recreate.NEVER, Recreate.NEVER)).isEmpty()).isTrue();
  }

  @Test
  void aDependencyWithRestartTrueStopsItsDependentsBeforeTheRecreateAndStartsThemAfter() {
    Service restartingWeb = service("web").withDependsOn(Map.of("db", new Dependency(Dependency.SERVICE_STARTED, true, true)));
    Service changedDb = withEnvironment(db, "MODE", "fast");
    ObservedState observed = new ObservedState("demo", List.of(running(restartingWeb), running(db)),
        List.of(defaultNetwork()), List.of());

    String plan = Reconciler.reconcile(project(restartingWeb, changedDb), observed, UpOptions.defaults()).render();

    String oldWeb = running(restartingWeb).id();
    assertThat(plan).isEqualTo("""
        [] -> #1 service:web:1, StopContainer, dependency db being recreated
        [1] -> #2 service:db:1, CreateContainer, config hash changed [recreate:db:1]
        [2] -> #3 service:db:1, StopContainer, replaced by #2 [recreate:db:1]
        [3] -> #4 service:db:1, RemoveContainer, replaced by #2 [recreate:db:1]
        [4] -> #5 service:db:1, RenameContainer, replaces %s [recreate:db:1]
        [5] -> #6 service:db:1, StartContainer, recreated
        [1 6] -> #7 service:web:1, StartContainer, dependency recreated
        """.formatted(running(db).shortId()));
    assertThat(oldWeb).isNotEmpty();
  }

  @Test
  void aContainerInTheNetworkNamespaceOfARecreatedServiceIsRecreatedToo() {
    Service sidecar = withNetworkMode(service("sidecar", "db"), "service:db");
    Service changedDb = withEnvironment(db, "MODE", "fast");
    ObservedState observed = new ObservedState("demo", List.of(running(sidecar), running(db)),
        List.of(defaultNetwork()), List.of());

    String plan = Reconciler.reconcile(project(sidecar, changedDb), observed, UpOptions.defaults()).render();

    assertThat(plan).contains("service:db:1, CreateContainer, config hash changed")
        .contains("service:sidecar:1, CreateContainer, namespace owner db recreated");
  }

  @Test
  void aMissingExternalNetworkStopsThePlanAndAnExistingOneIsUsedAsItIs() {
    Network shared = new Network("shared", "corp-net", "", true, Map.of());
    Service api = withNetworks(service("api"), List.of("shared"));
    Project p = new Project("demo", stack.workingDir(), stack.configFiles(), Map.of("api", api), Map.of("shared", shared),
        Map.of(), Map.of());

    assertThatThrownBy(() -> Reconciler.reconcile(p, ObservedState.empty("demo"), UpOptions.defaults()))
        .isInstanceOf(PlanException.class)
        .hasMessage("network corp-net declared as external, but could not be found");

    ObservedState present = ObservedState.empty("demo").withOutside(new Outside(Set.of("corp-net"), Set.of(), Map.of()));
    assertThat(Reconciler.reconcile(p, present, UpOptions.defaults()).render()).isEqualTo("""
        [] -> #1 service:api:1, CreateContainer, not found
        [1] -> #2 service:api:1, StartContainer, created
        """);
  }

  @Test
  void aContainerNameTakenOutsideTheProjectIsAnErrorNotARemoval() {
    ObservedState taken = ObservedState.empty("demo")
        .withOutside(new Outside(Set.of(), Set.of(), Map.of("demo-db-1", "f00d")));

    assertThatThrownBy(() -> Reconciler.reconcile(stack, taken, UpOptions.defaults()))
        .isInstanceOf(PlanException.class)
        .hasMessage("service \"db\": the container name \"/demo-db-1\" is already in use by container \"f00d\", which is"
            + " not part of project demo. You have to remove (or rename) that container to be able to reuse that name.");
  }

  @Test
  void aTakenNameOfAContainerThatIsKeptDoesNotMatter() {
    ObservedState observed = upToDate.withOutside(new Outside(Set.of(), Set.of(), Map.of("other-web-1", "beef")));

    assertThat(Reconciler.reconcile(stack, observed, UpOptions.defaults()).isEmpty()).isTrue();
  }

  private static Service withNetworkMode(Service s, String mode) {
    ContainerOptions o = s.options();
    ContainerOptions options = new ContainerOptions(o.hostname(), o.domainname(), o.stopSignal(), o.stopGracePeriod(),
        o.init(), o.tty(), o.stdinOpen(), o.privileged(), o.readOnly(), o.capAdd(), o.capDrop(), o.extraHosts(), o.dns(),
        o.dnsSearch(), o.expose(), o.tmpfs(), o.aliases(), Optional.of(mode), o.ipc(), o.pid(), o.usernsMode(),
        o.cgroupParent(), o.runtime(), o.securityOpt(), o.groupAdd(), o.devices(), o.dnsOpt(), o.sysctls(), o.ulimits(),
        o.shmSize(), o.memLimit(), o.memReservation(), o.memswapLimit(), o.cpus(), o.cpuShares(), o.cpuset(),
        o.pidsLimit(), o.oomKillDisable(), o.oomScoreAdj(), o.logging(), o.ipv4Addresses(), o.ipv6Addresses());
    return new Service(s.name(), s.image(), s.command(), s.entrypoint(), s.environment(), s.ports(), s.volumes(),
        s.dependsOn(), s.restart(), s.containerName(), s.labels(), s.workingDir(), s.user(), List.of(), s.build(),
        s.pullPolicy(), s.scale(), s.healthcheck(), s.profiles(), options, s.secrets(), s.configs(), s.pos());
  }

  private static Service withNetworks(Service s, List<String> networks) {
    return new Service(s.name(), s.image(), s.command(), s.entrypoint(), s.environment(), s.ports(), s.volumes(),
        s.dependsOn(), s.restart(), s.containerName(), s.labels(), s.workingDir(), s.user(), networks, s.build(),
        s.pullPolicy(), s.scale(), s.healthcheck(), s.profiles(), s.options(), s.secrets(), s.configs(), s.pos());
  }

}
