package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compose's commands berth lacks are refused by name, whatever follows them, without an Engine. */
class UnsupportedCommandsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"watch", "publish", "bridge"})
  void isRefusedInOneLine(String command) {
    // An Engine address that cannot answer: the refusal must not need one.
    BerthRunner berth = new BerthRunner(dir).env("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));

    for (BerthRunner.Result r : new BerthRunner.Result[] {
        berth.run(command), berth.run(command, "--no-up", "web", "repo/app:1"), berth.run("-p", "demo", command, "convert", "-o", "out")}) {
      assertThat(r.code()).as(r.toString()).isNotZero();
      assertThat(r.err()).as(r.toString()).isEqualTo("berth does not support " + command + " yet\n");
      assertThat(r.out()).as(r.toString()).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void theRefusedCommandsNeedNoEngine() {
    assertThat(Subcommands.talksToEngine("watch")).isFalse();
    assertThat(Subcommands.talksToEngine("publish", "repo/app")).isFalse();
    assertThat(Subcommands.talksToEngine("bridge", "convert")).isFalse();
  }
}
