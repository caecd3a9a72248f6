package io.berth.cli.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Sizes and shares written as the docker CLI writes them (go-units and Go's {@code %g}), so that
 * berth's stats read like {@code docker stats}: {@code 1.129MiB}, {@code 486B}, {@code 1.23kB}.
 */
public final class GoUnits {
  private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

  private GoUnits() {}

  /** go-units' BytesSize: powers of 1024, four significant digits. */
  public static String binary(double bytes) {
    return size(bytes, 1024, BINARY, 4);
  }

  /** go-units' HumanSizeWithPrecision(size, 3): powers of 1000, three significant digits. */
  public static String decimal(double bytes) {
    return size(bytes, 1000, DECIMAL, 3);
  }

  /** {@code %.2f%%}. */
  public static String percent(double value) {
    return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  private static String size(double size, double base, String[] units, int precision) {
    int unit = 0;
    while (size >= base && unit < units.length - 1) {
      size /= base;
      unit++;
    }
    return g(size, precision) + units[unit];
  }

  /** Go's {@code %.<precision>g}: no trailing zeros, an exponent once the integer part needs more digits than that. */
  static String g(double value, int precision) {
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    String digits = rounded.unscaledValue().abs().toString();
    int nd = digits.length();
    int dp = nd - rounded.scale();
    int eprec = precision > nd && nd >= dp ? nd : precision;
    int exp = dp - 1;
    String sign = rounded.signum() < 0 ? "-" : "";
    if (exp < -4 || exp >= eprec) {
      int shown = Math.min(precision, nd);
      String mantissa = digits.charAt(0) + (shown > 1 ? "." + digits.substring(1, shown) : "");
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
    int shown = precision > dp ? nd : precision;
    return rounded.setScale(Math.max(shown - dp, 0), RoundingMode.UNNECESSARY).toPlainString();
  }
}
