package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.Copy;
import io.berth.executor.EngineSession;
import io.berth.model.spec.Project;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "cp", description = "Copy files/folders between a service container and the local filesystem")
public final class CpCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = "--index", paramLabel = "N", description = "Index of the container if service has multiple replicas")
  int index = 1;

  @Parameters(index = "0", paramLabel = "SRC", description = "SERVICE:SRC_PATH or a local path")
  String source;

  @Parameters(index = "1", paramLabel = "DEST", description = "SERVICE:DEST_PATH or a local path")
  String target;

  @Override
  public Integer call() {
    Project project = ProjectLoading.load(root);
    boolean fromContainer = isContainerPath(source);
    boolean toContainer = isContainerPath(target);
    if (fromContainer == toContainer) {
      throw new UserError("copying between services is not supported; exactly one of SRC and DEST must be SERVICE:PATH");
    }
    String remote = fromContainer ? source : target;
    String service = remote.substring(0, remote.indexOf(':'));
    String path = remote.substring(remote.indexOf(':') + 1);
    if (!project.services().containsKey(service)) {
      throw new UserError("no such service: " + service);
    }
    Path local = root.invocation().workingDir().resolve(fromContainer ? target : source);
    try (EngineSession session = Sessions.open(root)) {
      if (fromContainer) {
        new Copy(session).fromContainer(project.name(), service, index, path, local);
      } else {
        new Copy(session).toContainer(project.name(), service, index, local, path);
      }
    }
    return ExitCodes.OK;
  }

  /** {@code web:/etc/x}, but not a local path that merely holds a colon after a slash. */
  private static boolean isContainerPath(String arg) {
    int colon = arg.indexOf(':');
    return colon > 0 && !arg.substring(0, colon).contains("/");
  }
}
