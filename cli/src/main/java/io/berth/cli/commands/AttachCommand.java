package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.WriterOutputStream;
import io.berth.cli.terminal.SignalForwarding;
import io.berth.executor.Attach;
import io.berth.executor.ProcessSignals;
import io.berth.executor.EngineSession;
import io.berth.model.spec.Project;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "attach", description = "Attach local standard input, output, and error streams to a service's running container")
public final class AttachCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = "--index", paramLabel = "N", description = "Index of the container if service has multiple replicas")
  int index = 1;

  @Option(names = "--no-stdin", description = "Do not attach STDIN")
  boolean noStdin;

  @Option(names = "--sig-proxy", arity = "0..1", description = "Proxy all received signals to the process (default true)")
  boolean sigProxy = true;

  @Option(names = "--detach-keys", paramLabel = "KEYS", description = "Override the key sequence for detaching from a container")
  String detachKeys;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Override
  public Integer call() throws IOException {
    Project project = ProjectLoading.load(root);
    if (!project.services().containsKey(service)) {
      throw new UserError("no such service: " + service);
    }
    try (EngineSession session = Sessions.open(root);
        WriterOutputStream out = new WriterOutputStream(root.invocation().out());
        WriterOutputStream err = new WriterOutputStream(root.invocation().err())) {
      return new Attach(session).run(project.name(), service, index,
          noStdin ? Optional.empty() : Optional.of(root.invocation().in()), Sessions.terminal(root, true),
          Optional.ofNullable(detachKeys), sigProxy ? new SignalForwarding() : ProcessSignals.NONE, out, err);
    }
  }
}
