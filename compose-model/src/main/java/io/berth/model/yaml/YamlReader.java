package io.berth.model.yaml;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * fails fast instead of exhausting memory; a large file without aliases spends none of it), nesting is limited in depth, and a duplicate key is an
 * error naming both lines, as in docker compose.
 *
 * <p>The {@code !reset} and {@code !override} tags are recorded by the path of the entry they are on
 * (see {@link YDocument}). A tag met through an alias counts at every place the alias is used, and
 * a tag inside a {@code <<} merge counts for the mapping merged into, as in compose-go.
 */
public final class YamlReader {
  /**
   * Nodes visited while expanding one document's aliases (compose-go's cap). The document's own
   * nodes do not count: its size is bounded by the code-point limit, and a file of 50,000 services
   * is large, not hostile.
   */
  static final int MAX_ALIAS_VISITS = 100_000;
  static final int MAX_DEPTH = 500;
  private static final int MAX_FILE_CODE_POINTS = 16 * 1024 * 1024;

  private static final String RESET = "!reset";
  private static final String OVERRIDE = "!override";

  private final Path file;
  private int aliasVisits;
  /** Inside an alias's expansion: every node visited is a copy the document did not write out. */
  private int aliasDepth;
  /** The nodes met once already: meeting one again is meeting it through an alias. */
  private Set<Node> met;
  private Set<List<String>> replaced;

  private YamlReader(Path file) {
    this.file = file;
  }

  /** Every document in {@code text}, in order; an empty file has none. */
  public static List<YNode> read(Path file, String text) {
    return new YamlReader(file).readAll(text).stream().map(YDocument::root).toList();
  }

  /** Every document in {@code text} with the paths its {@code !reset} and {@code !override} tags name. */
  public static List<YDocument> readDocuments(Path file, String text) {
    return new YamlReader(file).readAll(text);
  }

  private List<YDocument> readAll(String text) {
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
    List<YDocument> documents = new ArrayList<>();
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
        aliasVisits = 0;
        aliasDepth = 0;
        met = Collections.newSetFromMap(new IdentityHashMap<>());
        replaced = new LinkedHashSet<>();
        YNode root = convert(node, 0, List.of());
        if (root != null) {
          documents.add(new YDocument(root, replaced));
        }
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

  /**
   * @param path the key path of this node, or null inside a sequence, where tags are not recorded
   * @return the node, or null for a node tagged {@code !reset}, which its parent leaves out
   */
  private YNode convert(Node node, int depth, List<String> path) {
    // An alias is the very node its anchor names (the composer shares it): the second meeting
    // starts an expansion, and everything under it is counted against the budget.
    boolean alias = aliasDepth == 0 && !met.add(node);
    if (alias) {
      aliasDepth++;
    }
    try {
      return convertCounted(node, depth, path);
    } finally {
      if (alias) {
        aliasDepth--;
      }
    }
  }

  private YNode convertCounted(Node node, int depth, List<String> path) {
    SourcePos pos = pos(node.getStartMark());
    if (aliasDepth > 0 && ++aliasVisits > MAX_ALIAS_VISITS) {
      throw new ComposeModelException(pos, "",
          "aliases expand the document by more than " + MAX_ALIAS_VISITS + " nodes (too many aliases?)");
    }
    if (depth > MAX_DEPTH) {
      throw new ComposeModelException(pos, "", "the document nests too deeply (more than " + MAX_DEPTH + " levels)");
    }
    String tag = node.getTag().getValue();
    if (tag.equals(RESET) || tag.equals(OVERRIDE)) {
      if (path != null) {
        replaced.add(path);
      }
      if (tag.equals(RESET)) {
        return null;
      }
    }
    if (node instanceof ScalarNode s) {
      return new YNode.YScalar(s.getValue(), s.getScalarStyle() == ScalarStyle.PLAIN, pos);
    }
    if (node instanceof SequenceNode seq) {
      List<YNode> items = new ArrayList<>();
      for (Node item : seq.getValue()) {
        YNode converted = convert(item, depth + 1, null);
        if (converted != null) {
          items.add(converted);
        }
      }
      return new YNode.YSeq(items, pos);
    }
    MappingNode map = (MappingNode) node;
    Map<String, YNode> entries = new LinkedHashMap<>();
    Map<String, SourcePos> keyPos = new LinkedHashMap<>();
    Map<String, Integer> keyLine = new HashMap<>();
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
      if (keyLine.containsKey(key.getValue())) {
        throw new ComposeModelException(kp, "",
            "mapping key \"" + key.getValue() + "\" already defined at line " + keyLine.get(key.getValue()));
      }
      keyLine.put(key.getValue(), kp.line());
      keyPos.put(key.getValue(), kp);
      YNode value = convert(tuple.getValueNode(), depth + 1, child(path, key.getValue()));
      if (value == null) {
        keyPos.remove(key.getValue());
      } else {
        entries.put(key.getValue(), value);
      }
    }
    // Merge keys: what the mapping says itself wins; among several merged maps, the first wins.
    // Tags inside a merged mapping count for this mapping (compose-go drops "<<" from the path),
    // except in the sequence form, whose item index keeps them from naming any entry.
    for (Node merge : merges) {
      boolean list = merge instanceof SequenceNode;
      List<Node> sources = merge instanceof SequenceNode seq ? seq.getValue() : List.of(merge);
      for (Node source : sources) {
        YNode converted = convert(source, depth + 1, list ? null : path);
        if (converted == null) {
          continue;
        }
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

  private static List<String> child(List<String> path, String key) {
    if (path == null) {
      return null;
    }
    List<String> next = new ArrayList<>(path);
    next.add(key);
    return List.copyOf(next);
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
