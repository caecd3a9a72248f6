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
import java.util.OptionalInt;
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
  int index;

  @Option(names = "--all", description = "Include containers created by the run command")
  boolean all;

  @Option(names = {"-L", "--follow-link"}, description = "Always follow symbol link in SRC_PATH")
  boolean followLink;

  @Option(names = {"-a", "--archive"}, description = "Archive mode (copy all uid/gid information)")
  boolean archive;

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
    // As Compose: without --index, a copy to a service reaches every container of it, a copy from one
    // reads the first.
    Copy.Target containers = new Copy.Target(project.name(), service, index > 0 ? OptionalInt.of(index) : OptionalInt.empty(), all);
    try (EngineSession session = Sessions.open(root)) {
      if (fromContainer) {
        new Copy(session).fromContainer(containers, path, local, followLink);
      } else {
        new Copy(session).toContainers(containers, local, path, followLink, archive);
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
