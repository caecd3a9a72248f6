package io.berth.planner;

import io.berth.model.hash.ConfigHash;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.Mount;
import io.berth.model.spec.Network;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.model.spec.Volume;
import io.berth.planner.graph.ServiceGraph;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.plan.Action;
import io.berth.planner.plan.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Diffs the project against what the Engine holds and plans {@code up}: create what is missing,
 * keep what matches, recreate what diverged, start what is stopped. Pure: the same inputs give the
 * same plan.
 */
public final class Reconciler {
  private final Project project;
  private final ObservedState observed;
  private final UpOptions options;
  private final ServiceGraph graph;
  private final Map<String, String> imageIds;
  private final Plan.Builder plan = new Plan.Builder();
  private final Map<String, Integer> networkNodes = new HashMap<>();
  private final Map<String, Integer> volumeNodes = new HashMap<>();
  /** The node after which each service counts as started, for services the plan starts. */
  private final Map<String, List<Integer>> startNodes = new HashMap<>();
  private final Map<String, Integer> waitNodes = new HashMap<>();
  /** The nodes that create each service's containers, for services that share its namespaces. */
  private final Map<String, List<Integer>> createNodes = new HashMap<>();
  /**
   * The nodes after which each service's containers exist under their names (a create, or a
   * recreate's rename): with {@code noStart} nothing starts, and a service is created after its
   * dependencies instead, as Compose's create does.
   */
  private final Map<String, List<Integer>> containersReady = new HashMap<>();
  /** Services with a container the plan recreates: containers sharing their namespaces must follow. */
  private final Set<String> recreatedServices = new HashSet<>();
  /** Containers of dependents stopped because a dependency with {@code restart: true} is recreated, by id. */
  private final Map<String, Integer> stoppedForRestart = new HashMap<>();
  /**
   * The starts of the service being converged, when it has {@code pre_start} steps: held back
   * until all its replicas are planned, since whether the steps run depends on all of them.
   */
  private final List<PendingStart> pendingStarts = new ArrayList<>();

  private record PendingStart(String container, int number, String resource, String cause, List<Integer> deps) {}

  private Reconciler(Project project, ObservedState observed, UpOptions options, Map<String, String> imageIds) {
    this.project = project;
    this.observed = observed;
    this.options = options;
    this.graph = ServiceGraph.of(project);
    this.imageIds = Map.copyOf(imageIds);
  }

  public static Plan reconcile(Project project, ObservedState observed, UpOptions options) {
    return reconcile(project, observed, options, Map.of());
  }

  /**
   * @param imageIds the id of each service's image as it is now, where known: a container created
   *     from another image (a rebuild, a newer pull) is recreated
   */
  public static Plan reconcile(Project project, ObservedState observed, UpOptions options, Map<String, String> imageIds) {
    return new Reconciler(project, observed, options, imageIds).plan();
  }

  /**
   * Volumes that exist under the project's label but differ from the file (driver, driver options
   * or labels). They are never recreated to fix it: that would lose their data. The caller warns,
   * as Compose does.
   */
  public static List<String> divergedVolumes(Project project, ObservedState observed) {
    List<String> out = new ArrayList<>();
    for (Volume v : project.volumes().values()) {
      if (v.external()) {
        continue;
      }
      observed.volume(v.name()).ifPresent(o -> {
        String wantedDriver = v.driver().isEmpty() ? "local" : v.driver();
        if (!wantedDriver.equals(o.driver()) || !contained(v.labels(), o.labels()) || !contained(v.driverOpts(), o.options())) {
          out.add(v.name());
        }
      });
    }
    return out;
  }

  /**
   * Networks that exist under the project's label but differ from the file (driver, driver
   * options, labels, internal, IPv6). Reported, never removed: containers outside this run may
   * still use them, and removing one is the user's call ({@code down}).
   */
  public static List<String> divergedNetworks(Project project, ObservedState observed) {
    List<String> out = new ArrayList<>();
    for (Network n : project.networks().values()) {
      if (n.external()) {
        continue;
      }
      observed.network(n.name()).ifPresent(o -> {
        String wantedDriver = n.driver().isEmpty() ? "bridge" : n.driver();
        if (!wantedDriver.equals(o.driver()) || !contained(n.labels(), o.labels()) || !contained(n.driverOpts(), o.options())
            || n.internal() != o.internal() || (n.enableIpv6() && !o.enableIpv6())) {
          out.add(n.name());
        }
      });
    }
    return out;
  }

