package io.berth.cli;

import io.berth.cli.commands.BuildCommand;
import io.berth.cli.commands.ConfigCommand;
import io.berth.cli.commands.CpCommand;
import io.berth.cli.commands.DownCommand;
import io.berth.cli.commands.EventsCommand;
import io.berth.cli.commands.ExecCommand;
import io.berth.cli.commands.ImagesCommand;
import io.berth.cli.commands.InspectionCommands;
import io.berth.cli.commands.LifecycleCommands;
import io.berth.cli.commands.LogsCommand;
import io.berth.cli.commands.LsCommand;
import io.berth.cli.commands.PortCommand;
import io.berth.cli.commands.PsCommand;
import io.berth.cli.commands.PullCommand;
import io.berth.cli.commands.RunCommand;
import io.berth.cli.commands.ScaleCommand;
import io.berth.cli.commands.UpCommand;
import io.berth.cli.commands.VersionCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The top command. Not runnable on its own, so that {@code berth} with no command is a usage
 * error, as {@code docker compose} without one prints its help.
 */
@Command(
    name = "berth",
    description = "Define and run multi-container applications on a Docker Engine (a drop-in for docker compose).",
    subcommands = {
        UpCommand.class, DownCommand.class, PsCommand.class, ConfigCommand.class, VersionCommand.class,
        LifecycleCommands.Start.class, LifecycleCommands.Stop.class, LifecycleCommands.Restart.class,
        LifecycleCommands.Kill.class, LifecycleCommands.Pause.class, LifecycleCommands.Unpause.class,
        LifecycleCommands.Rm.class, LogsCommand.class, BuildCommand.class, ExecCommand.class, RunCommand.class, PullCommand.class,
        PortCommand.class, LsCommand.class, CpCommand.class, InspectionCommands.Top.class, InspectionCommands.Wait.class,
        ImagesCommand.class, EventsCommand.class, ScaleCommand.class,
        picocli.CommandLine.HelpCommand.class
    })
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
