package io.berth.model.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A service's healthcheck as the Engine takes it.
 *
 * @param test {@code ["CMD", ...]}, {@code ["CMD-SHELL", "..."]} or {@code ["NONE"]}; empty to keep the image's
 * @param disable {@code disable: true}, the same as a test of {@code ["NONE"]}
 */
public record Healthcheck(
    List<String> test,
    Optional<Duration> interval,
    Optional<Duration> timeout,
    Optional<Duration> startPeriod,
    Optional<Duration> startInterval,
    Optional<Integer> retries,
    boolean disable) {

  public Healthcheck {
    test = List.copyOf(test);
  }

  /** Whether the container will have no healthcheck at all. */
  public boolean disabled() {
    return disable || (!test.isEmpty() && test.get(0).equals("NONE"));
  }
}