  /**
   * Compose's warnings for the networks and volumes the project declares that exist but that it did
   * not create (another project's, or made outside Compose): they are used as they are, and the
   * user is told to say so with {@code external: true}. Networks first, as Compose checks them first.
   */
  public static List<String> foreignResourceWarnings(Project project, ObservedState observed) {
    List<String> out = new ArrayList<>();
    for (Network n : project.networks().values()) {
      String owner = n.external() ? null : observed.outside().foreignNetworks().get(n.name());
      if (owner != null) {
        out.add(owner.isEmpty()
            ? "a network with name " + n.name() + " exists but was not created by compose. Set `external: true` to use an existing network"
            : "a network with name " + n.name() + " exists but was not created for project \"" + project.name()
                + "\". Set `external: true` to use an existing network");
      }
    }
    for (Volume v : project.volumes().values()) {
      String owner = v.external() ? null : observed.outside().foreignVolumes().get(v.name());
      if (owner != null) {
        out.add(owner.isEmpty()
            ? "volume \"" + v.name() + "\" already exists but was not created by Docker Compose. Use `external: true` to use an existing volume"
            : "volume \"" + v.name() + "\" already exists but was created for project \"" + owner + "\" (expected \"" + project.name()
                + "\"). Use `external: true` to use an existing volume");
      }
    }
    return out;
  }

  /** Every entry the file asks for is there with the same value; what the Engine or Compose added is ignored. */
  private static boolean contained(Map<String, String> wanted, Map<String, String> actual) {
    return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
  }

  /**
   * The project's orphans, as Compose counts them: containers whose service is no longer in it,
   * and one-off ({@code run}) containers that have ended, whatever their service; a one-off still
   * running is in use and left alone.
   */
  public static List<ObservedContainer> orphans(Project project, ObservedState observed) {
    return observed.containers().stream()
        .filter(c -> c.oneoff() ? c.ended() : !project.services().containsKey(c.service()))
        .toList();
  }

  private Plan plan() {
    List<String> services = selectedServices();
    requireExternalResources(services);
    services.forEach(this::ensureResources);
    if (options.allResources()) {
      project.networks().keySet().forEach(this::ensureNetwork);
      project.volumes().keySet().forEach(this::ensureVolume);
    }
    for (String s : services) {
      converge(project.service(s));
    }
    if (options.removeOrphans()) {
      removeOrphans();
    }
    return plan.build();
  }

  private void removeOrphans() {
    for (ObservedContainer orphan : orphans(project, observed)) {
      String resource = Names.serviceResource(orphan.service(), orphan.number());
      List<Integer> deps = List.of();
      if (orphan.running()) {
        deps = List.of(plan.add(new Action.StopContainer(orphan.service(), orphan.id(), orphan.name(), options.stopTimeout()), resource, "orphan", deps));
      }
      plan.add(removal(orphan), resource, "orphan", deps);
    }
  }

  /**
   * What a one-off container of {@code service} ({@code run}) needs before it is created: the
   * networks and named volumes it uses that do not exist yet. External ones must exist.
   */
  public static Plan resourcesFor(Project project, ObservedState observed, String service) {
    return resourcesFor(project, observed, service, false);
  }

  /**
   * {@link #resourcesFor(Project, ObservedState, String)}, and with {@code removeOrphans} ({@code run
   * --remove-orphans}) the removal of the containers of services no longer in the project.
   */
  public static Plan resourcesFor(Project project, ObservedState observed, String service, boolean removeOrphans) {
    Reconciler r = new Reconciler(project, observed, UpOptions.defaults(), Map.of());
    r.requireExternalResources(List.of(service));
    r.ensureResources(service);
    if (removeOrphans) {
      r.removeOrphans();
    }
    return r.plan.build();
  }

  /** The networks and named volumes {@code service} uses, created where they do not exist yet. */
  private void ensureResources(String service) {
    Service s = project.service(service);
    s.networks().forEach(this::ensureNetwork);
    s.volumes().stream()
        .filter(m -> m.type() == Mount.Type.VOLUME && !m.source().isEmpty())
        .forEach(m -> ensureVolume(m.source()));
  }

