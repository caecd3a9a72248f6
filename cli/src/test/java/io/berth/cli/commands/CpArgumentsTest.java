package io.berth.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which cp argument names a service's path, as Compose splits them. */
class CpArgumentsTest {
  @Test
  void aNameBeforeAColonIsAService() {
    assertThat(CpCommand.isContainerPath("web:/etc/hosts")).isTrue();
    assertThat(CpCommand.isContainerPath("web:relative")).isTrue();
    assertThat(CpCommand.isContainerPath("dir/web:x")).isTrue();
  }

  @Test
  void absoluteDotAndColonlessPathsAreLocal() {
    assertThat(CpCommand.isContainerPath("/tmp/a:b")).isFalse();
    assertThat(CpCommand.isContainerPath("./file:name.txt")).isFalse();
    assertThat(CpCommand.isContainerPath("../up:x")).isFalse();
    assertThat(CpCommand.isContainerPath("plain.txt")).isFalse();
    assertThat(CpCommand.isContainerPath("-")).isFalse();
  }
}
