package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.executor.ComposeVariables;
import io.berth.executor.EngineSession;
import io.berth.executor.Lifecycle;
import io.berth.model.spec.Project;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The commands that change the state of existing containers, each a thin call into {@link Lifecycle}. */
public final class LifecycleCommands {
  private LifecycleCommands() {}

  /** What every lifecycle command needs: the root, help, the service selection, and a session. */
  abstract static class Base implements Callable<Integer> {
    @ParentCommand BerthCommand root;
    @Mixin HelpOption help;
    @Mixin ServiceSelection selection;

    @Override
    public final Integer call() {
      // As Compose: with a project name but no compose file, the project is what its containers say.
      ProjectLoading.ProjectOrName loaded = ProjectLoading.loadOrName(root, selection.services);
      loaded.project().ifPresent(selection::in);
      try (EngineSession session = Sessions.open(root)) {
        Lifecycle lifecycle = new Lifecycle(session);
        Project project = loaded.project().orElseGet(() -> lifecycle.projectFromContainers(loaded.name(), requiresContainers()));
        return run(lifecycle, project, selection.in(project));
      }
    }

    abstract int run(Lifecycle lifecycle, Project project, Set<String> services);

    /** Whether, without a compose file, a project with no container is an error (Compose's start, stop, restart). */
    boolean requiresContainers() {
      return false;
    }
  }

  @Command(name = "start", description = "Start services")
  public static final class Start extends Base {
    @Override
    boolean requiresContainers() {
      return true;
    }

    @Option(names = "--wait", description = "Wait for services to be running|healthy. Implies detached mode.")
    boolean await;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Maximum duration in seconds to wait for the project to be running|healthy")
    int waitTimeout;

    @Override
    int run(Lifecycle lifecycle, Project project, Set<String> services) {
      int code = PlanReporting.report(root.invocation(), lifecycle.start(project, services));
      if (code == ExitCodes.OK && await) {
        // As Compose: a timeout of 0 or less is no timeout.
        Set<String> started = Lifecycle.withDependencies(project, services);
        lifecycle.awaitReady(project, started.isEmpty() ? List.copyOf(project.services().keySet()) : List.copyOf(started),
            waitTimeout > 0 ? Optional.of(Duration.ofSeconds(waitTimeout)) : Optional.empty());
      }
      return code;
    }
  }

  @Command(name = "stop", description = "Stop services")
  public static final class Stop extends Base {
    @Override
    boolean requiresContainers() {
      return true;
    }

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Specify a shutdown timeout in seconds")
    Integer timeout;

    @Override
    int run(Lifecycle lifecycle, Project project, Set<String> services) {
      return PlanReporting.report(root.invocation(), lifecycle.stop(project, services, Optional.ofNullable(timeout)));
    }
  }

  @Command(name = "restart", description = "Restart service containers")
  public static final class Restart extends Base {
    @Override
    boolean requiresContainers() {
      return true;
    }

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Specify a shutdown timeout in seconds")
    Integer timeout;

    @Option(names = "--no-deps", description = "Don't restart dependent services")
    boolean noDeps;

    @Override
    int run(Lifecycle lifecycle, Project project, Set<String> services) {
      return PlanReporting.report(root.invocation(), lifecycle.restart(project, services, Optional.ofNullable(timeout), noDeps));
    }
  }

  @Command(name = "kill", description = "Force stop service containers")
  public static final class Kill extends Base {
    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "SIGNAL to send to the container (default: SIGKILL)")
    String signal = "SIGKILL";

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

    @Override
    int run(Lifecycle lifecycle, Project project, Set<String> services) {
      // As Compose: orphans are killed (not removed) with --remove-orphans or COMPOSE_REMOVE_ORPHANS.
      boolean orphansToo = removeOrphans || ComposeVariables.isTrue(root.invocation().environment().get("COMPOSE_REMOVE_ORPHANS"));
      if (lifecycle.kill(project, services, signal, orphansToo) == 0) {
        root.invocation().err().println("No container to kill");
        root.invocation().err().flush();
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "pause", description = "Pause services")
  public static final class Pause extends Base {
    @Override
    int run(Lifecycle lifecycle, Project project, Set<String> services) {
      lifecycle.pause(project, services);
      return ExitCodes.OK;
    }
  }

  @Command(name = "unpause", description = "Unpause services")
  public static final class Unpause extends Base {
    @Override
    int run(Lifecycle lifecycle, Project project, Set<String> services) {
      lifecycle.unpause(project, services);
      return ExitCodes.OK;
    }
  }

  @Command(name = "rm", description = "Removes stopped service containers")
  public static final class Rm extends Base {
    @Option(names = {"-f", "--force"}, description = "Don't ask to confirm removal")
    boolean force;

    @Option(names = {"-s", "--stop"}, description = "Stop the containers, if required, before removing")
    boolean stop;

    @Option(names = {"-v", "--volumes"}, description = "Remove any anonymous volumes attached to containers")
    boolean volumes;

    @Override
    int run(Lifecycle lifecycle, Project project, Set<String> services) {
      List<String> removed = lifecycle.remove(project, services, stop, volumes);
      if (removed.isEmpty()) {
        root.invocation().err().println("No stopped containers");
      }
      root.invocation().err().flush();
      return ExitCodes.OK;
    }
  }
}