  /** The services {@code up} acts on: those named (with their dependencies unless --no-deps), else all, in start order. */
  public static List<String> selectedServices(Project project, UpOptions options) {
    return new Reconciler(project, ObservedState.empty(project.name()), options, Map.of()).selectedServices();
  }

  private List<String> selectedServices() {
    if (options.services().isEmpty()) {
      return graph.startOrder();
    }
    for (String s : options.services()) {
      if (!graph.contains(s)) {
        throw new PlanException("no such service: " + s);
      }
    }
    if (options.noDeps()) {
      return graph.startOrder().stream().filter(options.services()::contains).toList();
    }
    return graph.withDependencies(options.services());
  }

  /** External networks and volumes are the user's to create: their absence stops the plan before anything changes. */
  private void requireExternalResources(List<String> services) {
    for (String s : services) {
      Service service = project.service(s);
      for (String key : service.networks()) {
        Network network = project.networks().get(key);
        if (network != null && network.external() && !observed.outside().networks().contains(network.name())) {
          throw new PlanException("network " + network.name() + " declared as external, but could not be found");
        }
      }
      for (Mount m : service.volumes()) {
        Volume volume = m.type() == Mount.Type.VOLUME ? project.volumes().get(m.source()) : null;
        if (volume != null && volume.external() && !observed.outside().volumes().contains(volume.name())) {
          throw new PlanException("external volume \"" + volume.name() + "\" not found");
        }
      }
    }
  }

  /** A name held by a container outside the project is never taken from it: the user must free it. */
  private void requireFreeName(Service service, String name) {
    String holder = observed.outside().containerNames().get(name);
    if (holder != null) {
      throw new PlanException("service \"" + service.name() + "\": the container name \"/" + name
          + "\" is already in use by container \"" + holder + "\", which is not part of project " + project.name()
          + ". You have to remove (or rename) that container to be able to reuse that name.");
    }
  }

  private void ensureNetwork(String key) {
    Network network = project.networks().get(key);
    if (network == null || network.external() || networkNodes.containsKey(key)) {
      return;
    }
    // One of that name made by another project, or not by Compose, is used as it is: Compose warns and creates nothing.
    if (observed.network(network.name()).isEmpty() && !observed.outside().foreignNetworks().containsKey(network.name())) {
      networkNodes.put(key, plan.add(new Action.CreateNetwork(network), "network:" + key, "not found", List.of()));
    }
  }

  private void ensureVolume(String key) {
    Volume volume = project.volumes().get(key);
    if (volume == null || volume.external() || volumeNodes.containsKey(key)) {
      return;
    }
    if (observed.volume(volume.name()).isEmpty() && !observed.outside().foreignVolumes().containsKey(volume.name())) {
      volumeNodes.put(key, plan.add(new Action.CreateVolume(volume), "volume:" + key, "not found", List.of()));
    }
  }

