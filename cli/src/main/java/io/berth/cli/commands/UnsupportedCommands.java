package io.berth.cli.commands;

import io.berth.cli.HelpOption;
import io.berth.cli.UserError;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * Compose's commands berth does not do. Each is known by name, so that a user who types one learns
 * that berth lacks it, rather than reading picocli's "Unmatched argument" as a typo of theirs; its
 * arguments and flags are taken whatever they are, since the refusal does not depend on them.
 */
public final class UnsupportedCommands {
  private UnsupportedCommands() {}

  private static Integer refuse(String command) {
    throw new UserError("berth does not support " + command + " yet");
  }

  @Command(name = "watch", description = "Not supported by berth: watch build contexts and refresh containers")
  public static final class Watch implements Callable<Integer> {
    @Mixin HelpOption help;
    @Unmatched List<String> ignored;

    @Override
    public Integer call() {
      return refuse("watch");
    }
  }

  @Command(name = "publish", description = "Not supported by berth: publish the compose application")
  public static final class Publish implements Callable<Integer> {
    @Mixin HelpOption help;
    @Unmatched List<String> ignored;

    @Override
    public Integer call() {
      return refuse("publish");
    }
  }

  @Command(name = "bridge", description = "Not supported by berth: convert the compose application to another model")
  public static final class Bridge implements Callable<Integer> {
    @Mixin HelpOption help;
    @Unmatched List<String> ignored;

    @Override
    public Integer call() {
      return refuse("bridge");
    }
  }
}
