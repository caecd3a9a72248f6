package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ProjectLoading;
import io.berth.cli.render.ProgressPrinter;
import io.berth.executor.EngineSession;
import io.berth.executor.progress.ProgressListener;

/** Opens the Engine session a command runs in, with progress printed as Compose prints it. */
final class Sessions {
  private Sessions() {}

  static EngineSession open(BerthCommand root) {
    ProgressListener progress = root.global.progress.equals("quiet") ? ProgressListener.NONE : new ProgressPrinter(root.invocation().err());
    return EngineSession.open(root.invocation().environment(), progress, ProjectLoading.parallelism(root));
  }

  /** Colour in log prefixes: {@code --ansi always|never}, else when writing to a terminal and NO_COLOR is unset. */
  static boolean color(BerthCommand root, boolean noColorFlag) {
    return switch (root.global.ansi) {
      case "always" -> !noColorFlag;
      case "never" -> false;
      default -> !noColorFlag && System.console() != null && !root.invocation().environment().containsKey("NO_COLOR");
    };
  }
}
