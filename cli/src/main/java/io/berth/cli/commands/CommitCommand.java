package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.Commit;
import io.berth.executor.EngineSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "commit", description = "Create a new image from a service container's changes")
public final class CommitCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = "--index", paramLabel = "N", description = "index of the container if service has multiple replicas.")
  int index;

  // Without arity 0..1 picocli would read a bare -p as "not the default", turning pausing off.
  @Option(names = {"-p", "--pause"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Pause container during commit (default true)")
  boolean pause = true;

  @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE", description = "Commit message")
  String message = "";

  @Option(names = {"-a", "--author"}, paramLabel = "AUTHOR", description = "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
  String author = "";

  @Option(names = {"-c", "--change"}, paramLabel = "CHANGE", description = "Apply Dockerfile instruction to the created image")
  List<String> changes = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1", paramLabel = "REPOSITORY[:TAG]", arity = "0..1")
  String reference;

  @Override
  public Integer call() {
    ProjectLoading.ProjectOrName project = ProjectLoading.loadOrName(root);
    if (project.project().isPresent() && !project.project().get().services().containsKey(service)) {
      throw new UserError("no such service: " + service);
    }
    if (root.global.dryRun) {
      return ExitCodes.OK;
    }
    try (EngineSession session = Sessions.open(root)) {
      new Commit(session).commit(project.name(),
          new Commit.Request(service, index, Optional.ofNullable(reference).filter(r -> !r.isEmpty()), message, author, changes, pause));
    }
    return ExitCodes.OK;
  }
}
