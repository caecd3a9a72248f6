package io.berth.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags Compose takes before the command name ({@code berth -f a.yaml -p demo up}). Like
 * Compose's, they are not accepted after it, where short names mean other things ({@code logs -f}).
 */
public final class GlobalOptions {
  @Option(names = {"-f", "--file"}, paramLabel = "FILE",
      description = "Compose configuration files (repeatable; later files override earlier ones)")
  public List<Path> files = new ArrayList<>();

  @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name")
  public String projectName;

  @Option(names = "--project-directory", paramLabel = "DIR",
      description = "Alternate working directory (default: the directory of the first compose file)")
  public Path projectDirectory;

  @Option(names = "--env-file", paramLabel = "FILE",
      description = "Alternate environment files (repeatable)")
  public List<Path> envFiles = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "PROFILE", description = "Specify a profile to enable (repeatable)")
  public List<String> profiles = new ArrayList<>();

  /** Unset unless given, so that {@code COMPOSE_ANSI} applies only then. */
  @Option(names = "--ansi", paramLabel = "WHEN",
      description = "Control when to print ANSI control characters (\"never\"|\"always\"|\"auto\") (default: COMPOSE_ANSI, else auto)")
  public String ansi;

  @Option(names = "--progress", paramLabel = "TYPE", description = "Set type of progress output (auto, tty, plain, json, quiet)")
  public String progress = "auto";

  @Option(names = "--dry-run", description = "Execute command in dry run mode: print the plan, change nothing")
  public boolean dryRun;

  @Option(names = "--verbose", description = "Show more output, including stack traces of internal errors")
  public boolean verbose;

  @Option(names = "--parallel", paramLabel = "N",
      description = "Limit on concurrent Engine calls (default: COMPOSE_PARALLEL_LIMIT, else 64)")
  public Integer parallel;

  @Option(names = "--compatibility", description = "Run compose in backward compatibility mode (container names joined with _)")
  public boolean compatibility;

  @Option(names = "--all-resources", description = "Include all resources, even those not used by services")
  public boolean allResources;
}
