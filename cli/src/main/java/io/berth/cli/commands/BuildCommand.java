package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.executor.EngineSession;
import io.berth.executor.create.Images;
import io.berth.model.spec.Project;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "build", description = "Build or rebuild services")
public final class BuildCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;
  @Mixin ServiceSelection selection;

  @Option(names = "--no-cache", description = "Do not use cache when building the image")
  boolean noCache;

  @Option(names = "--pull", description = "Always attempt to pull a newer version of the image")
  boolean pull;

  @Option(names = {"-q", "--quiet"}, description = "Don't print anything to STDOUT")
  boolean quiet;

  @Override
  public Integer call() {
    Project project = ProjectLoading.load(root);
    Set<String> named = selection.in(project);
    List<String> buildable = project.services().values().stream()
        .filter(s -> s.build().isPresent() && (named.isEmpty() || named.contains(s.name())))
        .map(s -> s.name())
        .toList();
    try (EngineSession session = Sessions.open(root)) {
      Images images = session.images();
      for (String service : buildable) {
        images.build(project, service, noCache, pull);
      }
    }
    return ExitCodes.OK;
  }
}
