package io.berth.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.Durations;
import io.berth.cli.render.Table;
import io.berth.executor.ContainerSummary;
import io.berth.executor.EngineSession;
import io.berth.executor.Ps;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output: table or json")
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
    if (!format.equals("table") && !format.equals("json")) {
      throw new UserError("invalid --format \"" + format + "\": accepted values are table and json");
    }
    ProjectLoading.ProjectOrName project = ProjectLoading.loadOrName(root);
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
    } else if (format.equals("json")) {
      ObjectMapper json = new ObjectMapper();
      for (ContainerSummary c : containers) {
        out.println(json.writeValueAsString(jsonOf(c)));
      }
    } else {
      table(containers).print(out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private Table table(List<ContainerSummary> containers) {
    Table t = new Table("NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS");
    long now = Instant.now().getEpochSecond();
    for (ContainerSummary c : containers) {
      t.row(c.name(), c.image(), "\"" + (noTrunc ? c.command() : ellipsis(c.command(), 20)) + "\"", c.service(),
          Durations.human(now - c.created()) + " ago", c.status(), ports(c));
    }
    return t;
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

  private static Map<String, Object> jsonOf(ContainerSummary c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", c.id());
    m.put("Name", c.name());
    m.put("Image", c.image());
    m.put("Command", "\"" + c.command() + "\"");
    m.put("Project", c.project());
    m.put("Service", c.service());
    m.put("Created", c.created());
    m.put("State", c.state());
    m.put("Status", c.status());
    m.put("Publishers", c.ports().stream().map(p -> Map.of(
        "URL", p.url(), "TargetPort", p.targetPort(), "PublishedPort", p.publishedPort(), "Protocol", p.protocol())).toList());
    return m;
  }
}
