package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.EngineSession;
import io.berth.executor.Export;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", description = "Export a service container's filesystem as a tar archive")
public final class ExportCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = "--index", paramLabel = "N", description = "index of the container if service has multiple replicas.")
  int index;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to a file, instead of STDOUT")
  String output;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Override
  public Integer call() {
    ProjectLoading.ProjectOrName project = ProjectLoading.loadOrName(root);
    if (project.project().isPresent() && !project.project().get().services().containsKey(service)) {
      throw new UserError("no such service: " + service);
    }
    Path file = output == null || output.isEmpty() ? null : root.invocation().workingDir().resolve(output);
    if (file == null && root.invocation().terminals().out()) {
      throw new UserError("output option is required when exporting to terminal");
    }
    if (file != null) {
      checkOutputPath(file);
    }
    if (root.global.dryRun) {
      return ExitCodes.OK;
    }
    try (EngineSession session = Sessions.open(root)) {
      if (file == null) {
        root.invocation().out().flush();
        new Export(session).to(project.name(), service, index, root.invocation().outBytes());
      } else {
        new Export(session).toFile(project.name(), service, index, file);
      }
    }
    return ExitCodes.OK;
  }

  /** The docker CLI's checks of an output path, made before anything is asked of the Engine. */
  private void checkOutputPath(Path file) {
    if (!Files.isDirectory(file.getParent())) {
      Path given = Path.of(output).normalize().getParent();
      throw new UserError("failed to export container: invalid output path: directory \""
          + (given == null ? file.getParent() : given) + "\" does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new UserError("failed to export container: invalid output path: \"" + output + "\" is a directory, not a file");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new UserError("failed to export container: invalid output path: \"" + output + "\" must be a directory or a regular file");
    }
  }
}
