package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ProjectLoading;
import io.berth.cli.render.ProgressPrinter;
import io.berth.executor.EngineSession;

/** Opens the Engine session a command runs in, with progress printed as Compose prints it. */
final class Sessions {
  private Sessions() {}

  static EngineSession open(BerthCommand root) {
    return EngineSession.open(root.invocation().environment(), new ProgressPrinter(root.invocation().err()),
        ProjectLoading.parallelism(root));
  }
}