  private void converge(Service service) {
    requireSharedContainers(service);
    String hash = ConfigHash.of(service, referencedContainers());
    List<Integer> resources = join(resourceNodes(service), namespaceOwnerCreates(service));
    if (options.noStart()) {
      for (String dependency : graph.dependencies(service.name())) {
        resources = join(resources, containersReady.getOrDefault(dependency, List.of()));
      }
    }
    List<Integer> created = new ArrayList<>();
    // Only a service that starts waits for its dependencies: computed on first use, so that an
    // unchanged service adds no wait nodes to the plan.
    List<List<Integer>> memo = new ArrayList<>();
    Supplier<List<Integer>> dependencies = () -> {
      if (memo.isEmpty()) {
        memo.add(dependencyStartNodes(service));
      }
      return memo.get(0);
    };
    String imageId = imageIds.get(service.name());
    List<ReplicaSlot> slots = ReplicaSlot.of(observed.containersOf(service.name()),
        n -> Names.container(project, service, n), c -> recreateCause(service, c, hash, imageId).isEmpty());
    int wanted = options.scale().getOrDefault(service.name(), service.scale().orElse(1));
    List<Integer> started = new ArrayList<>();

    // Scale down first, as Compose sorts them: the replicas that would be recreated go first, so
    // that a scale-down drops what is out of date rather than recreating it, then the highest numbers.
    List<ReplicaSlot> byRemovalOrder = new ArrayList<>(slots);
    byRemovalOrder.sort(Comparator.comparing((ReplicaSlot s) -> recreateCause(service, s.base(), hash, imageId).isEmpty())
        .thenComparing(Comparator.comparingInt(ReplicaSlot::number).reversed()));
    List<ReplicaSlot> removed = byRemovalOrder.subList(0, Math.max(0, slots.size() - wanted));
    for (ReplicaSlot extra : removed) {
      String resource = Names.serviceResource(service.name(), extra.number());
      String cause = "scale " + slots.size() + "->" + wanted;
      List<Integer> leftoversGone = new ArrayList<>();
      for (ObservedContainer c : extra.leftovers()) {
        leftoversGone.add(stopAndRemove(service, c, resource, cause, List.of(), false));
      }
      // The slot's anonymous volumes go with its base, once no leftover of it still holds them.
      stopAndRemove(service, extra.base(), resource, cause, leftoversGone, true);
    }

    for (ReplicaSlot slot : slots) {
      if (removed.contains(slot)) {
        continue;
      }
      ObservedContainer current = slot.base();
      String name = Names.container(project, service, current.number());
      String resource = Names.serviceResource(service.name(), current.number());
      // What an interrupted recreate left beside the base goes first: it may hold the name the
      // replacement is created under, or ports and addresses the base needs to start.
      List<Integer> tidied = new ArrayList<>();
      for (ObservedContainer leftover : slot.leftovers()) {
        tidied.add(stopAndRemove(service, leftover, resource, "left by an interrupted recreate", List.of(), false));
      }
      Optional<String> recreateCause = recreateCause(service, current, hash, imageId);
      Integer last = null;
      Integer stoppedForDependency = stoppedForRestart.get(current.id());
      if (recreateCause.isPresent()) {
        recreatedServices.add(service.name());
        last = recreate(service, current, current.number(), name, hash, resource, recreateCause.get(),
            join(resources, tidied), dependencies.get());
      } else if (!current.name().equals(name)) {
        // A replacement left under its temporary name by an interrupted recreate: finish the job.
        int rename = plan.add(new Action.RenameContainer(service.name(), current.name(), name), resource,
            "interrupted recreate", tidied);
        containersReady.computeIfAbsent(service.name(), k -> new ArrayList<>()).add(rename);
        last = current.running() ? null : start(service, current.number(), name, resource, "not running", join(List.of(rename), dependencies.get()));
      } else if (stoppedForDependency != null) {
        last = start(service, current.number(), current.name(), resource, "dependency recreated",
            join(join(List.of(stoppedForDependency), tidied), dependencies.get()));
      } else if (!current.running()) {
        last = start(service, current.number(), current.name(), resource, "not running", join(tidied, dependencies.get()));
      }
      if (last != null) {
        started.add(last);
      }
    }

    // As Compose, a dependent that keeps running is not done before the dependencies started now
    // meet its conditions (a db started again must be healthy again before up returns).
    boolean keepsRunning = slots.stream().anyMatch(s -> !removed.contains(s) && s.base().running());
    if (keepsRunning && started.isEmpty() && restartsAConditionalDependency(service)) {
      dependencies.get();
    }

    // Scale up with the lowest numbers not in use.
    Set<Integer> taken = new HashSet<>();
    slots.forEach(s -> taken.add(s.number()));
    int missing = wanted - (slots.size() - removed.size());
    for (int number = 1; missing > 0; number++) {
      if (taken.contains(number)) {
        continue;
      }
      missing--;
      String name = Names.container(project, service, number);
      String resource = Names.serviceResource(service.name(), number);
      String cause = slots.isEmpty() ? "not found" : "scale " + slots.size() + "->" + wanted;
      requireFreeName(service, name);
      int create = plan.add(new Action.CreateContainer(service.name(), number, name, hash, ""), resource, cause, resources);
      created.add(create);
      containersReady.computeIfAbsent(service.name(), k -> new ArrayList<>()).add(create);
      Integer last = start(service, number, name, resource, "created", join(List.of(create), dependencies.get()));
      if (last != null) {
        started.add(last);
      }
    }
    started.addAll(startPending(service, slots.size() - removed.size() + created.size()));
    startNodes.put(service.name(), started);
    createNodes.put(service.name(), created);
  }

