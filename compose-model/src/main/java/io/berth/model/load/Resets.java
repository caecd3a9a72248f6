package io.berth.model.load;

import io.berth.model.diag.SourcePos;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a document's {@code !reset} and {@code !override} tags to what it is merged over (the
 * earlier files, an {@code extends} base, an included resource): the tagged paths are removed
 * there, so the document's own value (or its absence, for {@code !reset}) is what remains.
 */
final class Resets {
  private Resets() {}

  /** {@code tree}, found at {@code at} in the model, without the entries at {@code paths}. */
  static YNode without(YNode tree, List<String> at, Set<List<String>> paths) {
    if (paths.isEmpty() || !(tree instanceof YMap map)) {
      return tree;
    }
    Map<String, YNode> entries = new LinkedHashMap<>();
    Map<String, SourcePos> keyPos = new LinkedHashMap<>(map.keyPos());
    map.entries().forEach((key, value) -> {
      List<String> path = Paths.child(at, key);
      if (paths.contains(path)) {
        keyPos.remove(key);
      } else {
        entries.put(key, without(value, path, paths));
      }
    });
    return new YMap(entries, keyPos, map.pos());
  }

  static YMap without(YMap top, Set<List<String>> paths) {
    return (YMap) without(top, List.of(), paths);
  }
}
