package io.berth.model.load;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as compose writes them, Go's syntax: {@code 1m30s}, {@code 500ms}, {@code 2.5s}, {@code 1h}. */
public final class GoDurations {
  // Possessive, so that a long run of digits without a unit fails at once instead of backtracking.
  private static final Pattern PART = Pattern.compile("([0-9]++(?:\\.[0-9]*+)?|\\.[0-9]++)(ns|us|µs|ms|s|m|h)");

  private GoDurations() {}

  /** @throws IllegalArgumentException for anything else */
  public static Duration parse(String text) {
    String s = text.strip();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(s);
    int at = 0;
    double nanos = 0;
    // Each part must start where the last ended: lookingAt, not find, which would rescan the
    // rest of the text from every position (seconds for a long run of digits).
    while (at < s.length() && m.region(at, s.length()).lookingAt()) {
      double value = Double.parseDouble(m.group(1));
      nanos += value * switch (m.group(2)) {
        case "ns" -> 1d;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      at = m.end();
    }
    if (at != s.length() || s.isEmpty()) {
      throw new IllegalArgumentException("invalid duration \"" + text + "\" (accepted: Go durations such as 10s, 1m30s, 500ms)");
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  /** Go's {@code time.Duration.String()}: {@code 1m30s}, {@code 500ms}, {@code 0s}. */
  public static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < 0) {
      return "-" + format(d.negated());
    }
    // Below a second Go picks the largest unit that keeps an integer part: 1.5ms, 2.5µs, 800ns.
    if (nanos < 1_000L) {
      return nanos + "ns";
    }
    if (nanos < 1_000_000L) {
      return java.math.BigDecimal.valueOf(nanos, 3).stripTrailingZeros().toPlainString() + "µs";
    }
    if (nanos < 1_000_000_000L) {
      return java.math.BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + "ms";
    }
    StringBuilder b = new StringBuilder();
    long hours = nanos / 3_600_000_000_000L;
    long minutes = nanos / 60_000_000_000L % 60;
    long rest = nanos % 60_000_000_000L;
    if (hours > 0) {
      b.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      b.append(minutes).append('m');
    }
    String seconds = java.math.BigDecimal.valueOf(rest, 9).stripTrailingZeros().toPlainString();
    return b.append(seconds).append('s').toString();
  }
}
