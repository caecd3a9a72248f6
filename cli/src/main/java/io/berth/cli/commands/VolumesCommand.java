package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.GoFormat;
import io.berth.executor.EngineSession;
import io.berth.executor.Volumes;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "volumes", description = "List volumes")
public final class VolumesCommand implements Callable<Integer> {
  /** The docker CLI's volume fields and their column titles. */
  private static final Map<String, String> HEADERS = headers();

  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = {"-q", "--quiet"}, description = "Only display volume names")
  boolean quiet;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Format output using a custom template: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'")
  String format = "table";

  @Parameters(paramLabel = "SERVICE", arity = "0..*")
  List<String> services = List.of();

  @Override
  public Integer call() {
    GoFormat output;
    try {
      output = GoFormat.parse(format, "{{.Driver}}\t{{.Name}}", HEADERS);
    } catch (IllegalArgumentException e) {
      throw new UserError("invalid --format \"" + format + "\": " + e.getMessage());
    }
    ProjectLoading.ProjectOrName project = ProjectLoading.loadOrName(root);
    for (String s : services) {
      if (project.project().isPresent() && !project.project().get().services().containsKey(s)) {
        throw new UserError("no such service: " + s);
      }
    }
    List<Volumes.Summary> volumes;
    try (EngineSession session = Sessions.open(root)) {
      volumes = new Volumes(session).list(project.name(), new LinkedHashSet<>(services));
    }
    PrintWriter out = root.invocation().out();
    if (quiet) {
      volumes.forEach(v -> out.println(v.name()));
      out.flush();
    } else {
      output.print(out, volumes.stream().map(VolumesCommand::fields).toList());
    }
    return ExitCodes.OK;
  }

  private static Map<String, String> fields(Volumes.Summary v) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Name", v.name());
    f.put("Driver", v.driver());
    f.put("Scope", v.scope());
    f.put("Mountpoint", v.mountpoint());
    f.put("Labels", new TreeMap<>(v.labels()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(",")));
    // What the Engine tells only for a cluster volume or in a disk-usage listing.
    for (String unknown : List.of("Links", "Size", "Group", "Availability", "Status")) {
      f.put(unknown, "N/A");
    }
    return f;
  }

  private static Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Name", "VOLUME NAME");
    h.put("Driver", "DRIVER");
    h.put("Scope", "SCOPE");
    h.put("Mountpoint", "MOUNTPOINT");
    h.put("Labels", "LABELS");
    h.put("Links", "LINKS");
    h.put("Size", "SIZE");
    h.put("Group", "GROUP");
    h.put("Availability", "AVAILABILITY");
    h.put("Status", "STATUS");
    return java.util.Collections.unmodifiableMap(h);
  }
}
