package io.berth.cli.commands;

import io.berth.cli.UserError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time as the docker CLI takes it for {@code --since} and {@code --until}: an RFC 3339
 * time (in the local zone when it names none), Unix seconds with an optional fraction, or a Go
 * duration counted back from now.
 */
final class TimeArgument {
  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]+(\\.[0-9]{1,9})?");
  private static final Pattern DURATION = Pattern.compile("[-+]?(?:([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+");
  private static final Pattern DURATION_PART = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)");

  private TimeArgument() {}

  /**
   * @param flag the option the text was given to, for the message when it is none of the forms
   * @param now what a duration counts back from
   */
  static Instant parse(String text, String flag, Instant now) {
    if (UNIX_SECONDS.matcher(text).matches()) {
      BigDecimal seconds = new BigDecimal(text);
      return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    if (DURATION.matcher(text).matches()) {
      Duration ago = duration(text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text);
      return text.startsWith("-") ? now.plus(ago) : now.minus(ago);
    }
    try {
      if (text.matches(".*([zZ]|[+-][0-9]{2}:[0-9]{2})$")) {
        return OffsetDateTime.parse(text.replace('z', 'Z')).toInstant();
      }
      // As the docker CLI: a time without a zone is in the local one.
      ZoneId local = ZoneId.systemDefault();
      return text.contains("T")
          ? LocalDateTime.parse(text).atZone(local).toInstant()
          : LocalDate.parse(text).atStartOfDay(local).toInstant();
    } catch (DateTimeParseException e) {
      throw new UserError("invalid " + flag + " \"" + text
          + "\": accepted values are RFC 3339 times (2013-01-02T13:23:37Z), Unix seconds, or durations such as 10m");
    }
  }

  private static Duration duration(String text) {
    Matcher m = DURATION_PART.matcher(text);
    Duration total = Duration.ZERO;
    while (m.find()) {
      BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (m.group(2)) {
        case "ns" -> 1L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        default -> 1_000L;
      });
      total = total.plusNanos(new BigDecimal(m.group(1)).multiply(nanosPerUnit).longValue());
    }
    return total;
  }
}
