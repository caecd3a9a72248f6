package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubcommandsTest {
  @Test
  void theCommandIsTheFirstWordThatIsNoGlobalFlagNorItsValue() {
    assertThat(Subcommands.commandName("-f", "up.yaml", "--project-name", "ps", "up", "-d")).contains("up");
    assertThat(Subcommands.commandName("--dry-run", "down")).contains("down");
    assertThat(Subcommands.commandName("--verbose")).isEmpty();
    assertThat(Subcommands.commandName("--", "up")).isEmpty();
  }

  @Test
  void commandsThatReachTheEngineConnectEarlyAndOnlyThey() {
    assertThat(Subcommands.talksToEngine("up", "-d")).isTrue();
    assertThat(Subcommands.talksToEngine("-p", "config", "ps")).isTrue();
    assertThat(Subcommands.talksToEngine("logs", "-f")).isTrue();
    assertThat(Subcommands.talksToEngine("create", "web")).isTrue();
    assertThat(Subcommands.talksToEngine("config")).isFalse();
    assertThat(Subcommands.talksToEngine("-f", "up.yaml", "config", "--services")).isFalse();
    assertThat(Subcommands.talksToEngine("version")).isFalse();
    assertThat(Subcommands.talksToEngine("help", "up")).isFalse();
    assertThat(Subcommands.talksToEngine("nosuchcommand")).isFalse();
    assertThat(Subcommands.talksToEngine("--help")).isFalse();
  }
}