  /**
   * Stops {@code c} if it runs, then removes it; returns the removal. A leftover of an interrupted
   * recreate keeps its anonymous volumes ({@code withVolumes} false): they are its slot's data, which
   * the base still holds or is about to be handed.
   */
  private int stopAndRemove(Service service, ObservedContainer c, String resource, String cause, List<Integer> after,
      boolean withVolumes) {
    List<Integer> deps = after;
    if (c.running()) {
      deps = List.of(plan.add(new Action.StopContainer(service.name(), c.id(), c.name(), grace(service)), resource, cause, after));
    }
    Action.RemoveContainer removal = withVolumes ? removal(c) : new Action.RemoveContainer(service.name(), c.id(), c.name(), false);
    return plan.add(removal, resource, cause, deps);
  }

  /**
   * Removes a container that {@code up} replaces or no longer wants, with its anonymous volumes:
   * nothing would ever mount them again, and they would pile up. A replacement that took them over
   * was created before this removal and holds them, and the Engine removes no volume in use.
   */
  private Action.RemoveContainer removal(ObservedContainer container) {
    return new Action.RemoveContainer(container.service(), container.id(), container.name(), true,
        AnonymousVolumes.of(container, observed, Optional.of(project)));
  }

  /**
   * Replaces a container the way Compose does, so a container of the service exists at every
   * moment: create the new one under a temporary name, stop and remove the old, rename the new.
   */
  private Integer recreate(Service service, ObservedContainer old, int number, String name, String hash,
      String resource, String cause, List<Integer> resources, List<Integer> dependencies) {
    String temporary = Names.replacement(old.id(), name);
    String group = Names.recreateGroup(service.name(), number);
    List<Integer> createAfter = join(resources, stopDependentsForRestart(service));
    int create = plan.add(new Action.CreateContainer(service.name(), number, temporary, hash, old.id(), !options.renewAnonVolumes()),
        resource, cause, createAfter, group);
    Integer stoppedAlready = stoppedForRestart.get(old.id());
    int stop = stoppedAlready != null ? stoppedAlready
        : plan.add(new Action.StopContainer(service.name(), old.id(), old.name(), grace(service)), resource, "replaced by #" + create, List.of(create), group);
    List<Integer> removeAfter = stoppedAlready != null ? List.of(stop, create) : List.of(stop);
    int remove = plan.add(removal(old), resource, "replaced by #" + create, removeAfter, group);
    int rename = plan.add(new Action.RenameContainer(service.name(), temporary, name), resource, "replaces " + old.shortId(), List.of(remove), group);
    containersReady.computeIfAbsent(service.name(), k -> new ArrayList<>()).add(rename);
    return start(service, number, name, resource, "recreated", join(List.of(rename), dependencies));
  }

  /**
   * Each service's container that {@code service:NAME} and {@code volumes_from} resolve to, as the
   * Engine holds them now; computed once per plan.
   */
  private Map<String, String> referencedContainers() {
    if (referencedContainers == null) {
      Map<String, Map<String, String>> idsByNameByService = new HashMap<>();
      for (ObservedContainer c : observed.containers()) {
        if (!c.oneoff()) {
          idsByNameByService.computeIfAbsent(c.service(), k -> new HashMap<>()).put(c.name(), c.id());
        }
      }
      Map<String, String> out = new HashMap<>();
      idsByNameByService.forEach((service, ids) -> ConfigHash.referencedContainer(ids).ifPresent(id -> out.put(service, id)));
      referencedContainers = out;
    }
    return referencedContainers;
  }

  private Map<String, String> referencedContainers;

  /**
   * {@code depends_on: {x: {restart: true}}}: when x is recreated, its dependents' running
   * containers are stopped first and started again after x, as Compose does.
   */
  private List<Integer> stopDependentsForRestart(Service dependency) {
    List<Integer> out = new ArrayList<>();
    for (Service dependent : project.services().values()) {
      Dependency d = dependent.dependsOn().get(dependency.name());
      if (d == null || !d.restart()) {
        continue;
      }
      for (ObservedContainer c : observed.containersOf(dependent.name())) {
        if (c.running() && !stoppedForRestart.containsKey(c.id())) {
          int stop = plan.add(new Action.StopContainer(dependent.name(), c.id(), c.name(),
              grace(dependent)),
              Names.serviceResource(dependent.name(), c.number()), "dependency " + dependency.name() + " being recreated", List.of());
          stoppedForRestart.put(c.id(), stop);
          out.add(stop);
        }
      }
    }
    return out;
  }

