package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.EngineSession;
import io.berth.model.spec.Project;
import io.berth.planner.UpOptions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code create}: what {@code up --no-start} does, as Compose's create is: the services' containers
 * (with their dependencies, networks and volumes, images pulled or built) made and left unstarted.
 */
@Command(name = "create", description = "Creates containers for a service")
public final class CreateCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @ParentCommand BerthCommand root;

  @Mixin CreateFlags create;

  @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services to create, with their dependencies")
  List<String> services = List.of();

  @Override
  public Integer call() {
    create.validate();
    Project project = ProjectLoading.load(root, services);
    for (String s : services) {
      if (!project.services().containsKey(s)) {
        throw new UserError("no such service: " + s);
      }
    }
    // Compose's create takes no -V, --no-deps or --always-recreate-deps: their defaults.
    UpOptions options = new UpOptions(new LinkedHashSet<>(services), false, create.recreate(false), create.removeOrphans,
        true, create.build, create.scales(project), false, create.recreateDependencies(false));
    ContainerNameUnicity.check(project, io.berth.planner.Reconciler.selectedServices(project, options));
    try (EngineSession session = Sessions.open(root)) {
      return UpCommand.converge(root, session, project, options, create.images(false), root.global.dryRun);
    }
  }
}
