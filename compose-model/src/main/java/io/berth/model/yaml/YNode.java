package io.berth.model.yaml;

import io.berth.model.diag.SourcePos;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node as compose reads it: mappings with string keys, sequences, and scalars kept as the
 * text that was written (types are resolved later, the way go-yaml does, see {@link Scalars}).
 * Every node remembers where it was written.
 */
public sealed interface YNode {
  SourcePos pos();

  /** What a user calls this kind of node in an error: {@code a mapping}, {@code a sequence}, ... */
  String describe();

  /** A node as go-yaml decodes it into {@code any}: maps, lists, and resolved scalars. */
  static Object plain(YNode node) {
    if (node instanceof YMap m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries().forEach((k, v) -> out.put(k, plain(v)));
      return out;
    }
    if (node instanceof YSeq q) {
      List<Object> out = new java.util.ArrayList<>();
      q.items().forEach(item -> out.add(plain(item)));
      return out;
    }
    return Scalars.resolve((YScalar) node);
  }

  /** @param keyPos where each key was written, for errors about the key rather than its value */
  record YMap(Map<String, YNode> entries, Map<String, SourcePos> keyPos, SourcePos pos) implements YNode {
    public YMap {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keyPos = Collections.unmodifiableMap(new LinkedHashMap<>(keyPos));
    }

    public YNode get(String key) {
      return entries.get(key);
    }

    public SourcePos posOf(String key) {
      return keyPos.getOrDefault(key, pos);
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record YSeq(List<YNode> items, SourcePos pos) implements YNode {
    public YSeq {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a sequence";
    }
  }

  /**
   * @param plain written without quotes, so its type is inferred ({@code 80} is a number, {@code "80"} a string)
   */
  record YScalar(String value, boolean plain, SourcePos pos) implements YNode {
    public boolean isNull() {
      return plain && Scalars.isNull(value);
    }

    @Override
    public String describe() {
      if (isNull()) {
        return "null";
      }
      Object v = Scalars.resolve(this);
      if (v instanceof Boolean) {
        return "a boolean";
      }
      if (v instanceof Number) {
        return "a number";
      }
      return "a string";
    }
  }
}
