package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.ColorChoice;
import io.berth.cli.render.ProgressPrinter;
import io.berth.cli.terminal.ConsoleTerminal;
import io.berth.executor.EngineSession;
import io.berth.executor.lock.ProjectLock;
import io.berth.executor.progress.ProgressListener;
import io.berth.executor.tty.LocalTerminal;
import java.time.Duration;
import java.util.Optional;

/** Opens the Engine session a command runs in, with progress printed as Compose prints it. */
final class Sessions {
  private Sessions() {}

  static EngineSession open(BerthCommand root) {
    return open(root, progress(root));
  }

  /** Progress as Compose prints it, or none with {@code --progress quiet} (or COMPOSE_PROGRESS=quiet). */
  static ProgressListener progress(BerthCommand root) {
    return quiet(root) ? ProgressListener.NONE : new ProgressPrinter(root.invocation().err(), root.invocation().out());
  }

  /**
   * {@code --progress quiet}; as Compose, whose flag takes its default from COMPOSE_PROGRESS, the
   * variable decides where the flag is left at its default.
   */
  static boolean quiet(BerthCommand root) {
    String progress = root.global.progress;
    if (progress.equals("auto")) {
      progress = root.invocation().environment().getOrDefault("COMPOSE_PROGRESS", "auto");
    }
    return progress.equals("quiet");
  }

  /** A session whose progress goes to {@code progress}. */
  static EngineSession open(BerthCommand root, ProgressListener progress) {
    return EngineSession.open(root.connectEngine(), root.invocation().environment(), progress, ProjectLoading.parallelism(root))
        .lockPolicy(lockPolicy(root));
  }

  /**
   * How long a command waits for another that holds the project's lock: {@code BERTH_LOCK_TIMEOUT}
   * seconds, else five minutes; that it waits is said once on standard error, unless quiet.
   */
  static ProjectLock.Policy lockPolicy(BerthCommand root) {
    String value = root.invocation().environment().get(LOCK_TIMEOUT);
    Duration limit = ProjectLock.Policy.DEFAULT_LIMIT;
    if (value != null && !value.isBlank()) {
      try {
        limit = Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
      } catch (NumberFormatException e) {
        throw new UserError(LOCK_TIMEOUT + " must be a whole number of seconds, got \"" + value + "\"");
      }
    }
    boolean quiet = quiet(root);
    return new ProjectLock.Policy(limit, notice -> {
      if (!quiet) {
        root.invocation().err().println(notice);
        root.invocation().err().flush();
      }
    });
  }

  static final String LOCK_TIMEOUT = "BERTH_LOCK_TIMEOUT";

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
