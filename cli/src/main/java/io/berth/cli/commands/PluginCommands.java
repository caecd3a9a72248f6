package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.UserError;
import io.berth.planner.labels.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * berth as the docker CLI's {@code compose} plugin: the metadata the CLI asks a plugin for, and
 * installing a launcher where the CLI finds plugins. The CLI then runs {@code docker-compose
 * compose ARGS}, which {@link io.berth.cli.Main} reads as {@code berth ARGS}.
 */
public final class PluginCommands {
  /** The first line after the shebang of every file berth installs: what uninstall removes, and nothing else. */
  static final String MARKER = "# Installed by `berth plugin install`: Docker Compose, served by berth.";

  private PluginCommands() {}

  /** What the docker CLI reads before it lists or runs a plugin ({@code SchemaVersion} and {@code Vendor} are required). */
  @Command(name = "docker-cli-plugin-metadata", hidden = true, description = "Print the docker CLI plugin metadata")
  public static final class Metadata implements Callable<Integer> {
    @ParentCommand BerthCommand root;

    @Override
    public Integer call() {
      var out = root.invocation().out();
      out.println("{\"SchemaVersion\":\"0.1.0\",\"Vendor\":\"berth\",\"Version\":\"" + ComposeVersion.tagged()
          + "\",\"ShortDescription\":\"Docker Compose (berth " + Labels.BERTH_VERSION + ")\"}");
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "plugin", description = "Install or uninstall berth as the docker CLI's compose plugin",
      subcommands = {Install.class, Uninstall.class})
  public static final class Plugin implements Callable<Integer> {
    @Mixin HelpOption help;

    @ParentCommand BerthCommand root;

    @Override
    public Integer call() {
      throw new UserError("plugin needs a command: install or uninstall");
    }
  }

  /** Where the files go: the docker CLI's plugin directory, and optionally a {@code docker-compose} command. */
  static final class Targets {
    @Option(names = "--dir", paramLabel = "DIR",
        description = "The docker CLI plugin directory (default: $DOCKER_CONFIG/cli-plugins, else ~/.docker/cli-plugins)")
    Path dir;

    @Option(names = "--standalone", paramLabel = "DIR", arity = "0..1", fallbackValue = "",
        description = "Also a docker-compose command in DIR (default: ~/.local/bin)")
    String standalone;

    @Option(names = "--force", description = "Replace or remove a file berth did not install")
    boolean force;

    List<Path> files(Map<String, String> env, Path workingDir) {
      List<Path> files = new ArrayList<>();
      files.add(pluginDir(env, workingDir).resolve("docker-compose"));
      if (standalone != null) {
        Path bin = standalone.isEmpty() ? home(env).resolve(".local/bin") : workingDir.resolve(standalone);
        files.add(bin.resolve("docker-compose"));
      }
      return files;
    }

    private Path pluginDir(Map<String, String> env, Path workingDir) {
      if (dir != null) {
        return workingDir.resolve(dir);
      }
      String config = env.get("DOCKER_CONFIG");
      return config != null && !config.isBlank() ? workingDir.resolve(config).resolve("cli-plugins")
          : home(env).resolve(".docker/cli-plugins");
    }

    private static Path home(Map<String, String> env) {
      return Path.of(Optional.ofNullable(env.get("HOME")).filter(h -> !h.isBlank()).orElse(System.getProperty("user.home")));
    }
  }

  @Command(name = "install", description = "Install berth as the docker CLI's compose plugin")
  public static final class Install implements Callable<Integer> {
    @Mixin HelpOption help;

    @ParentCommand Plugin plugin;

    @Mixin Targets targets = new Targets();

    @Override
    public Integer call() {
      var inv = plugin.root.invocation();
      String launcher = launcher();
      String script = "#!/bin/sh\n" + MARKER + "\nexec " + shellQuoted(launcher) + " \"$@\"\n";
      List<Path> files = targets.files(inv.environment(), inv.workingDir());
      for (Path file : files) {
        if (Files.exists(file) && !installedByBerth(file) && !targets.force) {
          throw new UserError(file + " exists and was not installed by berth: remove it, or pass --force to replace it");
        }
      }
      for (Path file : files) {
        write(file, script);
        inv.out().println("Installed " + file);
      }
      inv.out().flush();
      return ExitCodes.OK;
    }

    /** bin/berth, as the launcher names itself to the JVM: the installed file runs it, so it follows rebuilds. */
    private static String launcher() {
      String launcher = System.getProperty("berth.launcher", "");
      if (launcher.isBlank()) {
        throw new UserError("plugin install must be run through bin/berth, which the installed plugin runs");
      }
      return Path.of(launcher).toAbsolutePath().normalize().toString();
    }

    private static void write(Path file, String script) {
      try {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".docker-compose", ".tmp");
        Files.writeString(tmp, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UserError("cannot install " + file + ": " + e.getMessage());
      }
    }

    private static String shellQuoted(String s) {
      return "'" + s.replace("'", "'\\''") + "'";
    }
  }

  @Command(name = "uninstall", description = "Remove what `berth plugin install` installed")
  public static final class Uninstall implements Callable<Integer> {
    @Mixin HelpOption help;

    @ParentCommand Plugin plugin;

    @Mixin Targets targets = new Targets();

    @Override
    public Integer call() {
      var inv = plugin.root.invocation();
      List<Path> files = targets.files(inv.environment(), inv.workingDir());
      for (Path file : files) {
        if (Files.exists(file) && !installedByBerth(file) && !targets.force) {
          throw new UserError(file + " was not installed by berth: it is left alone (pass --force to remove it)");
        }
      }
      for (Path file : files) {
        try {
          if (Files.deleteIfExists(file)) {
            inv.out().println("Removed " + file);
          } else {
            inv.out().println("Nothing installed at " + file);
          }
        } catch (IOException e) {
          throw new UserError("cannot remove " + file + ": " + e.getMessage());
        }
      }
      inv.out().flush();
      return ExitCodes.OK;
    }
  }

  static boolean installedByBerth(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return lines.size() > 1 && lines.get(1).equals(MARKER);
    } catch (IOException | UncheckedIOException e) {
      // A binary (a real docker-compose) does not read as UTF-8 lines: not ours.
      return false;
    }
  }
}
