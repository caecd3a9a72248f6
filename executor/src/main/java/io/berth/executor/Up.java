package io.berth.executor;

import io.berth.executor.create.ImageOptions;
import io.berth.executor.create.Images;
import io.berth.executor.create.Refusals;
import io.berth.executor.engine.EngineException;
import io.berth.executor.lock.ProjectLock;
import io.berth.executor.run.ConditionWaiter;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.berth.executor.observe.StateCollector;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.run.EngineActions;
import io.berth.executor.run.ExecutionReport;
import io.berth.model.spec.Project;
import io.berth.planner.Reconciler;
import io.berth.planner.UpOptions;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** {@code up}: observe the project on the Engine, plan the difference, pull what is missing, run the plan. */
public final class Up {
  private final EngineSession session;

  public Up(EngineSession session) {
    this.session = session;
  }

  /**
   * @param warnings receives what the user should know but that does not stop the run (orphans)
   * @return the plan and, unless {@code dryRun}, how it went
   */
  public PlanResult run(Project project, UpOptions options, boolean dryRun, Consumer<String> warnings) {
    return run(project, options, ImageOptions.defaults(), dryRun, warnings);
  }

  /**
   * As {@link #run(Project, UpOptions, boolean, Consumer)}, getting images as {@code imageOptions} say
   * ({@code --pull}, {@code --no-build}, {@code --quiet-pull}, {@code --quiet-build}).
   */
  public PlanResult run(Project project, UpOptions options, ImageOptions imageOptions, boolean dryRun, Consumer<String> warnings) {
    return run(project, options, imageOptions, dryRun, warnings, () -> false);
  }

  /**
   * As {@link #run(Project, UpOptions, ImageOptions, boolean, Consumer)}; once {@code stopRequested}
   * says so (Ctrl-C), no further container is created or started, and the call returns when those
   * being created or started have settled, for the caller to stop them.
   */
  public PlanResult run(Project project, UpOptions options, ImageOptions imageOptions, boolean dryRun, Consumer<String> warnings,
      BooleanSupplier stopRequested) {
    List<String> selected = Reconciler.selectedServices(project, options);
    Refusals.check(project, selected);
    if (dryRun) {
      return converge(project, options, imageOptions, true, warnings, selected, stopRequested);
    }
    // Observed, planned and run under the project's lock: another up (or a down) waits, then finds what this one made.
    try (ProjectLock.Lease lock = session.lock(project.name(), options.noStart() ? "create" : "up")) {
      return converge(project, options, imageOptions, false, warnings, selected, stopRequested);
    }
  }

  private PlanResult converge(Project project, UpOptions options, ImageOptions imageOptions, boolean dryRun, Consumer<String> warnings,
      List<String> selected, BooleanSupplier stopRequested) {
    ObservedState observed = new StateCollector(session.engine().client()).observeForUp(project);
    List<ObservedContainer> orphans = Reconciler.orphans(project, observed);
    if (!orphans.isEmpty() && !options.removeOrphans() && !ComposeVariables.ignoreOrphans(project)) {
      warnings.accept(orphanWarning(orphans));
    }
    Reconciler.foreignResourceWarnings(project, observed).forEach(warnings);
    for (String volume : Reconciler.divergedVolumes(project, observed)) {
      warnings.accept("volume \"" + volume + "\" exists but doesn't match configuration in compose file; it is kept as it is"
          + " (recreating it would lose its data: remove it yourself, or run down -v, to apply the new configuration)");
    }
    for (String network : Reconciler.divergedNetworks(project, observed)) {
      warnings.accept("network \"" + network + "\" exists but doesn't match configuration in compose file; it is kept as it is"
          + " (run down, then up, to recreate it with the new configuration)");
    }
    Images images = new Images(session.engine().client(), imageOptions.filter(session.progress()), session.registryAuth());
    if (dryRun) {
      return new PlanResult(Reconciler.reconcile(project, observed, options, images.present(project, selected)), Optional.empty());
    }
    // Planned before anything is pulled or built: a missing external resource or a taken name stops
    // the command before a slow pull, not after it.
    Map<String, String> imageIds = images.ensure(project, selected, options.build(), false, false, imageOptions,
        () -> Reconciler.reconcile(project, observed, options, Map.of()));
    Plan plan = Reconciler.reconcile(project, observed, options, imageIds);
    reportUnchanged(selected, observed, plan);
    EngineActions actions = new EngineActions(session.engine().client(), project.name(), Optional.of(project), session.progress());
    ExecutionReport report = session.planExecutor().execute(plan, actions, stopRequested);
    return new PlanResult(plan, Optional.of(report));
  }

