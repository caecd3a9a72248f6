package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.WriterOutputStream;
import io.berth.executor.EngineSession;
import io.berth.executor.Run;
import io.berth.model.spec.ContainerOptions;
import io.berth.model.spec.PortMapping;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import java.io.IOException;
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

@Command(name = "run", description = "Run a one-off command on a service")
public final class RunCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = {"-d", "--detach"}, description = "Run container in background and print container ID")
  boolean detach;

  @Option(names = "--rm", description = "Automatically remove the container when it exits")
  boolean remove;

  @Option(names = {"-e", "--env"}, paramLabel = "KEY=VAL", description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = {"-l", "--label"}, paramLabel = "KEY=VAL", description = "Add or override a label")
  List<String> labels = new ArrayList<>();

  @Option(names = "--entrypoint", paramLabel = "CMD", description = "Override the entrypoint of the image")
  String entrypoint;

  @Option(names = "--name", paramLabel = "NAME", description = "Assign a name to the container")
  String name = "";

  @Option(names = "--no-deps", description = "Don't start linked services")
  boolean noDeps;

  @Option(names = {"-p", "--publish"}, paramLabel = "PORT", description = "Publish a container's port(s) to the host")
  List<String> publish = new ArrayList<>();

  @Option(names = {"-P", "--service-ports"}, description = "Run command with all service's ports enabled and mapped to the host")
  boolean servicePorts;

  @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Run as specified username or uid")
  String user;

  @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container")
  String workdir;

  @Option(names = {"-T", "--no-TTY"}, description = "Disable pseudo-TTY allocation")
  boolean noTty;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException, IOException {
    Project project = ProjectLoading.load(root);
    if (!project.services().containsKey(service)) {
      throw new UserError("no such service: " + service);
    }
    Service s = oneOff(project.service(service));
    try (EngineSession session = Sessions.open(root);
        WriterOutputStream out = new WriterOutputStream(root.invocation().out());
        WriterOutputStream err = new WriterOutputStream(root.invocation().err())) {
      // As Compose's run, standard input is passed on (-i is its default), and the one-off gets a
      // TTY when berth runs in a terminal, unless -T.
      return new Run(session).run(project, s, !noDeps, name, detach, remove,
          detach ? Optional.empty() : Optional.of(root.invocation().in()), Sessions.terminal(root, !noTty), out, err,
          w -> ProjectLoading.warn(root.invocation(), w));
    }
  }

  /** The service as this run changes it: command, entrypoint, environment, labels, ports, user, workdir. */
  private Service oneOff(Service s) {
    Map<String, String> environment = new LinkedHashMap<>(s.environment());
    keyValues(env, "-e").forEach(environment::put);
    Map<String, String> allLabels = new LinkedHashMap<>(s.labels());
    keyValues(labels, "-l").forEach(allLabels::put);
    List<PortMapping> ports = new ArrayList<>(servicePorts ? s.ports() : List.of());
    for (String p : publish) {
      ports.addAll(PublishedPorts.parse(p));
    }
    Optional<List<String>> cmd = command.isEmpty() ? s.command() : Optional.of(List.copyOf(command));
    Optional<List<String>> entry = entrypoint == null ? s.entrypoint() : Optional.of(List.of(entrypoint));
    ContainerOptions o = s.options();
    return new Service(s.name(), s.image(), cmd, entry, environment, ports, s.volumes(), s.dependsOn(),
        Optional.empty(), Optional.empty(), allLabels, Optional.ofNullable(workdir).or(s::workingDir),
        Optional.ofNullable(user).or(s::user), s.networks(), s.build(), s.pullPolicy(), Optional.empty(), s.healthcheck(),
        s.profiles(), o, s.secrets(), s.configs(), s.pos()).withExtras(withoutRestartPolicy(s.extras()));
  }

  /** A one-off container never restarts: as compose, run drops deploy.restart_policy along with restart. */
  private static io.berth.model.spec.ServiceExtras withoutRestartPolicy(io.berth.model.spec.ServiceExtras x) {
    var deploy = x.deploy().map(d -> new io.berth.model.spec.Deploy(d.mode(), d.replicas(), d.endpointMode(), d.labels(),
        d.limits(), d.reservations(), Optional.empty(), d.placement(), d.updateConfig(), d.rollbackConfig()));
    return new io.berth.model.spec.ServiceExtras(x.engine(), x.links(), deploy, x.attach(), x.postStart(), x.preStop(),
        x.develop(), x.provider(), x.models(), x.useApiSocket(), x.pullRefreshAfter(), x.endpoints(), x.preStart());
  }

  private Map<String, String> keyValues(List<String> entries, String flag) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String e : entries) {
      int eq = e.indexOf('=');
      if (eq == 0) {
        throw new UserError("invalid " + flag + " \"" + e + "\": accepted form is KEY=VALUE");
      }
      if (eq < 0) {
        String value = root.invocation().environment().get(e);
        if (value != null) {
          out.put(e, value);
        }
      } else {
        out.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    return out;
  }
}
