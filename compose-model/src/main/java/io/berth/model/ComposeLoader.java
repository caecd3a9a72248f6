package io.berth.model;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import io.berth.model.load.Discovery;
import io.berth.model.load.NotAFile;
import io.berth.model.load.ProjectEnvironment;
import io.berth.model.load.ProjectReader;
import io.berth.model.spec.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.function.Consumer;

/**
 * Loads a compose project: finds the files, reads the environment files, then reads, interpolates
 * and merges the files into one immutable {@link Project}. Pure apart from reading files: the
 * environment and working directory come from the {@link LoadRequest}.
 */
public final class ComposeLoader {
  private ComposeLoader() {}

  /**
   * @param warnings told what the user should know but that does not stop loading
   * @throws ComposeModelException for any mistake in the files or the request, with its position
   */
  public static Project load(LoadRequest request, Consumer<String> warnings) {
    return load(request, Set.of(), warnings);
  }

  /**
   * As {@link #load(LoadRequest, Consumer)}, with the services a command names enabled whatever
   * their profiles (compose-go's WithServicesEnabled: {@code up foo} runs foo of an inactive profile).
   */
  public static Project load(LoadRequest request, Set<String> namedServices, Consumer<String> warnings) {
    List<Path> files = files(request);
    Path projectDir = request.projectDirectory().orElse(files.get(0).getParent()).toAbsolutePath().normalize();
    return new ProjectReader(request, projectDir, warnings, namedServices).read(files);
  }

  /**
   * A project loaded with each service's missing required env file noted instead of failing, by
   * service name (that service's environment lacks the file's variables).
   */
  public record Lenient(Project project, Map<String, ComposeModelException> missingEnvFiles) {
    public Lenient {
      missingEnvFiles = Map.copyOf(missingEnvFiles);
    }
  }

  /**
   * As {@link #load(LoadRequest, Set, Consumer)}, but a missing required env file fails no load:
   * it is for the caller to refuse the services it needs that have one, as Compose does.
   */
  public static Lenient loadNotingMissingEnvFiles(LoadRequest request, Set<String> namedServices, Consumer<String> warnings) {
    List<Path> files = files(request);
    Path projectDir = request.projectDirectory().orElse(files.get(0).getParent()).toAbsolutePath().normalize();
    Map<String, ComposeModelException> missing = new java.util.LinkedHashMap<>();
    Project project = new ProjectReader(request, projectDir, warnings, namedServices).readNotingMissingEnvFiles(files, missing);
    return new Lenient(project, missing);
  }

  /** As {@link #load(LoadRequest, Set, Consumer)} without the consistency checks ({@code config --no-consistency}). */
  public static Project loadWithoutConsistency(LoadRequest request, Set<String> namedServices, Consumer<String> warnings) {
    List<Path> files = files(request);
    Path projectDir = request.projectDirectory().orElse(files.get(0).getParent()).toAbsolutePath().normalize();
    return new ProjectReader(request, projectDir, warnings, namedServices).readWithoutConsistency(files);
  }

  /**
   * The files merged into one tree (includes, extends and overrides applied) and nothing read from
   * it yet; with {@code interpolate} false, variables are left as written, as
   * {@code config --no-interpolate} and {@code config --variables} need.
   */
  public static RawModel model(LoadRequest request, boolean interpolate, Consumer<String> warnings) {
    List<Path> files = files(request);
    Path projectDir = request.projectDirectory().orElse(files.get(0).getParent()).toAbsolutePath().normalize();
    return new ProjectReader(request, projectDir, warnings).model(files, interpolate);
  }

  private static List<Path> files(LoadRequest request) {
    List<Path> named = request.files();
    if (named.isEmpty()) {
      // COMPOSE_FILE may come from the shell or from the env files, as in docker compose.
      Map<String, String> env = ProjectEnvironment.beforeDiscovery(request, w -> {});
      if (env.containsKey("COMPOSE_FILE")) {
        String separator = env.getOrDefault("COMPOSE_PATH_SEPARATOR", "");
        named = Arrays.stream(env.get("COMPOSE_FILE").split(Pattern.quote(separator.isEmpty() ? ":" : separator)))
            .filter(s -> !s.isBlank()).map(s -> composeFilePath(s)).toList();
      }
    }
    if (named.isEmpty()) {
      // As compose-go's WithDefaultConfigPath: the search starts in --project-directory when given.
      return Discovery.discover(request.projectDirectory().map(d -> request.workingDir().resolve(d))
          .orElse(request.workingDir()).toAbsolutePath().normalize());
    }
    List<Path> out = new ArrayList<>();
    for (Path f : named) {
      Path abs = request.workingDir().resolve(f).toAbsolutePath().normalize();
      Optional<String> notAFile = NotAFile.why(abs);
      if (notAFile.isPresent()) {
        throw new ComposeModelException(new SourcePos(abs, 0, 0), "",
            notAFile.get().equals("not found") ? "no such compose file" : notAFile.get() + ", not a compose file");
      }
      out.add(abs);
    }
    return out;
  }

  private static Path composeFilePath(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new ComposeModelException("COMPOSE_FILE: invalid path \"" + text.replace("\0", "\\0") + "\": " + e.getReason());
    }
  }

  /** A file's text; a file that is not UTF-8 or cannot be read is an error naming it. */
  public static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new ComposeModelException(new SourcePos(file, 0, 0), "", "the file is not valid UTF-8 text");
    } catch (IOException e) {
      throw new ComposeModelException(new SourcePos(file, 0, 0), "", "cannot read the file: " + e.getMessage());
    }
  }
}
