package io.berth.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The top command. Not runnable on its own, so that {@code berth} with no command is a usage
 * error, as {@code docker compose} without one prints its help. Its commands are added by
 * {@link Subcommands}.
 */
@Command(
    name = "berth",
    description = "Define and run multi-container applications on a Docker Engine (a drop-in for docker compose).")
public final class BerthCommand {
  @Mixin HelpOption help;

  @Mixin public GlobalOptions global;

  final Invocation invocation;

  public BerthCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  public Invocation invocation() {
    return invocation;
  }
}
