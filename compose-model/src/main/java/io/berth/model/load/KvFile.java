package io.berth.model.load;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An {@code env_file} of {@code format: raw}: read as {@code docker run --env-file} reads one
 * (the docker CLI's kvfile), not as a {@code .env}. Each line is {@code KEY=VALUE} with the value
 * kept exactly as written (quotes, {@code #}, {@code $}); a line starting with {@code #} is a
 * comment; a bare {@code KEY} takes its value from the environment, or is skipped when unset.
 */
final class KvFile {
  private KvFile() {}

  static Map<String, String> parse(Path file, String text, Function<String, Optional<String>> lookup) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      String trimmed = line.stripLeading();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      String key = eq < 0 ? trimmed.stripTrailing() : trimmed.substring(0, eq);
      if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
        throw new ComposeModelException(new SourcePos(file, i + 1, 1), "",
            "variable \"" + key + "\" contains whitespaces or is empty (a raw env file line is KEY=VALUE)");
      }
      if (eq < 0) {
        String k = key;
        lookup.apply(key).ifPresent(v -> out.put(k, v));
      } else {
        out.put(key, trimmed.substring(eq + 1));
      }
    }
    return out;
  }
}
