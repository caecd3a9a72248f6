package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.WriterOutputStream;
import io.berth.executor.EngineSession;
import io.berth.executor.Exec;
import io.berth.executor.tty.LocalTerminal;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "exec", description = "Execute a command in a running container")
public final class ExecCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = {"-d", "--detach"}, description = "Detached mode: Run command in the background")
  boolean detach;

  @Option(names = {"-T", "--no-tty", "--no-TTY"}, description = "Disable pseudo-TTY allocation. By default 'berth exec' allocates a TTY.")
  boolean noTty;

  // As Compose, which takes docker exec's -i and -t for a smooth migration: both are the default.
  @Option(names = {"-i", "--interactive"}, arity = "0..1", fallbackValue = "true", hidden = true,
      description = "Keep STDIN open even if not attached")
  boolean interactive = true;

  @Option(names = {"-t", "--tty"}, arity = "0..1", fallbackValue = "true", hidden = true, description = "Allocate a pseudo-TTY")
  boolean tty = true;

  @Option(names = {"-e", "--env"}, paramLabel = "KEY=VAL", description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Run the command as this user")
  String user;

  @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Path to workdir directory for this command")
  String workdir;

  @Option(names = "--index", paramLabel = "N", description = "Index of the container if service has multiple replicas")
  int index;

  @Option(names = "--privileged", description = "Give extended privileges to the process")
  boolean privileged;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "1..*")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException, java.io.IOException {
    // As Compose's exec, a project name is enough: the container is found on the Engine.
    ProjectLoading.ProjectOrName project = ProjectLoading.loadOrName(root, List.of(service));
    if (project.project().isPresent() && !project.project().get().services().containsKey(service)) {
      throw new UserError("no such service: " + service);
    }
    Map<String, String> environment = new LinkedHashMap<>();
    for (String e : env) {
      int eq = e.indexOf('=');
      if (eq <= 0) {
        // Compose takes a bare KEY from berth's own environment.
        String value = root.invocation().environment().get(e);
        if (value != null) {
          environment.put(e, value);
        }
      } else {
        environment.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    Optional<LocalTerminal> terminal = Sessions.terminal(root, !noTty);
    // As Compose's exec, standard input is always passed on (a terminal, a pipe or a file); its end
    // reaches the command, so `berth exec -T web cat < file` finishes.
    Optional<InputStream> stdin = detach || !interactive ? Optional.empty() : Optional.of(root.invocation().in());
    try (EngineSession session = Sessions.open(root);
        WriterOutputStream out = new WriterOutputStream(root.invocation().out());
        WriterOutputStream err = new WriterOutputStream(root.invocation().err())) {
      return new Exec(session).run(project.name(),
          new Exec.Request(service, index, command, environment, Optional.ofNullable(user), Optional.ofNullable(workdir),
              privileged, terminal, detach, stdin),
          out, err);
    }
  }
}
