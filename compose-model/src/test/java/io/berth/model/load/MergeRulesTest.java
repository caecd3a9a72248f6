package io.berth.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.yaml.Scalars;
import io.berth.model.yaml.YDocument;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import io.berth.model.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The merge of a later file over an earlier one, as data: each case is (base, override, expected)
 * YAML, merged the way the loader merges files ({@code !reset}/{@code !override} applied, then the
 * merge rules, then uniqueness) and compared as maps, lists and typed scalars, so key order in a
 * mapping does not matter and sequence order does. {@code compose-go-cases.yaml} holds compose-go's
 * own cases; {@code berth-cases.yaml} every other rule of the Compose merge, and errors.
 */
class MergeRulesTest {
  @TestFactory
  Stream<DynamicTest> composeGoMergeCases() throws IOException {
    return cases("compose-go-cases.yaml", 66);
  }

  @TestFactory
  Stream<DynamicTest> berthMergeCases() throws IOException {
    return cases("berth-cases.yaml", 1);
  }

  private Stream<DynamicTest> cases(String resource, int atLeast) throws IOException {
    YMap file = (YMap) parse(resource, read(resource)).root();
    List<YNode> cases = ((YSeq) file.get("cases")).items();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(atLeast);
    return cases.stream().map(node -> {
      YMap c = (YMap) node;
      String name = ((YScalar) c.get("name")).value();
      return DynamicTest.dynamicTest(name, () -> check(name, c));
    });
  }

  private static void check(String name, YMap c) {
    List<String> files = new ArrayList<>();
    if (c.get("files") instanceof YSeq seq) {
      seq.items().forEach(f -> files.add(((YScalar) f).value()));
    } else {
      files.add(((YScalar) c.get("base")).value());
      files.add(((YScalar) c.get("override")).value());
    }
    if (c.get("error") instanceof YScalar error) {
      assertThatThrownBy(() -> merge(name, files)).isInstanceOf(ComposeModelException.class)
          .hasMessageContaining(error.value());
      return;
    }
    Object expected = data(parse(name, ((YScalar) c.get("expected")).value()).root());
    assertThat(data(merge(name, files))).as(name).isEqualTo(expected);
  }

  /** The files in order, merged as the loader merges the documents of -f files. */
  private static YMap merge(String name, List<String> files) {
    YMap merged = null;
    for (int i = 0; i < files.size(); i++) {
      YDocument doc = parse(name + "#" + i, files.get(i));
      YMap top = (YMap) doc.root();
      if (merged != null) {
        merged = Resets.without(merged, doc.replaced());
      }
      merged = Uniqueness.apply(Merger.mergeTop(merged, top));
    }
    return merged;
  }

  private static YDocument parse(String name, String text) {
    List<YDocument> docs = YamlReader.readDocuments(Path.of(name.replaceAll("[^A-Za-z0-9_.#-]", "_")), text);
    assertThat(docs).as(name).hasSize(1);
    return docs.get(0);
  }

  /** A tree as plain data: mappings as maps, sequences as lists, scalars typed as go-yaml types them. */
  static Object data(YNode node) {
    if (node instanceof YMap m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries().forEach((k, v) -> out.put(k, data(v)));
      return out;
    }
    if (node instanceof YSeq s) {
      List<Object> out = new ArrayList<>();
      s.items().forEach(i -> out.add(data(i)));
      return out;
    }
    return Scalars.resolve((YScalar) node);
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = MergeRulesTest.class.getResourceAsStream("/merge/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
