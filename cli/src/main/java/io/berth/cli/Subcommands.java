package io.berth.cli;

import io.berth.cli.commands.AttachCommand;
import io.berth.cli.commands.BuildCommand;
import io.berth.cli.commands.CommitCommand;
import io.berth.cli.commands.ConfigCommand;
import io.berth.cli.commands.CpCommand;
import io.berth.cli.commands.CreateCommand;
import io.berth.cli.commands.DownCommand;
import io.berth.cli.commands.EventsCommand;
import io.berth.cli.commands.ExecCommand;
import io.berth.cli.commands.ExportCommand;
import io.berth.cli.commands.ImagesCommand;
import io.berth.cli.commands.InspectionCommands;
import io.berth.cli.commands.LifecycleCommands;
import io.berth.cli.commands.LogsCommand;
import io.berth.cli.commands.LsCommand;
import io.berth.cli.commands.PluginCommands;
import io.berth.cli.commands.PortCommand;
import io.berth.cli.commands.PsCommand;
import io.berth.cli.commands.PullCommand;
import io.berth.cli.commands.PushCommand;
import io.berth.cli.commands.RunCommand;
import io.berth.cli.commands.ScaleCommand;
import io.berth.cli.commands.UpCommand;
import io.berth.cli.commands.StatsCommand;
import io.berth.cli.commands.UnsupportedCommands;
import io.berth.cli.commands.VersionCommand;
import io.berth.cli.commands.VolumesCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * berth's commands by name, and which of them a command line needs. Building picocli's model of a
 * command reads all its annotations by reflection; doing that for every command on every run cost
 * about half a second of start-up, so a run builds only the command it was given (all of them
 * only for help, a mistyped command, or none).
 */
final class Subcommands {
  private static final Map<String, Class<?>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("up", UpCommand.class);
    BY_NAME.put("create", CreateCommand.class);
    BY_NAME.put("down", DownCommand.class);
    BY_NAME.put("ps", PsCommand.class);
    BY_NAME.put("config", ConfigCommand.class);
    BY_NAME.put("version", VersionCommand.class);
    BY_NAME.put("start", LifecycleCommands.Start.class);
    BY_NAME.put("stop", LifecycleCommands.Stop.class);
    BY_NAME.put("restart", LifecycleCommands.Restart.class);
    BY_NAME.put("kill", LifecycleCommands.Kill.class);
    BY_NAME.put("pause", LifecycleCommands.Pause.class);
    BY_NAME.put("unpause", LifecycleCommands.Unpause.class);
    BY_NAME.put("rm", LifecycleCommands.Rm.class);
    BY_NAME.put("logs", LogsCommand.class);
    BY_NAME.put("build", BuildCommand.class);
    BY_NAME.put("exec", ExecCommand.class);
    BY_NAME.put("run", RunCommand.class);
    BY_NAME.put("pull", PullCommand.class);
    BY_NAME.put("push", PushCommand.class);
    BY_NAME.put("port", PortCommand.class);
    BY_NAME.put("ls", LsCommand.class);
    BY_NAME.put("cp", CpCommand.class);
    BY_NAME.put("top", InspectionCommands.Top.class);
    BY_NAME.put("wait", InspectionCommands.Wait.class);
    BY_NAME.put("images", ImagesCommand.class);
    BY_NAME.put("events", EventsCommand.class);
    BY_NAME.put("scale", ScaleCommand.class);
    BY_NAME.put("attach", AttachCommand.class);
    BY_NAME.put("export", ExportCommand.class);
    BY_NAME.put("commit", CommitCommand.class);
    BY_NAME.put("volumes", VolumesCommand.class);
    BY_NAME.put("stats", StatsCommand.class);
    BY_NAME.put("watch", UnsupportedCommands.Watch.class);
    BY_NAME.put("publish", UnsupportedCommands.Publish.class);
    BY_NAME.put("bridge", UnsupportedCommands.Bridge.class);
    BY_NAME.put("plugin", PluginCommands.Plugin.class);
    BY_NAME.put("docker-cli-plugin-metadata", PluginCommands.Metadata.class);
    BY_NAME.put("help", CommandLine.HelpCommand.class);
  }

  /** The global flags that take a value as the next argument: what follows them is not the command. */
  private static final Set<String> GLOBAL_WITH_VALUE = Set.of("-f", "--file", "-p", "--project-name",
      "--project-directory", "--env-file", "--profile", "--ansi", "--progress", "--parallel");

  /** Everything after the service is the command and its own flags: {@code exec web sh -c 'ls -l'}. */
  private static final Set<String> STOP_AT_POSITIONAL = Set.of("exec", "run");

  /** The commands that never reach the Engine. */
  private static final Set<String> OFF_ENGINE = Set.of("config", "version", "help", "watch", "publish", "bridge", "plugin",
      "docker-cli-plugin-metadata");

  private Subcommands() {}

  /** Adds to {@code root} the command {@code args} names, or every command when it names none that exists. */
  static void register(CommandLine root, CommandLine.IFactory factory, String... args) {
    Optional<String> named = commandName(args).filter(BY_NAME::containsKey).filter(n -> !n.equals("help"));
    if (named.isPresent()) {
      add(root, factory, named.get());
    } else {
      BY_NAME.keySet().forEach(name -> add(root, factory, name));
    }
  }

  /** Whether {@code args} name a command that acts on or reads from the Engine. */
  static boolean talksToEngine(String... args) {
    return commandName(args).filter(BY_NAME::containsKey).filter(n -> !OFF_ENGINE.contains(n)).isPresent();
  }

  /** The first argument that is neither a global flag nor a global flag's value. */
  static Optional<String> commandName(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        return Optional.empty();
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        return Optional.of(arg);
      }
      if (GLOBAL_WITH_VALUE.contains(arg)) {
        i++;
      }
    }
    return Optional.empty();
  }

  private static void add(CommandLine root, CommandLine.IFactory factory, String name) {
    try {
      CommandLine sub = new CommandLine(factory.create(BY_NAME.get(name)), factory);
      sub.setStopAtPositional(STOP_AT_POSITIONAL.contains(name));
      root.addSubcommand(name, sub);
    } catch (Exception e) {
      throw new CommandLine.InitializationException("cannot create the " + name + " command", e);
    }
  }
}
