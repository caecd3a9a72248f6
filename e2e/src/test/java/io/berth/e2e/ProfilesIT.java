package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/profiles_test.go}. */
@Tag("engine")
class ProfilesIT {
  private static final String PROFILED = "profiled-service";
  private static final String REGULAR = "regular-service";
  private static final String FILE = "./fixtures/profiles/compose.yaml";

  @RegisterExtension final Cli c = new Cli();

  /** TestExplicitProfileUsage. */
  @Test
  void explicitProfileUsage() {
    String p = "compose-e2e-explicit-profiles";
    // compose up with profile
    c.compose("-f", FILE, "-p", p, "--profile", "test-profile", "up", "-d");
    c.compose("-p", p, "ps").assertOutContains(REGULAR, PROFILED);
    // compose stop with profile
    c.compose("-f", FILE, "-p", p, "--profile", "test-profile", "stop");
    c.compose("-p", p, "ps", "--status", "running").assertCombinedLacks(REGULAR, PROFILED);
    // compose start with profile
    c.compose("-f", FILE, "-p", p, "--profile", "test-profile", "start");
    c.compose("-p", p, "ps", "--status", "running").assertOutContains(REGULAR, PROFILED);
    // compose restart with profile
    c.compose("-f", FILE, "-p", p, "--profile", "test-profile", "restart");
    c.compose("-p", p, "ps", "--status", "running").assertOutContains(REGULAR, PROFILED);
    // down, check containers after down
    c.compose("--project-name", p, "down");
    c.docker("ps").assertCombinedLacks(p);
  }

  /** TestNoProfileUsage. */
  @Test
  void noProfileUsage() {
    String p = "compose-e2e-no-profiles";
    c.compose("-f", FILE, "-p", p, "up", "-d");
    Result res = c.compose("-p", p, "ps");
    res.assertOutContains(REGULAR);
    assertThat(res.combined()).doesNotContain(PROFILED);
    c.compose("-f", FILE, "-p", p, "stop");
    c.compose("-p", p, "ps", "--status", "running").assertCombinedLacks(REGULAR, PROFILED);
    c.compose("-f", FILE, "-p", p, "start");
    res = c.compose("-p", p, "ps", "--status", "running");
    res.assertOutContains(REGULAR);
    assertThat(res.combined()).doesNotContain(PROFILED);
    c.compose("-f", FILE, "-p", p, "restart");
    res = c.compose("-p", p, "ps", "--status", "running");
    res.assertOutContains(REGULAR);
    assertThat(res.combined()).doesNotContain(PROFILED);
    c.compose("--project-name", p, "down");
    c.docker("ps").assertCombinedLacks(p);
  }

  /** TestActiveProfileViaTargetedService. */
  @Test
  void activeProfileViaTargetedService() {
    String p = "compose-e2e-via-target-service-profiles";
    // compose up with service name
    c.compose("-f", FILE, "-p", p, "up", PROFILED, "-d");
    Result res = c.compose("-p", p, "ps");
    assertThat(res.combined()).doesNotContain(REGULAR);
    res.assertOutContains(PROFILED);
    res = c.compose("-p", p, "--profile", "test-profile", "ps");
    assertThat(res.combined()).doesNotContain(REGULAR);
    res.assertOutContains(PROFILED);
    // compose stop with service name
    c.compose("-f", FILE, "-p", p, "stop", PROFILED);
    c.compose("-p", p, "ps", "--status", "running").assertCombinedLacks(REGULAR, PROFILED);
    // compose start with service name
    c.compose("-f", FILE, "-p", p, "start", PROFILED);
    res = c.compose("-p", p, "ps", "--status", "running");
    assertThat(res.combined()).doesNotContain(REGULAR);
    res.assertOutContains(PROFILED);
    // compose restart with service name
    c.compose("-f", FILE, "-p", p, "restart");
    res = c.compose("-p", p, "ps", "--status", "running");
    assertThat(res.combined()).doesNotContain(REGULAR);
    res.assertOutContains(PROFILED);
    c.compose("--project-name", p, "down");
    c.docker("ps").assertCombinedLacks(p);
  }

  /** TestDotEnvProfileUsage. */
  @Test
  void dotEnvProfileUsage() {
    String p = "compose-e2e-dotenv-profiles";
    try {
      c.compose("-f", FILE, "--env-file", "./fixtures/profiles/test-profile.env", "-p", p, "--profile", "test-profile",
          "up", "-d");
      c.compose("-p", p, "ps").assertOutContains(REGULAR, PROFILED);
    } finally {
      c.compose("--project-name", p, "down");
    }
  }
}
