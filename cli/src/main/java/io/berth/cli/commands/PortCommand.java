package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.ContainerSummary;
import io.berth.executor.EngineSession;
import io.berth.executor.Ps;
import io.berth.model.spec.Project;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "port", description = "Print the public port for a port binding")
public final class PortCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = "--protocol", paramLabel = "PROTO", description = "tcp or udp")
  String protocol = "tcp";

  @Option(names = "--index", paramLabel = "N", description = "Index of the container if service has multiple replicas")
  int index = 1;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1", paramLabel = "PRIVATE_PORT")
  int privatePort;

  @Override
  public Integer call() {
    Project project = ProjectLoading.load(root);
    if (!project.services().containsKey(service)) {
      throw new UserError("no such service: " + service);
    }
    try (EngineSession session = Sessions.open(root)) {
      ContainerSummary c = new Ps(session).list(project.name(), false, Set.of(service)).stream()
          .filter(s -> s.name().endsWith("-" + index))
          .findFirst()
          .orElseThrow(() -> new UserError("service \"" + service + "\" is not running"));
      ContainerSummary.Publisher p = c.ports().stream()
          .filter(x -> x.targetPort() == privatePort && x.protocol().equals(protocol) && x.publishedPort() > 0)
          .findFirst()
          .orElseThrow(() -> new UserError("no port " + privatePort + "/" + protocol + " for container " + c.name()));
      root.invocation().out().println((p.url().isEmpty() ? "0.0.0.0" : p.url()) + ":" + p.publishedPort());
      root.invocation().out().flush();
    }
    return ExitCodes.OK;
  }
}
