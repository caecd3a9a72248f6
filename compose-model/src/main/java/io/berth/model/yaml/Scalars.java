package io.berth.model.yaml;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Resolves plain scalars the way go-yaml v4 does for docker compose: only {@code true}/{@code false}
 * (three spellings each) are booleans, so {@code no} and {@code on} stay strings; integers follow
 * Go's base prefixes, so {@code 0440} is octal; {@code _} separates digits. Quoted scalars are
 * always strings.
 */
public final class Scalars {
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern SPECIAL_FLOAT = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private Scalars() {}

  public static boolean isNull(String s) {
    return s.isEmpty() || s.equals("~") || s.equals("null") || s.equals("Null") || s.equals("NULL");
  }

  /** The value: {@code null}, a {@link Boolean}, a {@link Long}, a {@link Double}, or the text. */
  public static Object resolve(YNode.YScalar scalar) {
    if (!scalar.plain()) {
      return scalar.value();
    }
    String s = scalar.value();
    if (isNull(s)) {
      return null;
    }
    switch (s) {
      case "true", "True", "TRUE":
        return Boolean.TRUE;
      case "false", "False", "FALSE":
        return Boolean.FALSE;
      default:
        break;
    }
    Long integer = parseInt(s);
    if (integer != null) {
      return integer;
    }
    if (FLOAT.matcher(s).matches() && s.chars().anyMatch(Character::isDigit)) {
      return Double.parseDouble(s);
    }
    if (SPECIAL_FLOAT.matcher(s).matches()) {
      return s.contains("nan") || s.contains("NaN") || s.contains("NAN") ? Double.NaN
          : s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return s;
  }

  /** Go's {@code strconv.ParseInt(s, 0, 64)} after removing {@code _}; null when it is not an integer. */
  static Long parseInt(String text) {
    String s = text.replace("_", "");
    if (s.isEmpty() || text.startsWith("_") || text.endsWith("_")) {
      return null;
    }
    boolean negative = s.startsWith("-");
    String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    int radix = 10;
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (digits.startsWith("0o") || digits.startsWith("0O")) {
      radix = 8;
      digits = digits.substring(2);
    } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
      radix = 2;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      radix = 8;
      digits = digits.substring(1);
    }
    if (digits.isEmpty()) {
      return null;
    }
    // More significant digits than 64 bits can hold: not an int64, and not worth a BigInteger
    // (converting a 50,000-digit number takes seconds).
    if (digits.replaceFirst("^0+", "").length() > 64) {
      return null;
    }
    for (char c : digits.toCharArray()) {
      if (Character.digit(c, radix) < 0) {
        return null;
      }
    }
    BigInteger value = new BigInteger(digits, radix);
    if (negative) {
      value = value.negate();
    }
    return value.bitLength() < 64 ? value.longValue() : null;
  }

  /** A resolved value as text, the way Go's fmt prints it ({@code 1.0} is {@code 1}). */
  public static String toText(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
        return Long.toString(d.longValue());
      }
      return d.toString();
    }
    return value.toString();
  }
}