  /**
   * A container that joined the network, IPC or PID namespace of a service's container
   * ({@code service:NAME}), or mounts its volumes ({@code volumes_from}), names that container by
   * id: when it is recreated, so must this one be.
   */
  private Optional<String> recreatedNamespaceOwner(Service service) {
    var o = service.options();
    for (Optional<String> mode : List.of(o.networkMode(), o.ipc(), o.pid())) {
      Optional<String> owner = mode.filter(m -> m.startsWith("service:")).map(m -> m.substring("service:".length()))
          .filter(recreatedServices::contains);
      if (owner.isPresent()) {
        return owner;
      }
    }
    for (String owner : service.extras().links().volumesFromServices()) {
      if (recreatedServices.contains(owner)) {
        return Optional.of(owner);
      }
    }
    return Optional.empty();
  }

  /**
   * As Compose: a service mounting another's volumes or joining its network, IPC or PID namespace
   * needs a container of it, existing or created by this plan ({@code up --no-deps} after that
   * container was removed has none).
   */
  private void requireSharedContainers(Service service) {
    var o = service.options();
    Map<String, Optional<String>> modes = new java.util.LinkedHashMap<>();
    modes.put("network namespace", o.networkMode());
    modes.put("IPC namespace", o.ipc());
    modes.put("PID namespace", o.pid());
    for (String owner : service.extras().links().volumesFromServices()) {
      requireContainerOf(owner, "volume");
    }
    modes.forEach((what, mode) -> mode.filter(m -> m.startsWith("service:"))
        .ifPresent(m -> requireContainerOf(m.substring("service:".length()), what)));
  }

  private void requireContainerOf(String owner, String what) {
    if (observed.containersOf(owner).isEmpty() && createNodes.getOrDefault(owner, List.of()).isEmpty()) {
      throw new PlanException("cannot share " + what + " with service " + owner + ": container missing");
    }
  }

  /**
   * A container joining another service's network, IPC or PID namespace ({@code service:NAME}),
   * linking to it or mounting its volumes can only be created once that service's containers exist.
   */
  private List<Integer> namespaceOwnerCreates(Service service) {
    List<Integer> out = new ArrayList<>();
    var o = service.options();
    for (Optional<String> mode : List.of(o.networkMode(), o.ipc(), o.pid())) {
      mode.filter(m -> m.startsWith("service:"))
          .ifPresent(m -> out.addAll(createNodes.getOrDefault(m.substring("service:".length()), List.of())));
    }
    // Legacy links and volumes_from name the other service's containers in the create call.
    var links = service.extras().links();
    for (String other : java.util.stream.Stream.concat(links.linkedServices().stream(), links.volumesFromServices().stream()).toList()) {
      out.addAll(createNodes.getOrDefault(other, List.of()));
    }
    return out;
  }

  /** The grace period of a stop of one of {@code service}'s containers: {@code up -t}, else its stop_grace_period. */
  private Optional<Integer> grace(Service service) {
    return options.stopTimeoutFor(Names.gracePeriod(Optional.of(project), service.name()));
  }

  private Integer start(Service service, int number, String container, String resource, String cause, List<Integer> deps) {
    if (options.noStart()) {
      return null;
    }
    if (!service.extras().preStart().isEmpty()) {
      pendingStarts.add(new PendingStart(container, number, resource, cause, deps));
      return null;
    }
    return plan.add(new Action.StartContainer(service.name(), container), resource, cause, deps);
  }

