package io.berth.executor.create;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PullRefreshTest {
  @Test
  void refreshPoliciesAreReadAsComposeGoReadsThem() {
    assertThat(PullRefresh.interval("daily")).contains(Duration.ofHours(24));
    assertThat(PullRefresh.interval("weekly")).contains(Duration.ofDays(7));
    assertThat(PullRefresh.interval("every_12h")).contains(Duration.ofHours(12));
    assertThat(PullRefresh.interval("every_90s")).contains(Duration.ofSeconds(90));
    assertThat(PullRefresh.interval("every_1d12h")).contains(Duration.ofHours(36));
    assertThat(PullRefresh.interval("every_2w")).contains(Duration.ofDays(14));
    assertThat(PullRefresh.interval("every_1h30m")).contains(Duration.ofMinutes(90));
  }

  @Test
  void otherPoliciesAndMalformedDurationsAreNoRefresh() {
    assertThat(PullRefresh.interval("missing")).isEmpty();
    assertThat(PullRefresh.interval("always")).isEmpty();
    assertThat(PullRefresh.interval("every_")).isEmpty();
    assertThat(PullRefresh.interval("every_12")).isEmpty();
    assertThat(PullRefresh.interval("every_5x")).isEmpty();
  }
}
