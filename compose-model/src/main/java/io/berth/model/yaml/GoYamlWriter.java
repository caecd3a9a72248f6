package io.berth.model.yaml;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Block YAML exactly as docker compose prints it: go-yaml v4's {@code Encoder} with
 * {@code SetIndent(2)} (v3 defaults otherwise: sequences indented under their key, lines folded
 * after column 80, legacy quoting). A string is plain unless a reader would take it for something
 * else: a number, boolean or null is double-quoted ({@code "8080"}), a YAML 1.1 boolean such as
 * {@code yes} single-quoted, one that cannot start or hold plain text ({@code *x}, {@code a: b})
 * single-quoted, one with tabs or unprintable characters double-quoted with escapes, and a
 * multi-line one written as a literal block ({@code |-}).
 */
public final class GoYamlWriter {
  private static final Pattern BASE60 = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
  private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.[0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-9]{2}))"
          + "|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.[0-9]{1,9})?))?$");

  private enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

  private final StringBuilder out = new StringBuilder();
  private final int step;
  private final int width;
  private int column;

  private GoYamlWriter(int step, int width) {
    this.step = step;
    this.width = width;
  }

  /** As docker compose's encoder ({@code SetIndent(2)}, lines folded after column 80); ends with a newline. */
  public static String write(Map<String, ?> document) {
    return new GoYamlWriter(2, 80).document(document);
  }

  /** As {@code yaml.Marshal}: indented by 4, never folded. */
  public static String marshal(Map<String, ?> document) {
    return new GoYamlWriter(4, Integer.MAX_VALUE).document(document);
  }

  private String document(Map<String, ?> document) {
    if (document.isEmpty()) {
      return "{}\n";
    }
    mapping(document, 0, false);
    out.append('\n');
    return out.toString();
  }

  /** go-yaml's next indentation level: the next multiple of the step. */
  private int deeper(int indent) {
    return step * ((indent + step) / step);
  }

  // ---- structure ----

  private void mapping(Map<String, ?> map, int indent, boolean afterDash) {
    boolean first = true;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (!(first && afterDash)) {
        newline(indent);
      }
      first = false;
      scalar(e.getKey(), indent, true);
      put(":");
      value(e.getValue(), indent, false);
    }
  }

  private void sequence(List<?> list, int indent) {
    for (Object item : list) {
      newline(indent);
      put("-");
      value(item, indent, true);
    }
  }

  /** A mapping's value or a sequence item; {@code indent} is the key's or the dash's column. */
  @SuppressWarnings("unchecked")
  private void value(Object v, int indent, boolean inSequence) {
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        put(" {}");
      } else if (inSequence) {
        put(" ");
        mapping((Map<String, ?>) m, indent + 2, true);
      } else {
        mapping((Map<String, ?>) m, deeper(indent), false);
      }
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        put(" []");
      } else if (inSequence) {
        put(" ");
        // A sequence in a sequence starts on the dash's line, as go-yaml writes "- - a".
        boolean first = true;
        for (Object item : l) {
          if (!first) {
            newline(indent + 2);
          }
          first = false;
          put("-");
          value(item, indent + 2, true);
        }
      } else {
        sequence(l, deeper(indent));
      }
    } else {
      put(" ");
      scalar(v, inSequence ? indent + 2 : deeper(indent), false);
    }
  }

  // ---- scalars ----

  private void scalar(Object v, int indent, boolean key) {
    if (v == null) {
      put("null");
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
      put(v.toString());
    } else if (v instanceof Float || v instanceof Double) {
      put(goFloat(((Number) v).doubleValue(), v instanceof Float));
    } else {
      String s = v.toString();
      switch (style(s, key)) {
        case PLAIN -> plain(s, indent, !key);
        case SINGLE -> single(s, indent, !key);
        case DOUBLE -> doubleQuoted(s, indent, !key);
        case LITERAL -> literal(s, indent);
      }
    }
  }

  /** The representer, desolver and emitter's choices, in that order. */
  private static Style style(String s, boolean key) {
    Style style;
    if (s.contains("\n")) {
      style = shouldUseLiteral(s) ? Style.LITERAL : Style.DOUBLE;
    } else if (isBase60Float(s) || isOldBool(s) || s.equals("<<")) {
      style = Style.SINGLE;
    } else if (!resolvesToString(s)) {
      style = Style.DOUBLE;
    } else {
      style = Style.PLAIN;
    }
    Analysis a = analyze(s);
    if (key && a.multiline) {
      style = Style.DOUBLE;
    }
    if (style == Style.PLAIN && (!a.blockPlainAllowed || (s.isEmpty() && key))) {
      style = Style.SINGLE;
    }
    if (style == Style.SINGLE && !a.singleQuotedAllowed) {
      style = Style.DOUBLE;
    }
    if (style == Style.LITERAL && (!a.blockAllowed || key)) {
      style = Style.DOUBLE;
    }
    return style;
  }

  private static boolean shouldUseLiteral(String s) {
    return s.length() >= 2 && s.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c));
  }

  private static boolean isBase60Float(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    return (c == '+' || c == '-' || (c >= '0' && c <= '9')) && s.indexOf(':') >= 0 && BASE60.matcher(s).matches();
  }

  private static boolean isOldBool(String s) {
    return switch (s) {
      case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF" -> true;
      default -> false;
    };
  }

  /** go-yaml's {@code resolve("", s)} gives {@code !!str}. */
  static boolean resolvesToString(String s) {
    switch (s) {
      case "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
          ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
          "-0", "-0.0", "<<":
        return false;
      default:
        break;
    }
    char c = s.charAt(0);
    if (c == '.') {
      return !s.matches("\\.[0-9]+(?:[eE][-+]?[0-9]+)?");
    }
    if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
      if (isTimestamp(s)) {
        return false;
      }
      String plain = s.replace("_", "");
      if (Scalars.parseInt(s) != null || isUnsigned(plain)) {
        return false;
      }
      if (YAML_FLOAT.matcher(plain).matches() && Double.isFinite(Double.parseDouble(plain))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUnsigned(String plain) {
    return plain.matches("\\+?[0-9]+") && new java.math.BigInteger(plain.replace("+", "")).bitLength() <= 64;
  }

  private static boolean isTimestamp(String s) {
    java.util.regex.Matcher m = TIMESTAMP.matcher(s);
    if (!m.matches()) {
      return false;
    }
    try {
      java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (java.time.DateTimeException e) {
      return false;
    }
    for (int g : new int[] {4, 7}) {
      if (m.group(g) != null && (Integer.parseInt(m.group(g)) > 23 || Integer.parseInt(m.group(g + 1)) > 59
          || Integer.parseInt(m.group(g + 2)) > 59)) {
        return false;
      }
    }
    return true;
  }

  private record Analysis(boolean multiline, boolean blockPlainAllowed, boolean singleQuotedAllowed, boolean blockAllowed) {}

  /** The emitter's {@code analyzeScalar}, for block context. */
  private static Analysis analyze(String s) {
    if (s.isEmpty()) {
      return new Analysis(false, true, true, false);
    }
    int[] cps = s.codePoints().toArray();
    boolean blockIndicators = false;
    boolean lineBreaks = false;
    boolean special = false;
    boolean tabs = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean previousSpace = false;
    boolean previousBreak = false;
    if (s.startsWith("---") || s.startsWith("...")) {
      blockIndicators = true;
    }
    boolean precededByWhitespace = true;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      boolean followedByWhitespace = i + 1 >= cps.length || cps[i + 1] == ' ' || cps[i + 1] == '\t';
      if (i == 0) {
        switch (c) {
          case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> blockIndicators = true;
          case '?', ':', '-' -> blockIndicators |= followedByWhitespace;
          default -> { }
        }
      } else if (c == ':') {
        blockIndicators |= followedByWhitespace;
      } else if (c == '#') {
        blockIndicators |= precededByWhitespace;
      }
      if (c == '\t') {
        tabs = true;
      } else if (!printable(c)) {
        special = true;
      }
      if (c == ' ') {
        leadingSpace |= i == 0;
        trailingSpace |= i == cps.length - 1;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        leadingBreak |= i == 0;
        trailingBreak |= i == cps.length - 1;
        spaceBreak |= previousSpace;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = c == ' ' || c == '\t' || isBreak(c) || c == 0;
    }
    boolean blockPlain = true;
    boolean single = true;
    boolean block = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      blockPlain = false;
    }
    if (trailingSpace) {
      block = false;
    }
    if (breakSpace) {
      blockPlain = false;
      single = false;
    }
    if (spaceBreak || tabs || special) {
      blockPlain = false;
      single = false;
    }
    if (spaceBreak || special) {
      block = false;
    }
    if (lineBreaks || blockIndicators) {
      blockPlain = false;
    }
    return new Analysis(lineBreaks, blockPlain, single, block);
  }

  private static boolean printable(int c) {
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  private static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  // ---- writing, with go-yaml's folding of long lines at spaces ----

  private void plain(String s, int indent, boolean allowBreaks) {
    int[] cps = s.codePoints().toArray();
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column > width && !(i + 1 < cps.length && cps[i + 1] == ' ')) {
          newline(indent);
        } else {
          put(c);
        }
        spaces = true;
      } else {
        put(c);
        spaces = false;
      }
    }
  }

  private void single(String s, int indent, boolean allowBreaks) {
    int[] cps = s.codePoints().toArray();
    put("'");
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column > width && i > 0 && i < cps.length - 1 && cps[i + 1] != ' ') {
          newline(indent);
        } else {
          put(c);
        }
        spaces = true;
      } else {
        if (c == '\'') {
          put("'");
        }
        put(c);
        spaces = false;
      }
    }
    put("'");
  }

  private void doubleQuoted(String s, int indent, boolean allowBreaks) {
    int[] cps = s.codePoints().toArray();
    put("\"");
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (!printable(c) || isBreak(c) || c == '"' || c == '\\') {
        put(escape(c));
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && column > width && i > 0 && i < cps.length - 1) {
          newline(indent);
          if (cps[i + 1] == ' ') {
            put("\\");
          }
        } else {
          put(c);
        }
        spaces = true;
      } else {
        put(c);
        spaces = false;
      }
    }
    put("\"");
  }

  private static String escape(int c) {
    return switch (c) {
      case 0x00 -> "\\0";
      case 0x07 -> "\\a";
      case 0x08 -> "\\b";
      case 0x09 -> "\\t";
      case 0x0A -> "\\n";
      case 0x0B -> "\\v";
      case 0x0C -> "\\f";
      case 0x0D -> "\\r";
      case 0x1B -> "\\e";
      case 0x22 -> "\\\"";
      case 0x5C -> "\\\\";
      case 0x85 -> "\\N";
      case 0xA0 -> "\\_";
      case 0x2028 -> "\\L";
      case 0x2029 -> "\\P";
      default -> c <= 0xFF ? String.format("\\x%02X", c) : c <= 0xFFFF ? String.format("\\u%04X", c) : String.format("\\U%08X", c);
    };
  }

  private void literal(String s, int indent) {
    put("|");
    if (s.startsWith(" ")) {
      put(Integer.toString(step));
    }
    if (!s.endsWith("\n")) {
      put("-");
    } else if (s.equals("\n") || s.endsWith("\n\n")) {
      put("+");
    }
    String[] lines = s.split("\n", -1);
    int last = s.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < last; i++) {
      out.append('\n');
      column = 0;
      if (!lines[i].isEmpty()) {
        out.append(" ".repeat(indent));
        column = indent;
        put(lines[i]);
      }
    }
  }

  private void newline(int indent) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(" ".repeat(indent));
    column = indent;
  }

  private void put(String s) {
    s.codePoints().forEach(this::put);
  }

  private void put(int c) {
    out.appendCodePoint(c);
    column++;
  }

  /**
   * Go's {@code strconv.FormatFloat(f, 'g', -1, bits)} as go-yaml writes a float, with
   * {@code .inf} and {@code .nan} as YAML spells them.
   */
  public static String goFloat(double d, boolean float32) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal shortest = new BigDecimal(float32 ? Float.toString((float) d) : Double.toString(d)).stripTrailingZeros();
    int exponent = shortest.precision() - shortest.scale() - 1;
    // 'g' with the shortest precision switches to an exponent from 1e+06 on.
    if (exponent < -4 || exponent >= 6) {
      String digits = shortest.unscaledValue().abs().toString();
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (shortest.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
          + String.format("%02d", Math.abs(exponent));
    }
    return shortest.toPlainString();
  }
}
