package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.Table;
import io.berth.executor.EngineSession;
import io.berth.executor.Inspection;
import io.berth.model.spec.Project;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code top} and {@code wait}. */
public final class InspectionCommands {
  private InspectionCommands() {}

  @Command(name = "top", description = "Display the running processes")
  public static final class Top implements Callable<Integer> {
    @ParentCommand BerthCommand root;
    @Mixin HelpOption help;
    @Mixin ServiceSelection selection;

    @Override
    public Integer call() {
      Project project = ProjectLoading.loadForRuntime(root, selection.services);
      Set<String> services = selection.in(project);
      try (EngineSession session = Sessions.open(root)) {
        List<Inspection.Processes> all = new ArrayList<>(new Inspection(session).top(project.name(), services));
        all.sort(Comparator.comparing(Inspection.Processes::container));
        processTable(all).ifPresent(t -> t.print(root.invocation().out()));
        root.invocation().out().flush();
      }
      return ExitCodes.OK;
    }
  }

  /**
   * Every process in one table, as Compose's top prints it: the service and replica first, then
   * the Engine's titles in the order first met, {@code CMD} last, {@code -} where a container's
   * titles lack one. Nothing at all when no container runs.
   */
  static Optional<Table> processTable(List<Inspection.Processes> containers) {
    List<String> titles = new ArrayList<>(List.of("SERVICE", "#"));
    containers.forEach(c -> c.titles().stream().filter(t -> !titles.contains(t)).forEach(titles::add));
    if (titles.remove("CMD")) {
      titles.add("CMD");
    }
    Table table = Table.processes(titles.toArray(String[]::new));
    boolean any = false;
    for (Inspection.Processes c : containers) {
      for (List<String> process : c.rows()) {
        Map<String, String> cells = new HashMap<>();
        cells.put("SERVICE", c.service());
        cells.put("#", Integer.toString(c.replica()));
        for (int i = 0; i < c.titles().size() && i < process.size(); i++) {
          cells.put(c.titles().get(i), process.get(i));
        }
        table.row(titles.stream().map(t -> cells.getOrDefault(t, "-")).toArray(String[]::new));
        any = true;
      }
    }
    return any ? Optional.of(table) : Optional.empty();
  }

  @Command(name = "wait", description = "Block until the first service container stops")
  public static final class Wait implements Callable<Integer> {
    @ParentCommand BerthCommand root;
    @Mixin HelpOption help;
    @Mixin ServiceSelection selection;

    @Option(names = "--down-project", description = "Drops project when the first container stops")
    boolean downProject;

    @Override
    public Integer call() {
      // As Compose: a project name is enough, the containers are found by their labels.
      ProjectLoading.ProjectOrName project = ProjectLoading.loadOrName(root, selection.services);
      Set<String> services = project.project().map(selection::in).orElseGet(() -> new java.util.LinkedHashSet<>(selection.services));
      if (services.isEmpty()) {
        throw new UserError("wait needs at least one service");
      }
      try (EngineSession session = Sessions.open(root)) {
        int code = new Inspection(session).waitFor(project.name(), services);
        root.invocation().out().println(code);
        root.invocation().out().flush();
        if (downProject) {
          new io.berth.executor.Down(session).run(project.name(), project.project(),
              new io.berth.planner.DownOptions(false, false), false);
        }
        return code;
      }
    }
  }
}
