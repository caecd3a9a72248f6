package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.GoFormat;
import io.berth.cli.render.GoUnits;
import io.berth.executor.EngineSession;
import io.berth.executor.Stats;
import java.io.PrintWriter;
import java.util.Collections;
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

/**
 * {@code stats}: the project's containers as {@code docker stats} shows them, which is what Compose
 * runs with the project's label as filter. Streaming, the table is redrawn after each sample until
 * the user stops it.
 */
@Command(name = "stats", description = "Display a live stream of container(s) resource usage statistics")
public final class StatsCommand implements Callable<Integer> {
  /** The docker CLI's stats fields and their column titles. */
  private static final Map<String, String> HEADERS = headers();
  private static final String DEFAULT_TABLE =
      "{{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
  /** Back to the top left and clear the rest: the next table is drawn over the last. */
  private static final String REDRAW = "\033[H\033[J";

  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
  boolean all;

  @Option(names = "--no-stream", description = "Disable streaming stats and only pull the first result")
  boolean noStream;

  @Option(names = "--no-trunc", description = "Do not truncate output")
  boolean noTrunc;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Format output using a custom template: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'")
  String format = "";

  @Parameters(paramLabel = "SERVICE", arity = "0..1")
  String service;

  @Override
  public Integer call() {
    GoFormat output;
    try {
      output = GoFormat.parse(format, DEFAULT_TABLE, HEADERS);
    } catch (IllegalArgumentException e) {
      throw new UserError("invalid --format \"" + format + "\": " + e.getMessage());
    }
    ProjectLoading.ProjectOrName project = ProjectLoading.loadOrName(root);
    if (service != null && project.project().isPresent() && !project.project().get().services().containsKey(service)) {
      throw new UserError("no such service: " + service);
    }
    PrintWriter out = root.invocation().out();
    boolean redraw = !noStream && root.invocation().terminals().out();
    try (EngineSession session = Sessions.open(root)) {
      Stats stats = new Stats(session);
      do {
        List<Map<String, String>> rows = stats.sample(project.name(), Optional.ofNullable(service), all).stream()
            .map(this::fields)
            .toList();
        if (redraw) {
          out.print(REDRAW);
        }
        output.print(out, rows);
        // A reader that went away (stats | head) ends the stream; a PrintWriter only says so when asked.
      } while (!noStream && !out.checkError() && !Thread.currentThread().isInterrupted());
    }
    return ExitCodes.OK;
  }

  private Map<String, String> fields(Stats.Sample s) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Container", s.id());
    f.put("ID", noTrunc || s.id().length() <= 12 ? s.id() : s.id().substring(0, 12));
    f.put("Name", s.name().isEmpty() ? "--" : s.name());
    f.put("CPUPerc", GoUnits.percent(s.cpuPercent()));
    f.put("MemUsage", GoUnits.binary(s.memory()) + " / " + GoUnits.binary(s.memoryLimit()));
    f.put("MemPerc", GoUnits.percent(s.memoryPercent()));
    f.put("NetIO", GoUnits.decimal(s.networkRx()) + " / " + GoUnits.decimal(s.networkTx()));
    f.put("BlockIO", GoUnits.decimal(s.blockRead()) + " / " + GoUnits.decimal(s.blockWrite()));
    f.put("PIDs", Long.toString(s.pids()));
    return f;
  }

  private static Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Container", "CONTAINER");
    h.put("ID", "CONTAINER ID");
    h.put("Name", "NAME");
    h.put("CPUPerc", "CPU %");
    h.put("MemUsage", "MEM USAGE / LIMIT");
    h.put("MemPerc", "MEM %");
    h.put("NetIO", "NET I/O");
    h.put("BlockIO", "BLOCK I/O");
    h.put("PIDs", "PIDS");
    return Collections.unmodifiableMap(h);
  }
}
