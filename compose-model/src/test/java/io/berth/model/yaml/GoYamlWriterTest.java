package io.berth.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scalars and layout as go-yaml v4's Encoder with SetIndent(2) writes them (the emitter's rules, case by case). */
class GoYamlWriterTest {
  private static String one(Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k", value);
    return GoYamlWriter.write(m);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "nginx:1.25|nginx:1.25",
      "8080|\"8080\"",
      "1.5|\"1.5\"",
      ".5|\".5\"",
      "0x1F|\"0x1F\"",
      "1_000|\"1_000\"",
      "-1|\"-1\"",
      "2024-01-01|\"2024-01-01\"",
      "true|\"true\"",
      "False|\"False\"",
      "null|\"null\"",
      "~|\"~\"",
      "yes|'yes'",
      "off|'off'",
      "12:30|'12:30'",
      "<<|'<<'",
      "*x|'*x'",
      "@x|'@x'",
      "a: b|'a: b'",
      "it's: x|'it''s: x'",
      "a #b|'a #b'",
      "a#b|a#b",
      "-x|-x",
      "- x|'- x'",
      "./app|./app",
      "http://x:80/y|http://x:80/y",
      "`a `|'a '",
      "`{a}`|'{a}'",
      "[a]|'[a]'",
      "a,b|a,b",
      "--- x|'--- x'",
      "on-failure|on-failure",
      "CMD-SHELL|CMD-SHELL",
      "curl -f http://localhost|curl -f http://localhost",
  })
  void scalarStyles(String value, String printed) {
    assertThat(one(value)).isEqualTo("k: " + printed + "\n");
  }

  @Test
  void emptyStringTabsAndCharactersBeyondTheBasicPlaneAreDoubleQuoted() {
    assertThat(one("")).isEqualTo("k: \"\"\n");
    assertThat(one("a\tb")).isEqualTo("k: \"a\\tb\"\n");
    assertThat(one("smile \uD83D\uDE00")).isEqualTo("k: \"smile \\U0001F600\"\n");
    assertThat(one("café")).isEqualTo("k: café\n");
  }

  @Test
  void multiLineStringsAreLiteralBlocksWithChompingIndicators() {
    assertThat(one("a\nb")).isEqualTo("k: |-\n  a\n  b\n");
    assertThat(one("a\n\nb\n")).isEqualTo("k: |\n  a\n\n  b\n");
    assertThat(one("a\n\n")).isEqualTo("k: |+\n  a\n\n");
    assertThat(one(" a\nb")).isEqualTo("k: |2-\n   a\n  b\n");
    assertThat(one("a \nb")).isEqualTo("k: \"a \\nb\"\n");
  }

  @Test
  void longPlainAndQuotedStringsFoldAtTheFirstSpaceAfterColumnEighty() {
    String words = "word ".repeat(30).strip();
    String printed = one(words);
    String[] lines = printed.split("\n");
    assertThat(lines[0]).startsWith("k: word").hasSizeGreaterThan(80).hasSizeLessThanOrEqualTo(86);
    assertThat(lines[1]).startsWith("  word");
    assertThat(String.join(" ", java.util.Arrays.stream(lines).map(String::strip).toList()))
        .isEqualTo("k: " + words);
    String quoted = one(": " + words);
    assertThat(quoted).startsWith("k: ': word").contains("\n  word");
  }

  @Test
  void sequencesIndentUnderTheirKeyAndMapsInSequencesStartOnTheDash() {
    Map<String, Object> port = new LinkedHashMap<>();
    port.put("mode", "ingress");
    port.put("target", 80);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("ports", List.of(port, Map.of()));
    doc.put("test", List.of("CMD", ""));
    doc.put("empty", List.of());
    doc.put("none", null);
    doc.put("cpus", 1.5f);
    doc.put("whole", 2.0f);
    assertThat(GoYamlWriter.write(doc)).isEqualTo("""
        ports:
          - mode: ingress
            target: 80
          - {}
        test:
          - CMD
          - ""
        empty: []
        none: null
        cpus: 1.5
        whole: 2
        """);
  }

  @Test
  void keysAreQuotedLikeValues() {
    assertThat(GoYamlWriter.write(Map.of("8080", "x"))).isEqualTo("\"8080\": x\n");
    assertThat(GoYamlWriter.write(Map.of("com.example/a b", "x"))).isEqualTo("com.example/a b: x\n");
  }
}
