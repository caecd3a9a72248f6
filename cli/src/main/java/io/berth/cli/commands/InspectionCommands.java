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
      Project project = ProjectLoading.load(root);
      Set<String> services = selection.in(project);
      try (EngineSession session = Sessions.open(root)) {
        var out = root.invocation().out();
        for (Inspection.Processes p : new Inspection(session).top(project.name(), services)) {
          out.println(p.container());
          Table t = new Table(p.titles().toArray(String[]::new));
          p.rows().forEach(r -> t.row(r.toArray(String[]::new)));
          t.print(out);
          out.println();
        }
        out.flush();
      }
      return ExitCodes.OK;
    }
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
      Project project = ProjectLoading.load(root);
      Set<String> services = selection.in(project);
      if (services.isEmpty()) {
        throw new UserError("wait needs at least one service");
      }
      try (EngineSession session = Sessions.open(root)) {
        int code = new Inspection(session).waitFor(project.name(), services);
        root.invocation().out().println(code);
        root.invocation().out().flush();
        if (downProject) {
          new io.berth.executor.Down(session).run(project.name(), java.util.Optional.of(project),
              new io.berth.planner.DownOptions(false, false), false);
        }
        return code;
      }
    }
  }
}