  /**
   * {@code up --wait} and {@code start --wait}: blocks until every container of the given services
   * is running, and healthy where it has a healthcheck; as in Compose, a service another depends on
   * with {@code service_completed_successfully} must have exited 0 instead.
   *
   * @throws EngineException naming the first container that will not be ready, or the timeout
   */
  public void awaitReady(Project project, List<String> services, Optional<Duration> timeout) {
    List<ObservedContainer> containers = new StateCollector(session.engine().client()).observe(project.name()).containers().stream()
        .filter(c -> !c.oneoff() && services.contains(c.service()))
        .toList();
    Set<String> oneShots = project.services().values().stream()
        .flatMap(s -> s.dependsOn().entrySet().stream())
        .filter(d -> d.getValue().condition().equals(ConditionWaiter.COMPLETED))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
    WorkerExecutor workers = session.vertx().createSharedWorkerExecutor("berth-wait", Math.max(1, containers.size()));
    try {
      List<Future<Void>> waits = containers.stream().map(c -> workers.<Void>executeBlocking(() -> {
        session.progress().on(ProgressEvent.of("Container", c.name(), Status.WAITING));
        boolean oneShot = oneShots.contains(c.service());
        new ConditionWaiter(session.engine().client()).await(c.name(), oneShot ? ConditionWaiter.COMPLETED : ConditionWaiter.READY);
        session.progress().on(ProgressEvent.of("Container", c.name(), oneShot ? Status.EXITED : Status.HEALTHY));
        return null;
      }, false)).toList();
      var all = Future.all(waits).toCompletionStage().toCompletableFuture();
      try {
        if (timeout.isPresent()) {
          all.get(timeout.get().toMillis(), TimeUnit.MILLISECONDS);
        } else {
          all.get();
        }
      } catch (TimeoutException e) {
        throw new EngineException("application not healthy after " + goDuration(timeout.get()));
      } catch (ExecutionException e) {
        throw e.getCause() instanceof EngineException ee ? ee : new EngineException(String.valueOf(e.getCause().getMessage()), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineException("interrupted while waiting for the application to be healthy");
      }
    } finally {
      workers.close();
    }
  }

  /** Compose's words for orphans left alone. */
  static String orphanWarning(List<ObservedContainer> orphans) {
    return "Found orphan containers (" + orphans.stream().map(ObservedContainer::name).collect(Collectors.joining(", "))
        + ") for this project. If you removed or renamed this service in your compose file, you can run this command with"
        + " the --remove-orphans flag to clean it up.";
  }

  /** A whole number of seconds as Go's {@code time.Duration} prints it: {@code 5s}, {@code 1m30s}, {@code 1h0m0s}. */
  static String goDuration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds / 60 + "m" + seconds % 60 + "s";
    }
    return seconds / 3600 + "h" + seconds % 3600 / 60 + "m" + seconds % 60 + "s";
  }

  /**
   * Compose says {@code Running} for a container up leaves alone; so do we, for the services this
   * up acts on only: {@code up web} says nothing of the others, nor {@code run}, which brings up
   * the dependencies, of the service it runs.
   */
  private void reportUnchanged(List<String> selected, ObservedState observed, Plan plan) {
    Set<String> touched = plan.nodes().stream().map(n -> n.resourceId()).collect(Collectors.toSet());
    for (ObservedContainer c : observed.containers()) {
      String resource = "service:" + c.service() + ":" + c.number();
      if (c.running() && !c.oneoff() && selected.contains(c.service()) && !touched.contains(resource)) {
        session.progress().on(ProgressEvent.of("Container", c.name(), Status.RUNNING));
      }
    }
  }
}
