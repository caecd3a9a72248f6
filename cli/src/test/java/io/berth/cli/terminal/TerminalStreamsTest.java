package io.berth.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalStreamsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "/dev/pts/3, true",
      "/dev/tty1, true",
      "/dev/ttyS0, true",
      "/dev/console, true",
      "/dev/null, false",
      "pipe:[123456], false",
      "socket:[42], false",
      "/tmp/out.txt, false",
  })
  void aDescriptorIsATerminalWhenItNamesATerminalDevice(String target, boolean terminal) {
    assertThat(TerminalStreams.isTerminalDevice(target)).isEqualTo(terminal);
  }
}
