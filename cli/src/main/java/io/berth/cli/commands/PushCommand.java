package io.berth.cli.commands;

import io.berth.executor.progress.ProgressListener;
import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.executor.EngineSession;
import io.berth.executor.create.ImagePusher;
import io.berth.executor.engine.EngineException;
import io.berth.executor.progress.ProgressEvent;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.graph.ServiceGraph;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code push}: the images of services that build one and name it ({@code build} and
 * {@code image}), each with its {@code build.tags}; other services are skipped, as in Compose.
 */
@Command(name = "push", description = "Push service images")
public final class PushCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;
  @Mixin ServiceSelection selection;

  @Option(names = "--ignore-push-failures", description = "Push what it can and ignores images with push failures")
  boolean ignoreFailures;

  @Option(names = "--include-deps", description = "Also push images of services declared as dependencies")
  boolean includeDeps;

  @Option(names = {"-q", "--quiet"}, description = "Push without printing progress information")
  boolean quiet;

  @Override
  public Integer call() {
    Project project = ProjectLoading.load(root, selection.services);
    Set<String> named = selection.in(project);
    List<String> services = named.isEmpty() ? List.copyOf(project.services().keySet())
        : includeDeps ? ServiceGraph.of(project).withDependencies(named) : List.copyOf(named);
    try (EngineSession session = quiet
        ? Sessions.open(root, ProgressListener.NONE)
        : Sessions.open(root)) {
      ImagePusher pusher = new ImagePusher(session.engine().client(), session.progress(), session.registryAuth());
      for (String name : services) {
        Service s = project.service(name);
        List<String> tags = ImagePusher.tagsOf(s);
        if (tags.isEmpty()) {
          session.progress().on(ProgressEvent.of("Service", name, ProgressEvent.Status.SKIPPED));
          continue;
        }
        for (String tag : tags) {
          try {
            pusher.push(name, tag);
          } catch (EngineException e) {
            if (!ignoreFailures) {
              throw e;
            }
            ProjectLoading.warn(root.invocation(), e.getMessage());
          }
        }
      }
    }
    return ExitCodes.OK;
  }
}
