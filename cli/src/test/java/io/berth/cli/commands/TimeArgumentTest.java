package io.berth.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.cli.UserError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeArgumentTest {
  private static final Instant NOW = Instant.parse("2024-05-06T07:08:09.5Z");

  private static Instant parse(String text) {
    return TimeArgument.parse(text, "--since", NOW);
  }

  @Test
  void rfc3339TimesWithAZoneAreThatInstant() {
    assertThat(parse("2013-01-02T13:23:37Z")).isEqualTo(Instant.parse("2013-01-02T13:23:37Z"));
    assertThat(parse("2013-01-02T13:23:37.25+02:00")).isEqualTo(Instant.parse("2013-01-02T11:23:37.25Z"));
  }

  @Test
  void timesWithoutAZoneAreLocal() {
    assertThat(parse("2013-01-02T13:23:37")).isEqualTo(LocalDateTime.parse("2013-01-02T13:23:37").atZone(ZoneId.systemDefault()).toInstant());
    assertThat(parse("2013-01-02")).isEqualTo(LocalDateTime.parse("2013-01-02T00:00").atZone(ZoneId.systemDefault()).toInstant());
  }

  @Test
  void unixSecondsMayHaveAFraction() {
    assertThat(parse("1357132917")).isEqualTo(Instant.ofEpochSecond(1357132917));
    assertThat(parse("1357132917.000000250")).isEqualTo(Instant.ofEpochSecond(1357132917, 250));
    assertThat(parse("0")).isEqualTo(Instant.EPOCH);
  }

  @Test
  void goDurationsCountBackFromNow() {
    assertThat(parse("10m")).isEqualTo(NOW.minus(Duration.ofMinutes(10)));
    assertThat(parse("1h30m5s")).isEqualTo(NOW.minus(Duration.ofSeconds(5405)));
    assertThat(parse("1.5h")).isEqualTo(NOW.minus(Duration.ofMinutes(90)));
    assertThat(parse("250ms")).isEqualTo(NOW.minusMillis(250));
    assertThat(parse("-2s")).isEqualTo(NOW.plusSeconds(2));
  }

  @Test
  void anythingElseIsRefusedWithTheAcceptedForms() {
    for (String bad : new String[] {"yesterday", "10x", "2013-13-02", "", "1h30"}) {
      assertThatThrownBy(() -> TimeArgument.parse(bad, "--until", NOW)).as(bad)
          .isInstanceOf(UserError.class)
          .hasMessage("invalid --until \"" + bad + "\": accepted values are RFC 3339 times (2013-01-02T13:23:37Z), Unix seconds, or durations such as 10m");
    }
  }
}
