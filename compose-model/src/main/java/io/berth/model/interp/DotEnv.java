package io.berth.model.interp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Parses {@code .env} files statement by statement, as compose-go's {@code dotenv} parser does:
 * <ul>
 *   <li>a UTF-8 BOM is skipped; blank space between statements is skipped; a statement starting
 *       with {@code #} is a comment to the end of the line;
 *   <li>{@code export } before a key is dropped; a key is letters, digits, {@code _ . - [ ]} and
 *       blanks (which are trimmed, and refused inside the key); it ends at {@code =}, {@code :} or a
 *       line break, a bare key inheriting its value from the lookup (or staying unset);
 *   <li>an unquoted value runs to the end of the line, loses what follows {@code " #"} and its
 *       trailing blanks, then is interpolated;
 *   <li>a single-quoted value is literal but for {@code \'}; a double-quoted one gets its escapes
 *       ({@code \a \b \f \n \r \t \v \\ \" \$}, octal {@code \0NNN}) and is then interpolated; both
 *       may span lines, and the next statement starts right after the closing quote.
 * </ul>
 * Interpolation inside the file looks in the lookup first (the shell), then at the keys set so far.
 */
public final class DotEnv {
  private final String text;
  private final Function<String, Optional<String>> lookup;
  private final Map<String, String> out = new LinkedHashMap<>();
  private final Interpolator interpolator;

  private DotEnv(String text, Function<String, Optional<String>> lookup, Consumer<String> warnings) {
    this.text = text;
    this.lookup = lookup;
    this.interpolator = new Interpolator(k -> lookup.apply(k).or(() -> Optional.ofNullable(out.get(k))), warnings);
  }

  /** {@link #parse(String, Function, Consumer)} with no warnings about unset variables. */
  public static Map<String, String> parse(String content, Function<String, Optional<String>> lookup) {
    return parse(content, lookup, w -> {});
  }

  /**
   * @param lookup where a bare key and {@code ${X}} look first (the shell); keys defined earlier in
   *     the file are consulted after it
   * @param warnings told about variables a value uses that are set nowhere
   * @throws DotEnvException with the 1-based line of a malformed statement
   */
  public static Map<String, String> parse(String content, Function<String, Optional<String>> lookup, Consumer<String> warnings) {
    DotEnv parser = new DotEnv(content.startsWith("\uFEFF") ? content.substring(1) : content, lookup, warnings);
    parser.statements();
    return parser.out;
  }

  private void statements() {
    int i = 0;
    while (true) {
      i = statementStart(i);
      if (i >= text.length()) {
        return;
      }
      i = statement(i);
    }
  }

  /** Where the next statement starts: after blank space and comment lines; the end if there is none. */
  private int statementStart(int from) {
    int i = from;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (isUnicodeSpace(c)) {
        i += Character.charCount(c);
      } else if (c == '#') {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length() : nl;
      } else {
        return i;
      }
    }
    return i;
  }

  /** Reads the statement at {@code start}; returns where the text continues. */
  private int statement(int start) {
    int i = start;
    if (text.startsWith("export", i) && i + 6 < text.length() && " \t\n\f\r".indexOf(text.charAt(i + 6)) >= 0) {
      i = skipBlanks(i + 6);
      if (i >= text.length()) {
        throw new DotEnvException(lineOf(start), "zero length string");
      }
    }
    int keyStart = i;
    int keyEnd = -1;
    char separator = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (c == '=' || c == ':' || c == '\n') {
        keyEnd = i;
        separator = (char) c;
        break;
      }
      if (!isBlank(c) && c != '_' && c != '.' && c != '-' && c != '[' && c != ']' && !Character.isLetter(c) && !isNumber(c)) {
        int nl = text.indexOf('\n', keyStart);
        throw new DotEnvException(lineOf(i), "unexpected character " + GoQuote.quote(new String(Character.toChars(c)))
            + " in variable name " + GoQuote.quote(text.substring(keyStart, nl < 0 ? text.length() : nl)));
      }
      i += Character.charCount(c);
    }
    String key;
    int valueStart;
    if (keyEnd < 0) {
      // No separator before the end of the text: compose-go then reads the whole statement as
      // the value of an empty key, so a bare key on a last line without a line break is not
      // inherited.
      key = "";
      valueStart = keyStart;
    } else {
      key = stripTrailingSpace(text.substring(keyStart, keyEnd));
      valueStart = skipBlanks(keyEnd + 1);
    }
    if (key.contains(" ")) {
      throw new DotEnvException(lineOf(keyStart), "key cannot contain a space");
    }
    if (separator == '\n') {
      lookup.apply(key).or(() -> Optional.ofNullable(out.get(key))).ifPresent(v -> out.put(key, v));
      return valueStart;
    }
    return value(key, valueStart);
  }

  private int value(String key, int start) {
    char quote = start < text.length() ? text.charAt(start) : 0;
    if (quote != '\'' && quote != '"') {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      String raw = text.substring(start, end);
      int comment = raw.indexOf(" #");
      out.put(key, interpolate(stripTrailingSpace(comment < 0 ? raw : raw.substring(0, comment)), start));
      return end;
    }
    StringBuilder chars = new StringBuilder();
    boolean escaped = false;
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != quote) {
        if (!escaped && c == '\\') {
          escaped = true;
          continue;
        }
        if (escaped) {
          escaped = false;
          chars.append('\\');
        }
        chars.append(c);
        continue;
      }
      if (escaped) { // an escaped quote of the same kind
        escaped = false;
        chars.append(c);
        continue;
      }
      String value = chars.toString();
      out.put(key, quote == '"' ? interpolate(unescape(value), start) : value);
      return i + 1;
    }
    int nl = text.indexOf('\n', start);
    throw new DotEnvException(lineOf(start), "unterminated quoted value " + text.substring(start, nl < 0 ? text.length() : nl));
  }

  private String interpolate(String value, int at) {
    try {
      return interpolator.interpolate(value);
    } catch (InterpolationException e) {
      throw new DotEnvException(lineOf(at), e.getMessage());
    }
  }

  /**
   * Double-quoted escapes, each of {@code \a \b \c \f \n \r \t \v \$ \" \\} or {@code \0} with up
   * to three digits. {@code \$} becomes {@code $$}, which interpolation turns into a literal
   * {@code $}; {@code \0NNN} is the octal byte NNN when that is three octal digits up to 377;
   * {@code \c} and any other match that is no escape in Go stay as written.
   */
  static String unescape(String raw) {
    StringBuilder b = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c != '\\' || i + 1 >= raw.length()) {
        b.append(c);
        i++;
        continue;
      }
      char n = raw.charAt(i + 1);
      switch (n) {
        case 'a' -> b.append('\u0007');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'v' -> b.append('\u000b');
        case '\\' -> b.append('\\');
        case '"' -> b.append('"');
        case '$' -> b.append("$$");
        case '0' -> {
          int end = i + 2;
          while (end < raw.length() && end < i + 5 && raw.charAt(end) >= '0' && raw.charAt(end) <= '9') {
            end++;
          }
          String digits = raw.substring(i + 2, end);
          if (digits.length() == 3 && digits.chars().allMatch(d -> d <= '7') && Integer.parseInt(digits, 8) <= 255) {
            b.append((char) Integer.parseInt(digits, 8));
          } else {
            b.append(raw, i, end);
          }
          i = end;
          continue;
        }
        default -> {
          // Not an escape: the backslash stays, and the next character is read on its own.
          b.append(c);
          i++;
          continue;
        }
      }
      i += 2;
    }
    return b.toString();
  }

  private int skipBlanks(int from) {
    int i = from;
    while (i < text.length() && isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private int lineOf(int index) {
    int line = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Go's {@code isSpace} in the dotenv parser: blanks that are not line breaks. */
  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t' || c == '\u000b' || c == '\f' || c == '\r' || c == 0x85 || c == 0xA0;
  }

  /** Go's {@code unicode.IsSpace}. */
  private static boolean isUnicodeSpace(int c) {
    return switch (c) {
      case '\t', '\n', '\u000b', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }

  private static boolean isNumber(int c) {
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  private static String stripTrailingSpace(String s) {
    int end = s.length();
    while (end > 0 && isUnicodeSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
