package io.berth.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.Durations;
import io.berth.cli.render.GoFormat;
import io.berth.cli.render.GoStrings;
import io.berth.executor.ContainerSummary;
import io.berth.executor.EngineSession;
import io.berth.executor.Ps;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import io.berth.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "ps", description = "List containers")
public final class PsCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @ParentCommand BerthCommand root;

  @Option(names = {"-a", "--all"}, description = "Show all stopped containers")
  boolean all;

  @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
  boolean quiet;

  @Option(names = "--services", description = "Display services")
  boolean servicesOnly;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output. Values: [table | json], or a template ({{.Name}}, table {{.Name}}\\t{{.State}})")
  String format = "table";

  @Option(names = "--status", paramLabel = "STATUS", description = "Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]")
  List<String> status = new java.util.ArrayList<>();

  @Option(names = "--filter", paramLabel = "FILTER", description = "Filter services by a property (supported filters: status)")
  List<String> filters = new java.util.ArrayList<>();

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Option(names = "--orphans", arity = "0..1", fallbackValue = "true", description = "Include orphaned services (not declared by project) (default true)")
  boolean orphans = true;

  @Parameters(paramLabel = "SERVICE", arity = "0..*")
  List<String> services = List.of();

  @Override
  public Integer call() throws JsonProcessingException {
    boolean json = format.strip().equals("json");
    GoFormat template;
    try {
      template = GoFormat.parse(json ? "table" : format, DEFAULT_TABLE, HEADERS);
    } catch (IllegalArgumentException e) {
      throw new UserError("invalid --format \"" + format + "\": " + e.getMessage());
    }
    ProjectLoading.ProjectOrName project = ProjectLoading.loadOrName(root, services);
    for (String s : services) {
      if (project.project().isPresent() && !project.project().get().services().containsKey(s)) {
        throw new UserError("no such service: " + s);
      }
    }
    List<String> states = new java.util.ArrayList<>(status);
    for (String f : filters) {
      if (!f.startsWith("status=")) {
        throw new UserError("invalid --filter \"" + f + "\": the supported filter is status=STATUS");
      }
      states.add(f.substring("status=".length()));
    }
    // As Compose: --orphans=false lists only the services the file declares.
    LinkedHashSet<String> listed = new LinkedHashSet<>(services);
    if (listed.isEmpty() && !orphans && project.project().isPresent()) {
      listed.addAll(project.project().get().services().keySet());
    }
    List<ContainerSummary> containers;
    try (EngineSession session = Sessions.open(root)) {
      // A status filter looks at stopped containers too, as in Compose.
      containers = new Ps(session).list(project.name(), all || !states.isEmpty(), listed).stream()
          .filter(c -> states.isEmpty() || states.contains(c.state()))
          .toList();
    }
    PrintWriter out = root.invocation().out();
    if (quiet) {
      containers.forEach(c -> out.println(c.id()));
    } else if (servicesOnly) {
      containers.stream().map(ContainerSummary::service).distinct().forEach(out::println);
    } else if (json) {
      ObjectMapper mapper = new ObjectMapper();
      for (ContainerSummary c : containers) {
        out.println(mapper.writeValueAsString(jsonOf(c, !noTrunc)));
      }
    } else {
      long now = Instant.now().getEpochSecond();
      template.print(out, containers.stream().map(c -> fields(c, !noTrunc, now)).toList());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String ports(ContainerSummary c) {
    return c.ports().stream().map(p -> p.publishedPort() == 0
            ? p.targetPort() + "/" + p.protocol()
            : (p.url().isEmpty() ? "" : p.url() + ":") + p.publishedPort() + "->" + p.targetPort() + "/" + p.protocol())
        .distinct()
        .collect(Collectors.joining(", "));
  }

  /** The docker CLI's cut: at most {@code max} characters, the last one an ellipsis. */
  static String ellipsis(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** The docker CLI's formatter fields of a container, as Compose's {@code ps} gives them to a template. */
  private static Map<String, String> fields(ContainerSummary c, boolean trunc, long now) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("ID", trunc && c.id().length() > 12 ? c.id().substring(0, 12) : c.id());
    f.put("Name", c.name());
    f.put("Names", String.join(",", trunc ? c.names().stream().filter(n -> !n.contains("/")).limit(1).toList() : c.names()));
    f.put("Project", c.project());
    f.put("Service", c.service());
    f.put("Image", c.image());
    f.put("Command", GoStrings.quote(trunc ? ellipsis(c.command(), 20) : c.command()));
    f.put("CreatedAt", GoStrings.time(c.created()));
    f.put("RunningFor", Durations.human(now - c.created()) + " ago");
    f.put("Ports", ports(c));
    f.put("State", c.state());
    f.put("Status", c.status());
    f.put("Health", c.health());
    f.put("ExitCode", Integer.toString(c.exitCode()));
    // Compose's ps does not ask the Engine for sizes, so they are 0.
    f.put("Size", "0B");
    f.put("Labels", new TreeMap<>(c.labels()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(",")));
    f.put("Mounts", c.mounts().stream().map(m -> trunc ? ellipsis(m, 15) : m).collect(Collectors.joining(",")));
    f.put("LocalVolumes", Integer.toString(c.localVolumes()));
    f.put("Networks", String.join(",", c.networks()));
    f.put("Engine", c.labels().getOrDefault("com.docker.compose.engine", ""));
    return f;
  }

  /**
   * {@code ps --format json}: one object a line, as the docker CLI's formatter marshals Compose's
   * container context: every field, keys sorted, the exit code a number and the publishers a list.
   */
  private static Map<String, Object> jsonOf(ContainerSummary c, boolean trunc) {
    Map<String, Object> m = new TreeMap<>(fields(c, trunc, Instant.now().getEpochSecond()));
    m.put("ExitCode", c.exitCode());
    m.put("Publishers", c.ports().stream().map(p -> {
      Map<String, Object> publisher = new LinkedHashMap<>();
      publisher.put("URL", p.url());
      publisher.put("TargetPort", p.targetPort());
      publisher.put("PublishedPort", p.publishedPort());
      publisher.put("Protocol", p.protocol());
      return publisher;
    }).toList());
    return m;
  }

  private static final String DEFAULT_TABLE = "{{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}";

  /** The column titles of Compose's container context; fields it gives no title to have none. */
  private static final Map<String, String> HEADERS = headers();

  private static Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("ID", "CONTAINER ID");
    h.put("Name", "NAME");
    h.put("Names", "");
    h.put("Project", "PROJECT");
    h.put("Service", "SERVICE");
    h.put("Image", "IMAGE");
    h.put("Command", "COMMAND");
    h.put("CreatedAt", "CREATED AT");
    h.put("RunningFor", "CREATED");
    h.put("Ports", "PORTS");
    h.put("State", "STATE");
    h.put("Status", "STATUS");
    h.put("Health", "");
    h.put("ExitCode", "");
    h.put("Size", "SIZE");
    h.put("Labels", "LABELS");
    h.put("Mounts", "");
    h.put("LocalVolumes", "");
    h.put("Networks", "");
    h.put("Engine", "ENGINE");
    return h;
  }
}
