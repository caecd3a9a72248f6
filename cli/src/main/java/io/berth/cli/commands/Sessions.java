package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ProjectLoading;
import io.berth.cli.render.ColorChoice;
import io.berth.cli.render.ProgressPrinter;
import io.berth.executor.EngineSession;
import io.berth.executor.progress.ProgressListener;
import java.util.Optional;

/** Opens the Engine session a command runs in, with progress printed as Compose prints it. */
final class Sessions {
  private Sessions() {}

  static EngineSession open(BerthCommand root) {
    ProgressListener progress = root.global.progress.equals("quiet") ? ProgressListener.NONE : new ProgressPrinter(root.invocation().err());
    return EngineSession.open(root.invocation().environment(), progress, ProjectLoading.parallelism(root));
  }

  /** Colour in log prefixes, as {@link ColorChoice} decides it. */
  static boolean color(BerthCommand root, boolean noColorFlag) {
    return ColorChoice.colorLogs(Optional.ofNullable(root.global.ansi), root.invocation().environment(),
        root.invocation().terminals().out(), noColorFlag);
  }
}