  /**
   * Plans the starts held back for a service with {@code pre_start} steps. As Compose, the steps run
   * only when every one of the service's {@code containers} is to be started (a first up, a
   * recreate, a forced one), not when a replica is left running (an unchanged re-up, a scale up);
   * they run once, with the volumes of the lowest-numbered replica, after everything each start
   * waits for, and every start waits for them.
   */
  private List<Integer> startPending(Service service, int containers) {
    if (pendingStarts.isEmpty()) {
      return List.of();
    }
    List<Integer> preStart = List.of();
    if (pendingStarts.size() == containers) {
      PendingStart first = pendingStarts.stream().min(Comparator.comparingInt(PendingStart::number)).orElseThrow();
      Set<Integer> after = new LinkedHashSet<>();
      pendingStarts.forEach(p -> after.addAll(p.deps()));
      preStart = List.of(plan.add(new Action.RunPreStart(service.name(), first.container()), first.resource(),
          "no replica running", List.copyOf(after)));
    }
    List<Integer> out = new ArrayList<>();
    for (PendingStart p : pendingStarts) {
      out.add(plan.add(new Action.StartContainer(service.name(), p.container()), p.resource(), p.cause(), join(p.deps(), preStart)));
    }
    pendingStarts.clear();
    return out;
  }

  private Optional<String> recreateCause(Service service, ObservedContainer container, String hash, String imageId) {
    return switch (options.recreateFor(service.name())) {
      case NEVER -> Optional.empty();
      case FORCE -> Optional.of("forced");
      case DIVERGED -> recreatedNamespaceOwner(service).map(owner -> "namespace owner " + owner + " recreated")
          .or(() -> !container.configHash().equals(hash) ? Optional.of("config hash changed")
              : imageId != null && !imageId.equals(container.imageId()) ? Optional.of("image changed")
              : missingVolume(service, container).map(v -> "volume " + v + " not mounted"));
    };
  }

  /**
   * A named volume the service mounts that the container does not have, as Compose's
   * checkExpectedVolumes finds it: the file's entry is unchanged (same key, so the same config
   * hash), but the volume behind the key is another, e.g. an external volume's {@code name:} changed.
   * A container whose mounts are not known (none observed) is taken as it is.
   */
  private Optional<String> missingVolume(Service service, ObservedContainer container) {
    if (container.volumeMounts().isEmpty()) {
      return Optional.empty();
    }
    return service.volumes().stream()
        .filter(m -> m.type() == Mount.Type.VOLUME && !m.source().isEmpty())
        .map(m -> project.volumes().get(m.source()))
        .filter(v -> v != null && !container.volumeMounts().containsValue(v.name()))
        .map(Volume::name)
        .findFirst();
  }

  private List<Integer> resourceNodes(Service service) {
    Set<Integer> out = new LinkedHashSet<>();
    service.networks().stream().map(networkNodes::get).filter(id -> id != null).forEach(out::add);
    service.volumes().stream()
        .filter(m -> m.type() == Mount.Type.VOLUME)
        .map(m -> volumeNodes.get(m.source()))
        .filter(id -> id != null)
        .forEach(out::add);
    return List.copyOf(out);
  }

  /**
   * What a service's start waits for: each dependency's start, and for a dependency whose condition
   * is more than {@code service_started}, a wait for that condition (one per dependency and
   * condition, shared by every dependent).
   */
  private List<Integer> dependencyStartNodes(Service service) {
    List<Integer> out = new ArrayList<>();
    for (String dependency : graph.dependencies(service.name())) {
      List<Integer> started = startNodes.getOrDefault(dependency, List.of());
      Dependency condition = service.dependsOn().get(dependency);
      if (condition == null || condition.condition().equals(Dependency.SERVICE_STARTED) || options.noStart()) {
        out.addAll(started);
        continue;
      }
      String key = dependency + "|" + condition.condition() + "|" + condition.required();
      Integer wait = waitNodes.get(key);
      if (wait == null) {
        Service dep = project.service(dependency);
        wait = plan.add(new Action.WaitContainer(dependency, Names.container(project, dep, 1), condition.condition(),
            condition.required()), Names.serviceResource(dependency, 1), condition.condition(), started);
        waitNodes.put(key, wait);
      }
      out.add(wait);
    }
    return out;
  }

  /** Whether this plan starts a dependency {@code service} waits on with more than {@code service_started}. */
  private boolean restartsAConditionalDependency(Service service) {
    if (options.noStart()) {
      return false;
    }
    return graph.dependencies(service.name()).stream().anyMatch(dependency -> {
      Dependency condition = service.dependsOn().get(dependency);
      return condition != null && !condition.condition().equals(Dependency.SERVICE_STARTED)
          && !startNodes.getOrDefault(dependency, List.of()).isEmpty();
    });
  }

  private static List<Integer> join(List<Integer> a, List<Integer> b) {
    List<Integer> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
