package io.berth.model.load;

import io.berth.model.ComposeLoader;
import io.berth.model.LoadRequest;
import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import io.berth.model.interp.DotEnv;
import io.berth.model.interp.DotEnvException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The project environment, built as docker compose builds it:
 * <ol>
 *   <li>the shell, with {@code PWD} added when it is missing;
 *   <li>the {@code COMPOSE_*} variables of the env files (below) that the shell does not set, as
 *       docker compose exports them to itself before anything else;
 *   <li>the env files: the {@code --env-file} files, else those of {@code COMPOSE_ENV_FILES}, else
 *       the {@code .env} of the directory, unless {@code COMPOSE_DISABLE_ENV_FILE} is true; a later
 *       file wins over an earlier one, and the shell over all of them;
 *   <li>once the compose files are known, the {@code .env} of the project directory too, under what
 *       is already set.
 * </ol>
 * Inside an env file, {@code ${X}} and a bare {@code X} see the shell first, then what the files set
 * before.
 */
public final class ProjectEnvironment {
  private final LoadRequest request;
  private final Consumer<String> warnings;
  private final Map<String, String> shell;

  private ProjectEnvironment(LoadRequest request, Consumer<String> warnings) {
    this.request = request;
    this.warnings = warnings;
    Map<String, String> s = new LinkedHashMap<>(request.environment());
    s.putIfAbsent("PWD", request.workingDir().toString());
    this.shell = s;
  }

  /**
   * The environment that decides which compose files to read: the shell (with the env files'
   * {@code COMPOSE_*} variables) over the env files of the project directory, or of the first
   * {@code -f} file's directory, or of the working directory.
   */
  public static Map<String, String> beforeDiscovery(LoadRequest request, Consumer<String> warnings) {
    ProjectEnvironment e = new ProjectEnvironment(request, warnings);
    return e.firstPass(e.firstDirectory());
  }

  /** The interpolation environment of a project whose first compose file is {@code firstFile}. */
  public static Map<String, String> of(LoadRequest request, Path firstFile, Consumer<String> warnings) {
    ProjectEnvironment e = new ProjectEnvironment(request, warnings);
    Path first = e.firstDirectory();
    Map<String, String> env = e.firstPass(first);
    Path projectDir = request.projectDirectory().map(d -> request.workingDir().resolve(d)).orElse(firstFile.getParent());
    Optional<List<Path>> second = e.envFiles(projectDir, env);
    if (second.isPresent() && !second.equals(e.envFiles(first, env))) {
      e.read(second.get(), env, warnings).forEach(env::putIfAbsent);
    }
    return env;
  }

  /** The shell with the exported {@code COMPOSE_*} variables, over the env files of {@code dir}. */
  private Map<String, String> firstPass(Path dir) {
    Map<String, String> withExports = new LinkedHashMap<>(shell);
    envFiles(dir, shell).ifPresent(files -> read(files, shell, w -> {}).forEach((k, v) -> {
      if (k.startsWith("COMPOSE_")) {
        withExports.putIfAbsent(k, v);
      }
    }));
    Map<String, String> env = new LinkedHashMap<>(withExports);
    envFiles(dir, withExports).ifPresent(files -> read(files, withExports, warnings).forEach(env::putIfAbsent));
    return env;
  }

  /** Where docker compose looks for {@code .env} before it knows the compose files. */
  private Path firstDirectory() {
    if (request.projectDirectory().isPresent()) {
      return request.workingDir().resolve(request.projectDirectory().get());
    }
    if (!request.files().isEmpty()) {
      Path parent = request.workingDir().resolve(request.files().get(0)).toAbsolutePath().normalize().getParent();
      return parent == null ? request.workingDir() : parent;
    }
    return request.workingDir();
  }

  /**
   * The env files to read: {@code --env-file}, else {@code COMPOSE_ENV_FILES}, else {@code dir/.env}
   * if it is a file; empty when the default {@code .env} is disabled or absent.
   */
  private Optional<List<Path>> envFiles(Path dir, Map<String, String> env) {
    List<Path> named = new ArrayList<>(request.envFiles());
    if (named.isEmpty() && env.containsKey("COMPOSE_ENV_FILES")) {
      // Comma-separated; empty entries are dropped, as docker compose's flag default does.
      Arrays.stream(env.get("COMPOSE_ENV_FILES").split(",")).filter(s -> !s.isEmpty()).forEach(s -> named.add(path(s, "COMPOSE_ENV_FILES")));
    }
    if (!named.isEmpty()) {
      List<Path> out = new ArrayList<>();
      for (Path f : named) {
        out.add(request.workingDir().resolve(expandHome(f)).toAbsolutePath().normalize());
      }
      return Optional.of(out);
    }
    if (env.containsKey("COMPOSE_DISABLE_ENV_FILE") && parseBool(env.get("COMPOSE_DISABLE_ENV_FILE"), "COMPOSE_DISABLE_ENV_FILE")) {
      return Optional.empty();
    }
    Path dotEnv = dir.resolve(".env");
    return Files.isRegularFile(dotEnv) ? Optional.of(List.of(dotEnv)) : Optional.empty();
  }

  /**
   * The variables {@code files} set, later files winning; lookups see {@code base} first.
   * @param warnings told about unset variables, by the one read whose result is kept
   */
  private Map<String, String> read(List<Path> files, Map<String, String> base, Consumer<String> warnings) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path file : files) {
      if (Files.isDirectory(file)) {
        throw new ComposeModelException(new SourcePos(file, 0, 0), "", "the env file is a directory");
      }
      if (!Files.isRegularFile(file)) {
        throw new ComposeModelException(new SourcePos(file, 0, 0), "", "couldn't find env file");
      }
      out.putAll(dotEnv(file, k -> Optional.ofNullable(base.get(k)).or(() -> Optional.ofNullable(out.get(k))), warnings));
    }
    return out;
  }

  /** One env file, its mistakes positioned at their line. */
  static Map<String, String> dotEnv(Path file, Function<String, Optional<String>> lookup, Consumer<String> warnings) {
    try {
      return DotEnv.parse(ComposeLoader.readText(file), lookup, warnings);
    } catch (DotEnvException e) {
      throw new ComposeModelException(new SourcePos(file, e.line(), 1), "", e.getMessage());
    }
  }

  private Path expandHome(Path p) {
    String s = p.toString();
    String home = shell.get("HOME");
    if (home != null && (s.equals("~") || s.startsWith("~/"))) {
      return Path.of(home + s.substring(1));
    }
    return p;
  }

  private static Path path(String text, String variable) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new ComposeModelException(variable + ": invalid path \"" + text.replace("\0", "\\0") + "\": " + e.getReason());
    }
  }

  /** Go's {@code strconv.ParseBool}, which docker compose uses for its boolean variables. */
  static boolean parseBool(String value, String variable) {
    return switch (value) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw new ComposeModelException(variable + ": invalid boolean \"" + value
          + "\" (accepted: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False)");
    };
  }
}
