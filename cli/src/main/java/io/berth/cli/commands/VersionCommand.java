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

/**
 * berth's version and the Compose version it is compatible with. The machine-readable forms
 * ({@code --short}, {@code --format json}) carry only the Compose version, in Compose's shape, as
 * the tools that parse them expect.
 */
@Command(name = "version", description = "Show the berth version information")
public final class VersionCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @ParentCommand BerthCommand root;

  @Option(names = "--short", description = "Shows only the version number of the Docker Compose berth is compatible with")
  boolean shortForm;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Format the output. Values: [pretty | json]")
  String format = "pretty";

  @Override
  public Integer call() {
    var out = root.invocation().out();
    if (shortForm) {
      out.println(ComposeVersion.NUMBER);
    } else if (format.equals("json")) {
      out.println("{\"version\":\"" + ComposeVersion.tagged() + "\"}");
    } else if (format.equals("pretty")) {
      out.println("berth version " + Labels.BERTH_VERSION + " (Docker Compose " + ComposeVersion.tagged() + " compatible)");
    } else {
      throw new UserError("invalid --format \"" + format + "\": accepted values are pretty and json");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
