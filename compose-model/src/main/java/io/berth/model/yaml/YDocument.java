package io.berth.model.yaml;

import java.util.List;
import java.util.Set;

/**
 * One YAML document and the paths of the mapping entries tagged {@code !reset} or {@code !override}
 * in it. Both tags mean the same to the files before this one: whatever they said at that path is
 * dropped before this document is merged over them. A {@code !reset} entry is also left out of
 * {@link #root()}; an {@code !override} entry stays, so its value replaces instead of merging.
 *
 * @param replaced key paths such as {@code [services, web, ports]}; never inside a sequence, since
 *     compose removes no single sequence item
 */
public record YDocument(YNode root, Set<List<String>> replaced) {
  public YDocument {
    replaced = Set.copyOf(replaced);
  }
}
