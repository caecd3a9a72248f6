package io.berth.executor;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.executor.lock.ProjectLock;
import io.berth.executor.observe.StateCollector;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.run.EngineActions;
import io.berth.executor.run.ExecutionReport;
import io.berth.model.spec.Project;
import io.berth.planner.AnonymousVolumes;
import io.berth.planner.DownPlanner;
import io.berth.planner.ProjectFromContainers;
import io.berth.planner.RestartPlanner;
import io.berth.planner.StartPlanner;
import io.berth.planner.graph.ServiceGraph;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.plan.Action;
import io.berth.planner.plan.Plan;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The commands that change the state of existing containers: {@code start}, {@code stop},
 * {@code restart}, {@code rm}, {@code pause}, {@code unpause}. Ordered ones run as plans; the
 * others act on every selected container at once.
 */
public final class Lifecycle {
  private final EngineSession session;

  public Lifecycle(EngineSession session) {
    this.session = session;
  }

  /**
   * The project as its containers describe it, for a command given a project name but no file.
   *
   * @param requireContainers whether a project without containers is an error
   * @throws EngineException in Compose's words when the project has no container and one is required
   */
  public Project projectFromContainers(String name, boolean requireContainers) {
    ObservedState observed = observe(name);
    if (observed.containers().isEmpty() && requireContainers) {
      throw new EngineException("no container found for project \"" + name + "\": not found");
    }
    return ProjectFromContainers.of(observed);
  }

  public PlanResult start(Project project, Set<String> services) {
    try (ProjectLock.Lease lock = session.lock(project.name(), "start")) {
      return run(project, StartPlanner.start(observe(project.name()), project, withDependencies(project, services)));
    }
  }

  /** As Compose's start, a named service brings along what it depends on, started first; none named is all. */
  public static Set<String> withDependencies(Project project, Set<String> services) {
    return services.isEmpty() ? services : new java.util.LinkedHashSet<>(ServiceGraph.of(project).withDependencies(services));
  }

  /** {@code start --wait}: as {@link Up#awaitReady}. */
  public void awaitReady(Project project, List<String> services, Optional<java.time.Duration> timeout) {
    new Up(session).awaitReady(project, services, timeout);
  }

  /** @param timeout {@code -t}, else each service's stop_grace_period */
  public PlanResult stop(Project project, Set<String> services, Optional<Integer> timeout) {
    try (ProjectLock.Lease lock = session.lock(project.name(), "stop")) {
      return run(project, DownPlanner.stop(observe(project.name()), Optional.of(project), services, timeout));
    }
  }

  /** {@link #restart(Project, Set, Optional, boolean)} with the dependents Compose brings along. */
  public PlanResult restart(Project project, Set<String> services, Optional<Integer> timeout) {
    return restart(project, services, timeout, false);
  }

  /**
   * Restarts the service containers of the selected services as Compose does ({@link RestartPlanner}):
   * in dependency order over {@code restart: true} dependencies, in parallel otherwise. A named
   * service brings along the services that depend on it with {@code restart: true}, transitively,
   * unless {@code noDeps}; one-off containers and orphans are left alone.
   */
  public PlanResult restart(Project project, Set<String> services, Optional<Integer> timeout, boolean noDeps) {
    Set<String> restarting = services.isEmpty() ? project.services().keySet()
        : noDeps ? services : withRestartDependents(project, services);
    try (ProjectLock.Lease lock = session.lock(project.name(), "restart")) {
      return run(project, RestartPlanner.restart(observe(project.name()), project, restarting, timeout));
    }
  }

