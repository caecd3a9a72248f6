package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/berth is the contract users and the README call: it works from any directory. */
class LauncherIT {
  @TempDir Path dir;

  @Test
  void runsFromAnyDirectoryAndPassesTheExitCodeThrough() throws Exception {
    try (BerthProcess version = BerthProcess.start(dir, Map.of(), "version")) {
      assertThat(version.awaitExit(Duration.ofSeconds(120))).as(version.output()).isZero();
      assertThat(version.output()).isEqualTo("berth version " + io.berth.planner.labels.Labels.BERTH_VERSION
          + " (Docker Compose v" + io.berth.cli.commands.ComposeVersion.NUMBER + " compatible)\n");
    }
    try (BerthProcess missing = BerthProcess.start(dir, Map.of("DOCKER_HOST", "unix:///nonexistent.sock"), "ps")) {
      assertThat(missing.awaitExit(Duration.ofSeconds(120))).isEqualTo(ExitCodes.FAILURE);
      assertThat(missing.output()).contains("compose.yaml").doesNotContain("Exception");
    }
  }
}
