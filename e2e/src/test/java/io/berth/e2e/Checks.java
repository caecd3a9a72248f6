package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions several upstream test files share (upstream's helpers of the same names). */
final class Checks {
  private Checks() {}

  /**
   * The {@code ps} table has the service's first replica in {@code status} (upstream's
   * assertServiceStatus): a line naming the container, then the service, then the status.
   */
  static void assertServiceStatus(String project, String service, String status, String ps) {
    String regex = "(?s).*" + project + "-" + service + "-1.+" + service + "\\s+.+" + status + ".+";
    assertThat(ps).as("ps output").matches(regex);
  }
}
