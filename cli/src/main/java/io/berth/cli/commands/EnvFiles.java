package io.berth.cli.commands;

import io.berth.cli.UserError;
import io.berth.model.interp.DotEnv;
import io.berth.model.interp.DotEnvException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code run --env-from-file FILE}: variables read as {@code .env} files are, added to those of
 * {@code -e} as Compose adds them: {@code -e} wins, then the first file that sets a variable, and
 * {@code ${X}} in a file looks at what is set so far.
 */
final class EnvFiles {
  private EnvFiles() {}

  static Map<String, String> with(Map<String, String> fromFlags, List<String> files, Path workingDir) {
    Map<String, String> out = new LinkedHashMap<>(fromFlags);
    for (String file : files) {
      Path path = workingDir.resolve(file);
      if (Files.isDirectory(path)) {
        throw refused(file, "it is a directory");
      }
      String text;
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw refused(file, Files.exists(path) ? "it cannot be read" : "no such file");
      }
      Map<String, String> read;
      try {
        read = DotEnv.parse(text, k -> Optional.ofNullable(out.get(k)));
      } catch (DotEnvException e) {
        throw refused(file, "line " + e.line() + ": " + e.getMessage());
      }
      read.forEach((k, v) -> {
        if (v != null) {
          out.putIfAbsent(k, v);
        }
      });
    }
    return out;
  }

  private static UserError refused(String file, String why) {
    return new UserError("invalid --env-from-file \"" + file + "\": " + why + " (accepted: a readable file of KEY=VALUE lines)");
  }
}
