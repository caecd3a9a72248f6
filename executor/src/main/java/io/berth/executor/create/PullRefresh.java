package io.berth.executor.create;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The refresh policies among {@code pull_policy}'s values, as compose-go reads them: {@code daily}
 * (24 h), {@code weekly} (7 days), {@code every_<duration>} (units {@code s m h d w}, combined as
 * in {@code every_1d12h}). An image under one is pulled again once it was last tagged (pulled or
 * built) longer ago than that.
 */
final class PullRefresh {
  private static final Pattern PART = Pattern.compile("([0-9]+)([smhdw])");

  private PullRefresh() {}

  /** The policy's interval, or nothing for a policy that is not a refresh policy. */
  static Optional<Duration> interval(String policy) {
    return switch (policy) {
      case "daily" -> Optional.of(Duration.ofDays(1));
      case "weekly" -> Optional.of(Duration.ofDays(7));
      default -> policy.startsWith("every_") ? parse(policy.substring("every_".length())) : Optional.empty();
    };
  }

  private static Optional<Duration> parse(String text) {
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.lookingAt()) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      });
      end = m.end();
      m.region(end, text.length());
    }
    return end == text.length() && end > 0 ? Optional.of(total) : Optional.empty();
  }
}
