package io.berth.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the loader reads besides the files themselves. The loader consults no global state:
 * the environment and the working directory come from here.
 *
 * @param workingDir the directory the user ran the command in (absolute); files are discovered from here
 * @param files the {@code -f} files in order, relative to {@code workingDir}; empty to discover
 * @param projectDirectory {@code --project-directory}; default the first file's directory
 * @param projectName {@code -p}; validated, never normalized
 * @param envFiles {@code --env-file} files, relative to {@code workingDir}; empty to use those of
 *     {@code COMPOSE_ENV_FILES}, else {@code .env} (see {@code ProjectEnvironment})
 * @param environment the shell environment of the process
 * @param profiles {@code --profile} values; empty to use COMPOSE_PROFILES
 */
public record LoadRequest(
    Path workingDir,
    List<Path> files,
    Optional<Path> projectDirectory,
    Optional<String> projectName,
    List<Path> envFiles,
    Map<String, String> environment,
    List<String> profiles) {

  public LoadRequest {
    files = List.copyOf(files);
    envFiles = List.copyOf(envFiles);
    environment = Map.copyOf(environment);
    profiles = List.copyOf(profiles);
  }

  /** A request with no {@code --profile}. */
  public LoadRequest(Path workingDir, List<Path> files, Optional<Path> projectDirectory, Optional<String> projectName,
      List<Path> envFiles, Map<String, String> environment) {
    this(workingDir, files, projectDirectory, projectName, envFiles, environment, List.of());
  }

  /** The request a plain {@code berth} run in {@code dir} makes with no flags. */
  public static LoadRequest inDirectory(Path dir, Map<String, String> environment) {
    return new LoadRequest(dir, List.of(), Optional.empty(), Optional.empty(), List.of(), environment);
  }
}
