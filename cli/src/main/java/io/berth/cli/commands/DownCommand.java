package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.EngineSession;
import io.berth.executor.PlanResult;
import io.berth.executor.Down;
import io.berth.planner.DownOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import io.berth.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "down", description = "Stop and remove containers, networks")
public final class DownCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @ParentCommand BerthCommand root;

  @Option(names = {"-v", "--volumes"}, description = "Remove named volumes declared in the \"volumes\" section of the Compose file and anonymous volumes attached to containers")
  boolean volumes;

  @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
  boolean removeOrphans;

  @Option(names = "--dry-run", description = "Print the plan and change nothing")
  boolean dryRun;

  @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Specify a shutdown timeout in seconds")
  Integer timeout;

  @Option(names = "--rmi", paramLabel = "TYPE", description = "Remove images used by services. \"local\" remove only images that don't have a custom tag (\"local\"|\"all\")")
  String rmi;

  @picocli.CommandLine.Parameters(paramLabel = "SERVICE", arity = "0..*",
      description = "Services to take down, with the services that depend on them (default: all)")
  java.util.List<String> services = java.util.List.of();

  /** --remove-orphans, whose default is COMPOSE_REMOVE_ORPHANS from the shell, as Compose's down. */
  private boolean orphansToo() {
    return removeOrphans || io.berth.executor.ComposeVariables.isTrue(root.invocation().environment().get("COMPOSE_REMOVE_ORPHANS"));
  }

  @Override
  public Integer call() {
    DownOptions.Rmi images = rmi == null ? DownOptions.Rmi.NONE : switch (rmi) {
      case "local" -> DownOptions.Rmi.LOCAL;
      case "all" -> DownOptions.Rmi.ALL;
      default -> throw new UserError("invalid value for --rmi: \"" + rmi + "\" (accepted: local, all)");
    };
    ProjectLoading.ProjectOrName project = ProjectLoading.loadOrName(root, services);
    for (String s : services) {
      // As Compose: with no compose file, a name may be a service whose containers are already gone.
      if (project.project().isPresent() && !project.project().get().services().containsKey(s)) {
        throw new UserError("no such service: " + s);
      }
    }
    try (EngineSession session = Sessions.open(root)) {
      PlanResult result = new Down(session).run(project.name(), project.project(),
          new DownOptions(orphansToo(), volumes, images, java.util.Set.copyOf(services)), Optional.ofNullable(timeout), dryRun || root.global.dryRun);
      if (result.plan().isEmpty()) {
        ProjectLoading.warn(root.invocation(), "Warning: No resource found to remove for project \"" + project.name() + "\".");
      }
      return PlanReporting.report(root.invocation(), result);
    }
  }
}
