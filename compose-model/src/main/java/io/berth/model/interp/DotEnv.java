package io.berth.model.interp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses {@code .env} files as compose does: {@code KEY=value}, optional {@code export }, comments,
 * single quotes (literal), double quotes (escapes, then interpolation), unquoted values (trimmed,
 * cut at {@code " #"}, then interpolated), and a bare {@code KEY} that inherits from the lookup.
 */
public final class DotEnv {
  private DotEnv() {}

  /**
   * @param lookup where a bare key and {@code ${X}} look first (the shell); keys defined earlier in
   *     the file are consulted after it
   * @throws DotEnvException with the 1-based line of a malformed statement
   */
  public static Map<String, String> parse(String content, Function<String, Optional<String>> lookup) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    text = text.replace("\r\n", "\n");
    Map<String, String> out = new LinkedHashMap<>();
    Function<String, Optional<String>> chained = k -> lookup.apply(k).or(() -> Optional.ofNullable(out.get(k)));
    Interpolator interpolator = new Interpolator(chained, w -> {});
    int i = 0;
    int line = 1;
    while (i < text.length()) {
      // Skip blank space and comment lines.
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
        continue;
      }
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (text.startsWith("export ", i)) {
        i += "export ".length();
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          i++;
        }
      }
      int keyStart = i;
      while (i < text.length() && isKeyChar(text.charAt(i))) {
        i++;
      }
      String key = text.substring(keyStart, i);
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (key.isEmpty() || (i < text.length() && text.charAt(i) != '=' && text.charAt(i) != ':' && text.charAt(i) != '\n')) {
        char bad = i < text.length() ? text.charAt(i) : ' ';
        throw new DotEnvException(line, key.isEmpty() ? "unexpected character \"" + bad + "\" at the start of a statement"
            : "unexpected character \"" + bad + "\" in variable name \"" + key + "\"");
      }
      if (i >= text.length() || text.charAt(i) == '\n') {
        lookup.apply(key).ifPresent(v -> out.put(key, v));
        continue;
      }
      i++; // the separator
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
        char quote = text.charAt(i);
        int start = i + 1;
        int end = start;
        while (end < text.length() && (text.charAt(end) != quote || text.charAt(end - 1) == '\\')) {
          end++;
        }
        if (end >= text.length()) {
          throw new DotEnvException(line, "unterminated quoted value");
        }
        String raw = text.substring(start, end);
        line += (int) raw.chars().filter(ch -> ch == '\n').count();
        String value = quote == '\'' ? raw.replace("\\'", "'") : interpolate(unescape(raw), interpolator, line);
        out.put(key, value);
        i = end + 1;
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else {
        int end = i;
        while (end < text.length() && text.charAt(end) != '\n') {
          end++;
        }
        String raw = text.substring(i, end);
        int comment = raw.indexOf(" #");
        if (comment >= 0) {
          raw = raw.substring(0, comment);
        }
        out.put(key, interpolate(raw.strip(), interpolator, line));
        i = end;
      }
    }
    return out;
  }

  private static String interpolate(String value, Interpolator interpolator, int line) {
    try {
      return interpolator.interpolate(value);
    } catch (InterpolationException e) {
      throw new DotEnvException(line, e.getMessage());
    }
  }

  /** Double-quoted escapes; {@code \\$} becomes {@code $$}, which interpolation turns into a literal {@code $}. */
  private static String unescape(String raw) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\' || i + 1 >= raw.length()) {
        b.append(c);
        continue;
      }
      char n = raw.charAt(++i);
      switch (n) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'a' -> b.append('\u0007');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'v' -> b.append('\u000b');
        case '\\' -> b.append('\\');
        case '"' -> b.append('"');
        case '$' -> b.append("$$");
        default -> b.append('\\').append(n);
      }
    }
    return b.toString();
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '[' || c == ']';
  }
}
