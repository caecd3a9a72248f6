package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ProjectLoading;
import io.berth.cli.render.ColorChoice;
import io.berth.cli.render.ProgressPrinter;
import io.berth.cli.terminal.ConsoleTerminal;
import io.berth.executor.EngineSession;
import io.berth.executor.progress.ProgressListener;
import io.berth.executor.tty.LocalTerminal;
import java.util.Optional;

/** Opens the Engine session a command runs in, with progress printed as Compose prints it. */
final class Sessions {
  private Sessions() {}

  static EngineSession open(BerthCommand root) {
    return open(root, progress(root));
  }

  /** Progress as Compose prints it, or none with {@code --progress quiet}. */
  static ProgressListener progress(BerthCommand root) {
    return root.global.progress.equals("quiet") ? ProgressListener.NONE : new ProgressPrinter(root.invocation().err());
  }

  /** A session whose progress goes to {@code progress}. */
  static EngineSession open(BerthCommand root, ProgressListener progress) {
    return EngineSession.open(root.connectEngine(), root.invocation().environment(), progress, ProjectLoading.parallelism(root));
  }

  /**
   * The user's terminal for a session with a TTY: when {@code wanted} (not {@code -T}) and both
   * standard input and output are a terminal, as Compose gives exec and run a TTY by default.
   */
  static Optional<LocalTerminal> terminal(BerthCommand root, boolean wanted) {
    return wanted && root.invocation().terminals().interactive() ? Optional.of(ConsoleTerminal.onStdin()) : Optional.empty();
  }

  /** Colour in log prefixes, as {@link ColorChoice} decides it. */
  static boolean color(BerthCommand root, boolean noColorFlag) {
    return ColorChoice.colorLogs(Optional.ofNullable(root.global.ansi), root.invocation().environment(),
        root.invocation().terminals().out(), noColorFlag);
  }
}
