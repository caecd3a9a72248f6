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
    List<Path> files = files(request);
    Path projectDir = request.projectDirectory().orElse(files.get(0).getParent()).toAbsolutePath().normalize();
    return new ProjectReader(request, projectDir, warnings).read(files);
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
      // As compose-go's default config path: the search starts in --project-directory when given.
      return Discovery.discover(request.projectDirectory().map(d -> request.workingDir().resolve(d).normalize())
          .orElse(request.workingDir()));
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
