package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.interp.DotEnv;
import io.berth.model.interp.DotEnvException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DotEnvTest {
  private static Map<String, String> parse(String text, Map<String, String> shell) {
    return DotEnv.parse(text, k -> Optional.ofNullable(shell.get(k)));
  }

  @Test
  void statementsCommentsAndQuotes() {
    Map<String, String> env = parse("""
        \uFEFF# a comment
        A=plain value  # trailing comment
        export B=exported
        C='single ${A} \\n'
        D="double \\n ${A} \\$literal"
        E=
        F = spaced
        G: yaml style
        H=VAL# not a comment
        """, Map.of());

    assertThat(env).containsEntry("A", "plain value")
        .containsEntry("B", "exported")
        .containsEntry("C", "single ${A} \\n")
        .containsEntry("D", "double \n plain value $literal")
        .containsEntry("E", "")
        .containsEntry("F", "spaced")
        .containsEntry("G", "yaml style")
        .containsEntry("H", "VAL# not a comment");
  }

  @Test
  void bareKeyInheritsFromTheShellOrIsLeftOut() {
    assertThat(parse("HOME\nMISSING\n", Map.of("HOME", "/root"))).containsExactly(Map.entry("HOME", "/root"));
  }

  @Test
  void shellWinsInsideTheFileAndEarlierKeysAreVisible() {
    assertThat(parse("FOO=foo\nBAR=${FOO}\n", Map.of("FOO", "zot"))).containsEntry("BAR", "zot");
    assertThat(parse("FOO=foo\nBAR=${FOO}\n", Map.of())).containsEntry("BAR", "foo");
  }

  @Test
  void multiLineQuotedValue() {
    assertThat(parse("K=\"one\ntwo\"\nL=x\n", Map.of())).containsEntry("K", "one\ntwo").containsEntry("L", "x");
  }

  @Test
  void errorsNameTheLine() {
    assertThatThrownBy(() -> parse("A=1\nB C=2\n", Map.of()))
        .isInstanceOf(DotEnvException.class)
        .satisfies(e -> assertThat(((DotEnvException) e).line()).isEqualTo(2));
    assertThatThrownBy(() -> parse("A=1\n\nB=\"open\n", Map.of()))
        .hasMessageContaining("unterminated quoted value");
  }
}
