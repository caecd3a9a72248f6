package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.WriterOutputStream;
import io.berth.cli.terminal.SignalForwarding;
import io.berth.executor.EngineSession;
import io.berth.executor.Run;
import io.berth.executor.RunOptions;
import io.berth.executor.create.Capabilities;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressListener;
import io.berth.model.spec.ContainerOptions;
import io.berth.model.spec.Mount;
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
  /** The values Compose's --pull takes. */
  private static final List<String> PULL_POLICIES = List.of("always", "missing", "never", "build", "if_not_present");

  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = {"-d", "--detach"}, description = "Run container in background and print container ID")
  boolean detach;

  @Option(names = "--rm", description = "Automatically remove the container when it exits")
  boolean remove;

  @Option(names = {"-e", "--env"}, paramLabel = "KEY=VAL", description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = {"-l", "--label", "--labels"}, paramLabel = "KEY=VAL", description = "Add or override a label")
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

  @Option(names = {"-T", "--no-tty", "--no-TTY"}, arity = "0..1", fallbackValue = "true",
      description = "Disable pseudo-TTY allocation (default: auto-detected)")
  Boolean noTty;

  @Option(names = {"-i", "--interactive"}, arity = "0..1", fallbackValue = "true", description = "Keep STDIN open even if not attached")
  boolean interactive = true;

  // docker run's -t, taken as Compose takes it: given, it decides the TTY; with --no-tty, it is a mistake.
  @Option(names = {"-t", "--tty"}, arity = "0..1", fallbackValue = "true", hidden = true, description = "Allocate a pseudo-TTY")
  Boolean tty;

  // --volumes and --labels too, as Compose's run normalizes them.
  @Option(names = {"-v", "--volume", "--volumes"}, paramLabel = "VOLUME", description = "Bind mount a volume")
  List<String> volumes = new ArrayList<>();

  @Option(names = "--cap-add", paramLabel = "CAP", description = "Add Linux capabilities")
  List<String> capAdd = new ArrayList<>();

  @Option(names = "--cap-drop", paramLabel = "CAP", description = "Drop Linux capabilities")
  List<String> capDrop = new ArrayList<>();

  @Option(names = "--use-aliases", description = "Use the service's network useAliases in the network(s) the container connects to")
  boolean useAliases;

  @Option(names = "--env-from-file", paramLabel = "FILE", description = "Set environment variables from file")
  List<String> envFiles = new ArrayList<>();

  @Option(names = "--build", description = "Build image before starting container")
  boolean build;

  @Option(names = "--pull", paramLabel = "POLICY", description = "Pull image before running (\"always\"|\"missing\"|\"never\")")
  String pull;

  @Option(names = {"-q", "--quiet"}, description = "Don't print anything to STDOUT")
  boolean quiet;

  @Option(names = "--quiet-build", description = "Suppress progress output from the build process")
  boolean quietBuild;

  @Option(names = "--quiet-pull", description = "Pull without printing progress information")
  boolean quietPull;

  @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
  boolean removeOrphans;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException, IOException {
    boolean withTty = wantsTty();
    Project loaded = ProjectLoading.load(root, List.of(service));
    if (!loaded.services().containsKey(service)) {
      throw new UserError("no such service: " + service);
    }
    // Every value is checked before the Engine is asked anything.
    Project project = withPullPolicies(loaded);
    Map<String, Service> services = new LinkedHashMap<>(project.services());
    services.put(service, oneOff(project, project.service(service)));
    project = project.withServices(services);
    try (EngineSession session = Sessions.open(root, progress());
        WriterOutputStream out = new WriterOutputStream(root.invocation().out());
        WriterOutputStream err = new WriterOutputStream(root.invocation().err())) {
      // As Compose's run, standard input is passed on (-i is its default), and the one-off gets a
      // TTY when berth runs in a terminal, unless -T.
      return new Run(session).run(project, service, new RunOptions(!noDeps, name, detach, remove, useAliases, removeOrphans, interactive),
          detach || !interactive ? Optional.empty() : Optional.of(root.invocation().in()), Sessions.terminal(root, withTty),
          new SignalForwarding(), out, err,
          w -> ProjectLoading.warn(root.invocation(), w));
    }
  }

  /**
   * A TTY unless -T, or as -t says; when berth has no terminal, {@link Sessions#terminal} gives none
   * anyway. As Compose (docker's CheckTty): a TTY asked for in so many words ({@code -t},
   * {@code --no-tty=false}) with standard input attached but not a terminal is a mistake, where by
   * default a pipe for input simply means no TTY.
   */
  private boolean wantsTty() {
    if (tty != null && noTty != null) {
      throw new UserError("--tty and --no-tty can't be used together");
    }
    boolean asked = Boolean.TRUE.equals(tty) || Boolean.FALSE.equals(noTty);
    if (asked && interactive && !root.invocation().terminals().in()) {
      throw new UserError("the input device is not a TTY");
    }
    return tty != null ? tty : !Boolean.TRUE.equals(noTty);
  }

  /** Progress as -q, --quiet-pull and --quiet-build leave it: none, or without each layer or build step. */
  private ProgressListener progress() {
    if (quiet) {
      return ProgressListener.NONE;
    }
    ProgressListener all = Sessions.progress(root);
    if (!quietPull && !quietBuild) {
      return all;
    }
    return event -> {
      boolean hidden = (quietPull && event.status() == ProgressEvent.Status.LAYER)
          || (quietBuild && event.status() == ProgressEvent.Status.BUILD_OUTPUT);
      if (!hidden) {
        all.on(event);
      }
    };
  }

  /**
   * As Compose's --pull and --build: every service gets the pull policy asked for, and with
   * --build every service with a build section is built again.
   */
  private Project withPullPolicies(Project project) {
    if (pull == null && !build) {
      return project;
    }
    if (pull != null && !PULL_POLICIES.contains(pull)) {
      throw new UserError("invalid --pull option \"" + pull + "\" (accepted: " + String.join(", ", PULL_POLICIES) + ")");
    }
    Map<String, Service> services = new LinkedHashMap<>();
    for (Service s : project.services().values()) {
      Service changed = pull == null ? s : s.withPullPolicy(pull);
      services.put(s.name(), build && s.build().isPresent() ? changed.withPullPolicy("build") : changed);
    }
    return project.withServices(services);
  }

  /**
   * The service as this run changes it: command, entrypoint, environment, labels, ports, user,
   * workdir, volumes, capabilities.
   */
  private Service oneOff(Project project, Service s) {
    Map<String, String> environment = new LinkedHashMap<>(s.environment());
    // As Compose, a bare -e VAR takes its value from the project environment: the shell over .env
    // or --env-file, so that a value there beats the service's own environment and env_file.
    environment.putAll(EnvFiles.with(keyValues(env, "-e", project.environment()), envFiles, root.invocation().workingDir()));
    Map<String, String> allLabels = new LinkedHashMap<>(s.labels());
    keyValues(labels, "-l", root.invocation().environment()).forEach(allLabels::put);
    List<PortMapping> ports = new ArrayList<>(servicePorts ? s.ports() : List.of());
    for (String p : publish) {
      ports.addAll(PublishedPorts.parse(p));
    }
    List<Mount> mounts = RunVolumes.with(s.volumes(), volumes, project, root.invocation().workingDir(),
        root.invocation().environment());
    Optional<List<String>> cmd = command.isEmpty() ? s.command() : Optional.of(List.copyOf(command));
    Optional<List<String>> entry = entrypoint == null ? s.entrypoint() : Optional.of(List.of(entrypoint));
    ContainerOptions o = capabilities(s.options());
    return new Service(s.name(), s.image(), cmd, entry, environment, ports, mounts, s.dependsOn(),
        Optional.empty(), Optional.empty(), allLabels, Optional.ofNullable(workdir).or(s::workingDir),
        Optional.ofNullable(user).or(s::user), s.networks(), s.build(), s.pullPolicy(), Optional.empty(), s.healthcheck(),
        s.profiles(), o, s.secrets(), s.configs(), s.pos()).withExtras(withoutRestartPolicy(s.extras()));
  }

  /** As Compose: --cap-add and --cap-drop add to the service's own, each taking its names from the other list. */
  private ContainerOptions capabilities(ContainerOptions o) {
    if (capAdd.isEmpty() && capDrop.isEmpty()) {
      return o;
    }
    for (String cap : capAdd) {
      knownCapability("--cap-add", cap);
    }
    for (String cap : capDrop) {
      knownCapability("--cap-drop", cap);
    }
    List<String> add = new ArrayList<>(o.capAdd());
    List<String> drop = new ArrayList<>(o.capDrop());
    if (!capAdd.isEmpty()) {
      add.addAll(capAdd);
      drop.removeAll(capAdd);
    }
    if (!capDrop.isEmpty()) {
      drop.addAll(capDrop);
      add.removeAll(capDrop);
    }
    return o.withCapabilities(add, drop);
  }

  private static void knownCapability(String flag, String cap) {
    if (Capabilities.of(cap).isEmpty()) {
      throw new UserError("invalid " + flag + " \"" + cap
          + "\": unknown capability (accepted: a Linux capability such as NET_ADMIN, with or without CAP_, or ALL)");
    }
  }

  /** A one-off container never restarts: as compose, run drops deploy.restart_policy along with restart. */
  private static io.berth.model.spec.ServiceExtras withoutRestartPolicy(io.berth.model.spec.ServiceExtras x) {
    var deploy = x.deploy().map(d -> new io.berth.model.spec.Deploy(d.mode(), d.replicas(), d.endpointMode(), d.labels(),
        d.limits(), d.reservations(), Optional.empty(), d.placement(), d.updateConfig(), d.rollbackConfig()));
    return new io.berth.model.spec.ServiceExtras(x.engine(), x.links(), deploy, x.attach(), x.postStart(), x.preStop(),
        x.develop(), x.provider(), x.models(), x.useApiSocket(), x.pullRefreshAfter(), x.endpoints(), x.preStart());
  }

  private static Map<String, String> keyValues(List<String> entries, String flag, Map<String, String> lookup) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String e : entries) {
      int eq = e.indexOf('=');
      if (eq == 0) {
        throw new UserError("invalid " + flag + " \"" + e + "\": accepted form is KEY=VALUE");
      }
      if (eq < 0) {
        String value = lookup.get(e);
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
