package io.berth.model.yaml;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads YAML text into {@link YNode} trees, one per document, with every node's position.
 *
 * <p>Hostile input is bounded: aliases are expanded against a budget of node visits (an alias bomb
 * fails fast instead of exhausting memory), nesting is limited in depth, and a duplicate key is an
 * error naming both lines, as in docker compose.
 */
public final class YamlReader {
  /** Nodes visited while expanding one document, aliases included (compose-go's cap). */
  static final int MAX_NODE_VISITS = 100_000;
  static final int MAX_DEPTH = 500;
  private static final int MAX_FILE_CODE_POINTS = 16 * 1024 * 1024;

  private final Path file;
  private int visits;

  private YamlReader(Path file) {
    this.file = file;
  }

  /** Every document in {@code text}, in order; an empty file has none. */
  public static List<YNode> read(Path file, String text) {
    return new YamlReader(file).readAll(text);
  }

  private List<YNode> readAll(String text) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(file.toString())
        .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both lines
        .setMaxAliasesForCollections(10_000)
        .setCodePointLimit(MAX_FILE_CODE_POINTS)
        .setUseMarks(true)
        // One read of the whole text: with the default 1 KiB window, a long scalar is copied
        // again on every refill, which makes a megabyte-long value take seconds.
        .setBufferSize(text.length() + 2)
        .build();
    List<YNode> documents = new ArrayList<>();
    // SnakeYAML composes by recursion: a document thousands of brackets deep would overflow the
    // stack, slowly. Where the text has that many brackets at all, measure the depth first.
    if (text.chars().filter(c -> c == '[' || c == '{').count() > MAX_DEPTH) {
      Optional<Mark> deep = firstTooDeep(settings, text);
      if (deep.isPresent()) {
        throw tooDeep(deep);
      }
    }
    try {
      for (Node node : new Compose(settings).composeAllFromReader(new StringReader(text))) {
        visits = 0;
        documents.add(convert(node, 0));
      }
    } catch (MarkedYamlEngineException e) {
      throw new ComposeModelException(pos(e.getProblemMark().or(e::getContextMark)), "", syntaxMessage(e));
    } catch (YamlEngineException e) {
      throw new ComposeModelException(new SourcePos(file, 0, 0), "", firstLine(e.getMessage()));
    } catch (StackOverflowError e) {
      throw tooDeep(firstTooDeep(settings, text));
    }
    return documents;
  }

  private YNode convert(Node node, int depth) {
    SourcePos pos = pos(node.getStartMark());
    if (++visits > MAX_NODE_VISITS) {
      throw new ComposeModelException(pos, "",
          "the document expands to more than " + MAX_NODE_VISITS + " nodes (too many aliases?)");
    }
    if (depth > MAX_DEPTH) {
      throw new ComposeModelException(pos, "", "the document nests too deeply (more than " + MAX_DEPTH + " levels)");
    }
    if (node instanceof ScalarNode s) {
      return new YNode.YScalar(s.getValue(), s.getScalarStyle() == ScalarStyle.PLAIN, pos);
    }
    if (node instanceof SequenceNode seq) {
      List<YNode> items = new ArrayList<>();
      for (Node item : seq.getValue()) {
        items.add(convert(item, depth + 1));
      }
      return new YNode.YSeq(items, pos);
    }
    MappingNode map = (MappingNode) node;
    Map<String, YNode> entries = new LinkedHashMap<>();
    Map<String, SourcePos> keyPos = new LinkedHashMap<>();
    List<Node> merges = new ArrayList<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      SourcePos kp = pos(keyNode.getStartMark());
      if (!(keyNode instanceof ScalarNode key)) {
        throw new ComposeModelException(kp, "", "a mapping key must be a string, found a " + kindOf(keyNode));
      }
      if (key.getValue().equals("<<") && key.getScalarStyle() == ScalarStyle.PLAIN) {
        merges.add(tuple.getValueNode());
        continue;
      }
      if (entries.containsKey(key.getValue())) {
        throw new ComposeModelException(kp, "",
            "mapping key \"" + key.getValue() + "\" already defined at line " + keyPos.get(key.getValue()).line());
      }
      keyPos.put(key.getValue(), kp);
      entries.put(key.getValue(), convert(tuple.getValueNode(), depth + 1));
    }
    // Merge keys: what the mapping says itself wins; among several merged maps, the first wins.
    for (Node merge : merges) {
      List<Node> sources = merge instanceof SequenceNode seq ? seq.getValue() : List.of(merge);
      for (Node source : sources) {
        YNode converted = convert(source, depth + 1);
        if (!(converted instanceof YNode.YMap m)) {
          throw new ComposeModelException(converted.pos(), "", "a merge key (<<) takes a mapping or a sequence of mappings, found " + converted.describe());
        }
        m.entries().forEach((k, v) -> {
          if (!entries.containsKey(k)) {
            entries.put(k, v);
            keyPos.put(k, m.posOf(k));
          }
        });
      }
    }
    return new YNode.YMap(entries, keyPos, pos);
  }

  /**
   * Where the first node deeper than {@link #MAX_DEPTH} starts, found by walking the parser's events,
   * which needs no recursion; empty when there is none, or when a syntax error comes first (the
   * composer reports it then).
   */
  private static Optional<Mark> firstTooDeep(LoadSettings settings, String text) {
    int depth = 0;
    try {
      for (Event event : new Parse(settings).parseString(text)) {
        if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
          return event.getStartMark();
        }
        if (event instanceof CollectionEndEvent) {
          depth--;
        }
      }
    } catch (YamlEngineException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private ComposeModelException tooDeep(Optional<Mark> where) {
    return new ComposeModelException(pos(where), "", "the document nests too deeply (more than " + MAX_DEPTH + " levels)");
  }

  private static String kindOf(Node node) {
    return node instanceof SequenceNode ? "sequence" : node instanceof MappingNode ? "mapping" : "scalar";
  }

  private SourcePos pos(Optional<Mark> mark) {
    return mark.map(m -> new SourcePos(file, m.getLine() + 1, m.getColumn() + 1)).orElse(new SourcePos(file, 0, 0));
  }

  private static String syntaxMessage(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String text = context.isEmpty() ? problem : context + ": " + problem;
    return "invalid YAML: " + firstLine(text);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid YAML";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
