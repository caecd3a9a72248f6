package io.berth.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YSeq;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the reader records of {@code !reset} and {@code !override}: the paths, and what stays in the document. */
class YamlTagsTest {
  private static YDocument read(String yaml) {
    List<YDocument> docs = YamlReader.readDocuments(Path.of("compose.yaml"), yaml);
    assertThat(docs).hasSize(1);
    return docs.get(0);
  }

  private static YMap web(YDocument doc) {
    return (YMap) ((YMap) ((YMap) doc.root()).get("services")).get("web");
  }

  @Test
  void resetIsRecordedAndLeftOutOverrideIsRecordedAndKept() {
    YDocument doc = read("""
        services:
          web:
            image: busybox
            command: !reset
            ports: !override ["80:80"]
            environment: !reset {A: 1}
        """);
    assertThat(doc.replaced()).containsExactlyInAnyOrder(
        List.of("services", "web", "command"), List.of("services", "web", "ports"), List.of("services", "web", "environment"));
    assertThat(web(doc).entries()).containsOnlyKeys("image", "ports");
    assertThat(web(doc).keyPos()).containsOnlyKeys("image", "ports");
    assertThat(((YSeq) web(doc).get("ports")).items()).hasSize(1);
  }

  @Test
  void aliasesRecordEveryUseAndMergeKeysTheMappingMergedInto() {
    YDocument doc = read("""
        x-reset: &reset !reset []
        x-base: &base
          ports: !reset []
          image: busybox
        services:
          web:
            <<: *base
            volumes: *reset
        """);
    assertThat(doc.replaced()).containsExactlyInAnyOrder(
        List.of("x-reset"), List.of("x-base", "ports"), List.of("services", "web", "ports"), List.of("services", "web", "volumes"));
    assertThat(web(doc).entries()).containsOnlyKeys("image");
  }

  @Test
  void tagsInsideSequencesNameNothingButResetItemsAreDropped() {
    YDocument doc = read("""
        services:
          web:
            ports: ["80:80", !reset "81:81"]
            volumes:
              - type: bind
                source: !override /a
                target: /a
        """);
    assertThat(doc.replaced()).isEmpty();
    assertThat(((YSeq) web(doc).get("ports")).items()).hasSize(1);
  }

  @Test
  void aTaggedKeyIsStillADuplicate() {
    assertThatThrownBy(() -> read("services:\n  web:\n    command: a\n    command: !reset b\n"))
        .isInstanceOf(ComposeModelException.class)
        .hasMessage("compose.yaml:4:5: mapping key \"command\" already defined at line 3");
    assertThatThrownBy(() -> read("services:\n  web:\n    command: !reset a\n    command: b\n"))
        .hasMessage("compose.yaml:4:5: mapping key \"command\" already defined at line 3");
  }

  @Test
  void anotherTagChangesNothing() {
    YDocument doc = read("services:\n  web:\n    image: !custom busybox\n");
    assertThat(doc.replaced()).isEmpty();
    assertThat(web(doc).get("image")).isInstanceOfSatisfying(YNode.YScalar.class, s -> assertThat(s.value()).isEqualTo("busybox"));
  }
}
