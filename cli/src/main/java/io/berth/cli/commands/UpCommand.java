package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.ComposeVariables;
import io.berth.executor.EngineSession;
import io.berth.executor.Lifecycle;
import io.berth.executor.create.ImageOptions;
import io.berth.executor.PlanResult;
import io.berth.executor.Up;
import io.berth.model.spec.Project;
import io.berth.planner.Reconciler;
import io.berth.planner.UpOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import io.berth.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "up", description = "Create and start containers")
public final class UpCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @ParentCommand BerthCommand root;

  @Mixin CreateFlags create;

  @Option(names = {"-d", "--detach"}, description = "Detached mode: run containers in the background")
  boolean detach;

  @Option(names = "--always-recreate-deps", description = "Recreate dependent containers. Incompatible with --no-recreate.")
  boolean alwaysRecreateDeps;

  @Option(names = "--no-deps", description = "Don't start linked services")
  boolean noDeps;

  @Option(names = "--no-start", description = "Don't start the services after creating them")
  boolean noStart;

  @Option(names = "--dry-run", description = "Print the plan and change nothing")
  boolean dryRun;

  @Option(names = {"-V", "--renew-anon-volumes"}, description = "Recreate anonymous volumes instead of retrieving data from the previous containers")
  boolean renewAnonVolumes;

  @Option(names = "--quiet-build", description = "Suppress the build output")
  boolean quietBuild;

  @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Use this timeout in seconds for container shutdown when attached or when containers are already running")
  Integer timeout;

  @Option(names = "--abort-on-container-exit", description = "Stops all containers if any container was stopped. Incompatible with -d")
  boolean abortOnExit;

  @Option(names = "--abort-on-container-failure", description = "Stops all containers if any container exited with failure. Incompatible with -d")
  boolean abortOnFailure;

  @Option(names = "--exit-code-from", paramLabel = "SERVICE", description = "Return the exit code of the selected service container. Implies --abort-on-container-exit")
  String exitCodeFrom;

  @Option(names = "--attach", paramLabel = "SERVICE", description = "Restrict attaching to the specified services. Incompatible with --attach-dependencies.")
  List<String> attach = List.of();

  @Option(names = "--no-attach", paramLabel = "SERVICE", description = "Do not attach (stream logs) to the specified services")
  List<String> noAttach = List.of();

  @Option(names = "--attach-dependencies", description = "Automatically attach to log output of dependent services")
  boolean attachDependencies;

  @Option(names = "--no-color", description = "Produce monochrome output")
  boolean noColor;

  @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
  boolean noLogPrefix;

  @Option(names = "--timestamps", description = "Show timestamps")
  boolean timestamps;

  @Option(names = "--wait", description = "Wait for services to be running|healthy. Implies detached mode.")
  boolean await;

  @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Maximum duration in seconds to wait for the project to be running|healthy")
  Integer waitTimeout;

  @Option(names = {"-w", "--watch"}, description = "Watch source code and rebuild/refresh containers when files are updated (not supported by berth yet)")
  boolean watch;

  // Compose shows its navigation menu only on a terminal; berth has none, so the flag changes nothing.
  @Option(names = "--menu", arity = "0..1", paramLabel = "BOOL", description = "Enable interactive shortcuts when running attached (berth has none: accepted, no effect)")
  boolean menu;

  @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services to start, with their dependencies")
  List<String> services = List.of();

  @Override
  public Integer call() {
    validate();
    Project project = ProjectLoading.load(root, services);
    boolean removeOrphans = create.removeOrphans || ComposeVariables.removeOrphans(project);
    if (removeOrphans && ComposeVariables.ignoreOrphans(project)) {
      throw new UserError("cannot combine COMPOSE_IGNORE_ORPHANS and --remove-orphans");
    }
    if (!attach.isEmpty() && attachDependencies) {
      throw new UserError("cannot combine --attach and --attach-dependencies");
    }
    for (String s : services) {
      if (!project.services().containsKey(s)) {
        throw new UserError("no such service: " + s);
      }
    }
    UpOptions options = new UpOptions(new LinkedHashSet<>(services), noDeps, create.recreate(renewAnonVolumes),
        removeOrphans, noStart, create.build, create.scales(project), renewAnonVolumes,
        create.recreateDependencies(alwaysRecreateDeps)).withStopTimeout(Optional.ofNullable(timeout))
        .withAllResources(root.global.allResources);
    List<String> selected = Reconciler.selectedServices(project, options);
    ContainerNameUnicity.check(project, selected);
    for (String s : concat(noAttach, exitCodeFrom == null ? List.of() : List.of(exitCodeFrom))) {
      if (!project.services().containsKey(s)) {
        throw new UserError("no such service: " + s);
      }
    }
    List<String> outside = attach.stream().filter(s -> !selected.contains(s)).distinct().sorted().toList();
    if (!outside.isEmpty()) {
      throw new UserError("cannot attach to services not included in up: " + String.join(", ", outside));
    }
    // As Compose: --exit-code-from implies --abort-on-container-exit, unless --abort-on-container-failure is given.
    AttachedUp.Cascade cascade = new AttachedUp.Cascade(abortOnExit || (exitCodeFrom != null && !abortOnFailure), abortOnFailure,
        Optional.ofNullable(exitCodeFrom), Set.copyOf(attach), Set.copyOf(noAttach), attachDependencies);
    boolean dryRun = this.dryRun || root.global.dryRun;
    long startedAt = Instant.now().getEpochSecond();
    try (EngineSession session = Sessions.open(root)) {
      boolean attached = !detach && !dryRun && !noStart && !await;
      Optional<StartInterrupt> interrupt = attached ? Optional.of(listenDuringStart(session, project, options)) : Optional.empty();
      int code = converge(root, session, project, options, create.images(quietBuild), dryRun,
          () -> interrupt.map(StartInterrupt::requested).orElse(false));
      if (interrupt.isPresent() && interrupt.get().requested()) {
        return stopAfterInterruptedStart(session, project, options, interrupt.get());
      }
      if (code == ExitCodes.OK && await && !dryRun && !noStart) {
        new Up(session).awaitReady(project, selected,
            Optional.ofNullable(waitTimeout).map(Duration::ofSeconds));
        return code;
      }
      if (code != ExitCodes.OK || detach || dryRun || noStart) {
        return code;
      }
      AttachedUp.Output output = new AttachedUp.Output(Sessions.color(root, noColor), !noLogPrefix, timestamps);
      return new AttachedUp(root.invocation(), session, project, options, cascade, output).run(startedAt, interrupt.get());
    }
  }

  /** Ctrl-C during the start: announced at once as Compose does; a second one kills at once. */
  private StartInterrupt listenDuringStart(EngineSession session, Project project, UpOptions options) {
    return StartInterrupt.listen(
        () -> {
          root.invocation().err().println(AttachedUp.GRACEFUL_STOP);
          root.invocation().err().flush();
        },
        () -> new Lifecycle(session).kill(project, options.services(), "KILL", false));
  }

  /**
   * The start has settled after a Ctrl-C: stop every container it created or started, those that
   * were being created when the signal came included (a second Ctrl-C kills them instead).
   */
  private int stopAfterInterruptedStart(EngineSession session, Project project, UpOptions options, StartInterrupt interrupt) {
    if (!interrupt.forced()) {
      new Lifecycle(session).stop(project, options.services(), options.stopTimeout());
    }
    if (interrupt.forced()) {
      // Killed while the start settled: what it started after the kill is killed too.
      new Lifecycle(session).kill(project, options.services(), "KILL", false);
    }
    return ExitCodes.INTERRUPTED;
  }

  /**
   * Compose's refusals of flags together (its {@code validateFlags}), in its order, before the
   * project is loaded; then {@code --watch}, which berth does not have.
   */
  private void validate() {
    if (waitTimeout != null && waitTimeout < 0) {
      throw new UserError("--wait-timeout must be a non-negative integer");
    }
    boolean abortOnStop = abortOnExit || (exitCodeFrom != null && !abortOnFailure);
    if (abortOnStop && abortOnFailure) {
      throw new UserError("--abort-on-container-failure cannot be combined with --abort-on-container-exit");
    }
    boolean detached = detach;
    if (await) {
      if (attachDependencies || abortOnStop || !attach.isEmpty()) {
        throw new UserError("--wait cannot be combined with --abort-on-container-exit, --attach or --attach-dependencies");
      }
      detached = true;
    }
    if (create.build && create.noBuild) {
      throw new UserError("--build and --no-build are incompatible");
    }
    if (detached && (attachDependencies || abortOnStop || abortOnFailure || !attach.isEmpty() || watch)) {
      throw new UserError((await ? "--wait" : "--detach") + " cannot be combined with --abort-on-container-exit,"
          + " --abort-on-container-failure, --attach, --attach-dependencies or --watch");
    }
    if (renewAnonVolumes && create.noRecreate) {
      throw new UserError("--no-recreate and --renew-anon-volumes are incompatible");
    }
    if (alwaysRecreateDeps && create.noRecreate) {
      throw new UserError("--always-recreate-deps and --no-recreate are incompatible");
    }
    create.validate();
    if (create.noBuild && watch) {
      throw new UserError("--no-build and --watch are incompatible");
    }
    if (watch) {
      throw new UserError("--watch is not supported by berth yet");
    }
  }

  /**
   * What {@code up} and {@code create} share: converge the project as {@code options} say (with
   * {@code noStart} for create) and report how it went.
   *
   * @return the exit code
   */
  static int converge(BerthCommand root, EngineSession session, Project project, UpOptions options, ImageOptions images,
      boolean dryRun) {
    return converge(root, session, project, options, images, dryRun, () -> false);
  }

  /** As {@link #converge(BerthCommand, EngineSession, Project, UpOptions, ImageOptions, boolean)}, stopping early once asked. */
  static int converge(BerthCommand root, EngineSession session, Project project, UpOptions options, ImageOptions images,
      boolean dryRun, java.util.function.BooleanSupplier stopRequested) {
    PlanResult result = new Up(session).run(project, options, images, dryRun,
        w -> ProjectLoading.warn(root.invocation(), w), stopRequested);
    return PlanReporting.report(root.invocation(), result);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }

}
