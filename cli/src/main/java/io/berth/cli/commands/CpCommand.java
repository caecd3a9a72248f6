package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.Copy;
import io.berth.executor.EngineSession;
import io.berth.model.spec.Project;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "cp", description = "Copy files/folders between a service container and the local filesystem")
public final class CpCommand implements Callable<Integer> {
  private static final String STANDARD_STREAM = "-";

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

  @Parameters(index = "0", paramLabel = "SRC", description = "SERVICE:SRC_PATH, a local path, or - for a tar archive on standard input")
  String source;

  @Parameters(index = "1", paramLabel = "DEST", description = "SERVICE:DEST_PATH, a local path, or - for a tar archive on standard output")
  String target;

  @Override
  public Integer call() {
    if (source.isEmpty()) {
      throw new UserError("source can not be empty");
    }
    if (target.isEmpty()) {
      throw new UserError("destination can not be empty");
    }
    Project project = ProjectLoading.load(root);
    boolean fromContainer = isContainerPath(source);
    boolean toContainer = isContainerPath(target);
    if (fromContainer && toContainer) {
      throw new UserError("copying between services is not supported; one of SRC and DEST must be a local path or -");
    }
    if (!fromContainer && !toContainer) {
      throw new UserError("unknown copy direction: one of SRC and DEST must be SERVICE:PATH");
    }
    String remote = fromContainer ? source : target;
    String service = remote.substring(0, remote.indexOf(':'));
    String path = remote.substring(remote.indexOf(':') + 1);
    if (!project.services().containsKey(service)) {
      throw new UserError("no such service: " + service);
    }
    String localArg = fromContainer ? target : source;
    // As Compose: without --index, a copy to a service reaches every container of it, a copy from one
    // reads the first.
    Copy.Target containers = new Copy.Target(project.name(), service, index > 0 ? OptionalInt.of(index) : OptionalInt.empty(), all);
    try (EngineSession session = Sessions.open(root)) {
      Copy copy = new Copy(session);
      // "-" is standard input or output, which carry a tar archive, as for docker cp.
      if (fromContainer && localArg.equals(STANDARD_STREAM)) {
        root.invocation().out().flush();
        copy.archiveFromContainer(containers, path, root.invocation().outBytes(), followLink);
      } else if (fromContainer) {
        copy.fromContainer(containers, path, root.invocation().workingDir().resolve(localArg), followLink);
      } else if (localArg.equals(STANDARD_STREAM)) {
        copy.archiveToContainers(containers, root.invocation().in(), path, archive);
      } else {
        copy.toContainers(containers, root.invocation().workingDir().resolve(localArg), path, followLink, archive);
      }
    }
    return ExitCodes.OK;
  }

  /**
   * {@code web:/etc/x}, as Compose splits a copy argument: an absolute path is local, and so is one
   * without a colon or whose part before the colon starts with a dot ({@code ./file:name.txt}).
   */
  static boolean isContainerPath(String arg) {
    if (arg.startsWith("/")) {
      return false;
    }
    int colon = arg.indexOf(':');
    return colon >= 0 && !arg.substring(0, colon).startsWith(".");
  }
}
