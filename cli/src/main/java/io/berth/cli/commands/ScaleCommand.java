package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.EngineSession;
import io.berth.executor.PlanResult;
import io.berth.executor.Up;
import io.berth.model.spec.Project;
import io.berth.planner.UpOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "scale", description = "Scale services")
public final class ScaleCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = "--no-deps", description = "Don't start linked services")
  boolean noDeps;

  @Parameters(paramLabel = "SERVICE=REPLICAS", arity = "1..*")
  List<String> scales;

  @Override
  public Integer call() {
    // Only the scaled services (and what they depend on) need their env files, as in Compose.
    Project project = ProjectLoading.load(root, scales.stream().map(s -> s.substring(0, Math.max(0, s.indexOf('='))))
        .filter(s -> !s.isEmpty()).toList());
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : scales) {
      int eq = s.indexOf('=');
      if (eq <= 0 || !s.substring(eq + 1).matches("[0-9]{1,6}")) {
        throw new UserError("invalid scale \"" + s + "\": accepted form is SERVICE=REPLICAS");
      }
      String service = s.substring(0, eq);
      if (!project.services().containsKey(service)) {
        throw new UserError("no such service: " + service);
      }
      counts.put(service, Integer.parseInt(s.substring(eq + 1)));
    }
    UpOptions options = new UpOptions(counts.keySet(), noDeps, UpOptions.Recreate.DIVERGED, false, false, false, counts);
    try (EngineSession session = Sessions.open(root)) {
      PlanResult result = new Up(session).run(project, options, root.global.dryRun, w -> ProjectLoading.warn(root.invocation(), w));
      return PlanReporting.report(root.invocation(), result);
    }
  }
}
