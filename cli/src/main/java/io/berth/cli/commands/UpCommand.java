package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.EngineSession;
import io.berth.executor.PlanResult;
import io.berth.executor.Up;
import io.berth.model.spec.Project;
import io.berth.planner.Reconciler;
import io.berth.planner.UpOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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

  @Option(names = {"-d", "--detach"}, description = "Detached mode: run containers in the background")
  boolean detach;

  @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the compose file")
  boolean removeOrphans;

  @Option(names = "--force-recreate", description = "Recreate containers even if their configuration hasn't changed")
  boolean forceRecreate;

  @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them")
  boolean noRecreate;

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

  @Option(names = "--build", description = "Build images before starting containers")
  boolean build;

  @Option(names = "--scale", paramLabel = "SERVICE=NUM", description = "Scale SERVICE to NUM instances. Overrides the scale setting in the Compose file if present.")
  List<String> scale = List.of();

  @Option(names = "--abort-on-container-exit", description = "Stops all containers if any container was stopped. Incompatible with -d")
  boolean abortOnExit;

  @Option(names = "--abort-on-container-failure", description = "Stops all containers if any container exited with failure. Incompatible with -d")
  boolean abortOnFailure;

  @Option(names = "--exit-code-from", paramLabel = "SERVICE", description = "Return the exit code of the selected service container. Implies --abort-on-container-exit")
  String exitCodeFrom;

  @Option(names = "--attach", paramLabel = "SERVICE", description = "Restrict attaching to the specified services")
  List<String> attach = List.of();

  @Option(names = "--no-attach", paramLabel = "SERVICE", description = "Do not attach (stream logs) to the specified services")
  List<String> noAttach = List.of();

  @Option(names = "--wait", description = "Wait for services to be running|healthy. Implies detached mode.")
  boolean await;

  @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Maximum duration in seconds to wait for the project to be running|healthy")
  Integer waitTimeout;

  @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services to start, with their dependencies")
  List<String> services = List.of();

  @Override
  public Integer call() {
    if (forceRecreate && noRecreate) {
      throw new UserError("--force-recreate and --no-recreate are incompatible");
    }
    if (renewAnonVolumes && noRecreate) {
      throw new UserError("--no-recreate and --renew-anon-volumes are incompatible");
    }
    if (alwaysRecreateDeps && noRecreate) {
      throw new UserError("--always-recreate-deps and --no-recreate are incompatible");
    }
    if (detach && (abortOnExit || abortOnFailure || exitCodeFrom != null)) {
      throw new UserError("--abort-on-container-exit, --abort-on-container-failure and --exit-code-from are incompatible with --detach");
    }
    Project project = ProjectLoading.load(root);
    for (String s : services) {
      if (!project.services().containsKey(s)) {
        throw new UserError("no such service: " + s);
      }
    }
    // As Compose: -V can only renew the volumes of containers it recreates, so it recreates them all.
    UpOptions.Recreate recreate = noRecreate ? UpOptions.Recreate.NEVER
        : forceRecreate || renewAnonVolumes ? UpOptions.Recreate.FORCE : UpOptions.Recreate.DIVERGED;
    UpOptions.Recreate recreateDependencies = noRecreate ? UpOptions.Recreate.NEVER
        : alwaysRecreateDeps ? UpOptions.Recreate.FORCE : UpOptions.Recreate.DIVERGED;
    UpOptions options = new UpOptions(new LinkedHashSet<>(services), noDeps, recreate,
        removeOrphans || truthy(root.invocation().environment().get("COMPOSE_REMOVE_ORPHANS")), noStart, build,
        scales(project), renewAnonVolumes, recreateDependencies);
    List<String> selected = Reconciler.selectedServices(project, options);
    for (String s : concat(attach, noAttach, exitCodeFrom == null ? List.of() : List.of(exitCodeFrom))) {
      if (!project.services().containsKey(s)) {
        throw new UserError("no such service: " + s);
      }
    }
    AttachedUp.Cascade cascade = new AttachedUp.Cascade(abortOnExit, abortOnFailure, Optional.ofNullable(exitCodeFrom),
        Set.copyOf(attach), Set.copyOf(noAttach));
    boolean dryRun = this.dryRun || root.global.dryRun;
    long startedAt = Instant.now().getEpochSecond();
    try (EngineSession session = Sessions.open(root)) {
      PlanResult result = new Up(session).run(project, options, dryRun,
          w -> ProjectLoading.warn(root.invocation(), w));
      int code = PlanReporting.report(root.invocation(), result);
      if (code == ExitCodes.OK && await && !dryRun && !noStart) {
        new Up(session).awaitReady(project, selected,
            Optional.ofNullable(waitTimeout).map(Duration::ofSeconds));
        return code;
      }
      if (code != ExitCodes.OK || detach || dryRun || noStart) {
        return code;
      }
      return new AttachedUp(root.invocation(), session, project, options, cascade, Sessions.color(root, false)).run(startedAt);
    }
  }

  private Map<String, Integer> scales(Project project) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String s : scale) {
      int eq = s.indexOf('=');
      if (eq <= 0 || !s.substring(eq + 1).matches("[0-9]{1,6}")) {
        throw new UserError("invalid --scale \"" + s + "\": accepted form is SERVICE=NUM");
      }
      String service = s.substring(0, eq);
      if (!project.services().containsKey(service)) {
        throw new UserError("no such service: " + service);
      }
      int n = Integer.parseInt(s.substring(eq + 1));
      if (n > 1 && project.service(service).containerName().isPresent()) {
        throw new UserError("service \"" + service + "\" has a container_name and cannot be scaled to " + n);
      }
      out.put(service, n);
    }
    return out;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }

  private static boolean truthy(String value) {
    return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
  }
}
