package io.berth.executor.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.executor.lock.Staleness.Verdict;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StalenessTest {
  private static final LockHolder SELF = new LockHolder("self", "ci-1", "boot-a", 10, 5_000, "up");

  private static Optional<LockHolder> holder(String host, String boot, long pid, long started) {
    return Optional.of(new LockHolder("other", host, boot, pid, started, "down"));
  }

  @Test
  void aRunningHolderOnThisMachineHoldsIt() {
    Staleness.Processes running = pid -> pid == 42 ? Optional.of(9_000L) : Optional.empty();

    assertThat(Staleness.judge(holder("ci-1", "boot-a", 42, 9_000), SELF, running)).isEqualTo(Verdict.HELD);
  }

  @Test
  void aHolderWhosePidIsGoneIsStale() {
    assertThat(Staleness.judge(holder("ci-1", "boot-a", 42, 9_000), SELF, pid -> Optional.empty())).isEqualTo(Verdict.STALE);
  }

  @Test
  void aPidReusedByALaterProcessIsStale() {
    Staleness.Processes reused = pid -> Optional.of(9_000L + 60_000);

    assertThat(Staleness.judge(holder("ci-1", "boot-a", 42, 9_000), SELF, reused)).isEqualTo(Verdict.STALE);
  }

  @Test
  void startTimesReadByTwoProcessesMayDifferByATick() {
    Staleness.Processes slightlyOff = pid -> Optional.of(9_010L);

    assertThat(Staleness.judge(holder("ci-1", "boot-a", 42, 9_000), SELF, slightlyOff)).isEqualTo(Verdict.HELD);
  }

  @Test
  void anUnreadableStartTimeIsTakenForTheHolder() {
    assertThat(Staleness.judge(holder("ci-1", "boot-a", 42, 9_000), SELF, pid -> Optional.of(-1L))).isEqualTo(Verdict.HELD);
  }

  @Test
  void aHolderOnAnotherMachineOrAnEarlierBootIsNeverCheckedByPid() {
    Staleness.Processes wouldSayGone = pid -> Optional.empty();

    assertThat(Staleness.judge(holder("ci-2", "boot-a", 42, 9_000), SELF, wouldSayGone)).isEqualTo(Verdict.UNKNOWN);
    assertThat(Staleness.judge(holder("ci-1", "boot-b", 42, 9_000), SELF, wouldSayGone)).isEqualTo(Verdict.UNKNOWN);
    assertThat(Staleness.judge(holder("", "", 42, 9_000), new LockHolder("s", "", "", 1, 1, "up"), wouldSayGone))
        .isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void aVolumeOfThatNameWithoutBerthsLabelsIsNeverBroken() {
    assertThat(Staleness.judge(LockHolder.fromLabels(Map.of("owner", "someone")), SELF, pid -> Optional.empty()))
        .isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void labelsCarryTheHolderBothWays() {
    assertThat(LockHolder.fromLabels(SELF.labels("demo"))).contains(SELF);
    assertThat(SELF.labels("demo")).containsEntry("io.berth.lock.project", "demo").doesNotContainKey("com.docker.compose.project");
  }
}
