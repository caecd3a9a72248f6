package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.UserError;
import io.berth.planner.labels.Labels;
import java.util.concurrent.Callable;
import io.berth.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "version", description = "Show the berth version information")
public final class VersionCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @ParentCommand BerthCommand root;

  @Option(names = "--short", description = "Shows only berth's version number")
  boolean shortForm;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Format the output. Values: [pretty | json]")
  String format = "pretty";

  @Override
  public Integer call() {
    var out = root.invocation().out();
    if (shortForm) {
      out.println(Labels.BERTH_VERSION);
    } else if (format.equals("json")) {
      out.println("{\"version\":\"" + Labels.BERTH_VERSION + "\"}");
    } else if (format.equals("pretty")) {
      out.println("berth version " + Labels.BERTH_VERSION);
    } else {
      throw new UserError("invalid --format \"" + format + "\": accepted values are pretty and json");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
