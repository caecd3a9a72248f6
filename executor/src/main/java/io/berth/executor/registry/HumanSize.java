package io.berth.executor.registry;

import java.math.BigDecimal;
import java.math.MathContext;

/** Sizes as the docker CLI prints them: decimal units, four significant digits ({@code 32.24kB}, {@code 3.371MB}). */
public final class HumanSize {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

  private HumanSize() {}

  public static String of(long bytes) {
    BigDecimal size = BigDecimal.valueOf(bytes);
    int unit = 0;
    BigDecimal thousand = BigDecimal.valueOf(1000);
    while (size.compareTo(thousand) >= 0 && unit < UNITS.length - 1) {
      size = size.divide(thousand);
      unit++;
    }
    BigDecimal rounded = size.round(new MathContext(4));
    return (rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString()) + UNITS[unit];
  }
}