  /** {@code services} and, transitively, the services whose {@code depends_on} names one of them with {@code restart: true}. */
  static Set<String> withRestartDependents(Project project, Set<String> services) {
    Set<String> out = new LinkedHashSet<>(services);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (var s : project.services().values()) {
        if (!out.contains(s.name()) && s.dependsOn().entrySet().stream().anyMatch(d -> d.getValue().restart() && out.contains(d.getKey()))) {
          out.add(s.name());
          grew = true;
        }
      }
    }
    return out;
  }

  /**
   * Removes the stopped containers of the selected services; with {@code stopFirst}, running ones
   * are stopped first.
   *
   * @return the names of the containers removed
   */
  public List<String> remove(Project project, Set<String> services, boolean stopFirst, boolean volumes) {
    try (ProjectLock.Lease lock = session.lock(project.name(), "rm")) {
      return removeLocked(project, services, stopFirst, volumes);
    }
  }

  private List<String> removeLocked(Project project, Set<String> services, boolean stopFirst, boolean volumes) {
    if (stopFirst) {
      PlanResult stopped = stop(project, services, Optional.empty());
      if (!stopped.ok()) {
        throw new EngineException("could not stop every container before removing them");
      }
    }
    ObservedState observed = observe(project.name());
    List<ObservedContainer> doomed = selected(observed, services, c -> !c.running());
    List<String> names = new ArrayList<>();
    Plan.Builder plan = new Plan.Builder();
    for (ObservedContainer c : doomed) {
      List<String> anonymous = volumes ? AnonymousVolumes.of(c, observed, Optional.of(project)) : List.of();
      plan.add(new Action.RemoveContainer(c.service(), c.id(), c.name(), volumes, anonymous),
          "service:" + c.service() + ":" + c.number(), "rm", List.of());
      names.add(c.name());
    }
    PlanResult result = run(project, plan.build());
    if (!result.ok()) {
      throw new EngineException("could not remove every container");
    }
    return names;
  }

  public void pause(Project project, Set<String> services) {
    each(selected(project.name(), services, c -> c.state().equals("running")), Status.PAUSED,
        c -> session.engine().client().pauseContainerCmd(c.id()).exec());
  }

  public void unpause(Project project, Set<String> services) {
    each(selected(project.name(), services, c -> c.state().equals("paused")), Status.UNPAUSED,
        c -> session.engine().client().unpauseContainerCmd(c.id()).exec());
  }

  /**
   * Sends {@code signal} to the running containers of the selected services, one-off containers
   * included, as Compose does; containers of services no longer in the file (orphans) only with
   * {@code orphansToo} ({@code --remove-orphans}).
   *
   * @return how many containers were sent the signal
   */
  public int kill(Project project, Set<String> services, String signal, boolean orphansToo) {
    List<ObservedContainer> running = observe(project.name()).containers().stream()
        .filter(ObservedContainer::running)
        .filter(c -> services.isEmpty() || services.contains(c.service()))
        .filter(c -> orphansToo || project.services().containsKey(c.service()))
        .toList();
    each(running, Status.KILLED, c -> session.engine().client().killContainerCmd(c.id()).withSignal(signal).exec());
    return running.size();
  }

  private interface ContainerCall {
    void run(ObservedContainer c);
  }

  private void each(List<ObservedContainer> containers, Status done, ContainerCall call) {
    WorkerExecutor workers = session.vertx().createSharedWorkerExecutor("berth-each", Math.max(1, containers.size()));
    List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      List<Future<Void>> calls = containers.stream().map(c -> workers.<Void>executeBlocking(() -> {
        try {
          call.run(c);
          session.progress().on(ProgressEvent.of("Container", c.name(), done));
        } catch (NotFoundException | ConflictException gone) {
          // Stopped, removed or already in that state meanwhile.
        } catch (RuntimeException e) {
          failures.add(c.name() + ": " + EngineErrors.describe(e));
        }
        return null;
      }, false)).toList();
      Future.join(calls).toCompletionStage().handle((ok, err) -> null).toCompletableFuture().join();
    } finally {
      workers.close();
    }
    if (!failures.isEmpty()) {
      throw new EngineException(String.join("; ", failures));
    }
  }

  private List<ObservedContainer> selected(String project, Set<String> services, Predicate<ObservedContainer> state) {
    return selected(observe(project), services, state);
  }

  private static List<ObservedContainer> selected(ObservedState observed, Set<String> services, Predicate<ObservedContainer> state) {
    return observed.containers().stream()
        .filter(c -> !c.oneoff() && (services.isEmpty() || services.contains(c.service())))
        .filter(state)
        .toList();
  }

  private ObservedState observe(String project) {
    return new StateCollector(session.engine().client()).observe(project);
  }

  /** Runs a plan over the project's containers; the project's hooks (pre_stop, post_start) run with it. */
  private PlanResult run(Project project, Plan plan) {
    EngineActions actions = new EngineActions(session.engine().client(), project.name(), Optional.of(project), session.progress());
    ExecutionReport report = session.planExecutor().execute(plan, actions);
    return new PlanResult(plan, Optional.of(report));
  }
}
