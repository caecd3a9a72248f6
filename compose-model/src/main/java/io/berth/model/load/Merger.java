package io.berth.model.load;

import io.berth.model.diag.SourcePos;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a later compose file over an earlier one with Compose's rules, which are not a generic
 * deep merge: {@code command} and {@code entrypoint} are replaced; {@code environment},
 * {@code labels}, {@code depends_on} and {@code networks} are merged by key whichever form each
 * file used; {@code ports} and {@code volumes} are appended (and de-duplicated when read); other
 * mappings merge recursively and other values are replaced.
 */
final class Merger {
  private static final Set<String> REPLACED = Set.of("command", "entrypoint");
  private static final Set<String> KEYED = Set.of("environment", "labels", "annotations");
  private static final Set<String> NAMED = Set.of("depends_on", "networks", "models");
  private static final Set<String> APPENDED = Set.of("ports", "volumes", "expose", "dns", "dns_search", "extra_hosts",
      "devices", "links", "external_links", "volumes_from", "device_cgroup_rules", "gpus", "post_start", "pre_start", "pre_stop",
      "label_file");

  private Merger() {}

  /** The top level of a file over the accumulated top level. */
  static YMap mergeTop(YMap base, YMap over) {
    Map<String, YNode> entries = new LinkedHashMap<>(base.entries());
    Map<String, SourcePos> keyPos = new LinkedHashMap<>(base.keyPos());
    over.entries().forEach((key, value) -> {
      YNode old = entries.get(key);
      YNode merged;
      if (key.equals("services") && old instanceof YMap oldServices && value instanceof YMap newServices) {
        merged = mergeMaps(oldServices, newServices, Merger::mergeService);
      } else {
        merged = mergeGeneric(old, value);
      }
      entries.put(key, merged);
      keyPos.putIfAbsent(key, over.posOf(key));
    });
    return new YMap(entries, keyPos, base.pos());
  }

  private interface EntryMerge {
    YNode merge(String key, YNode old, YNode value);
  }

  private static YMap mergeMaps(YMap base, YMap over, EntryMerge merge) {
    Map<String, YNode> entries = new LinkedHashMap<>(base.entries());
    Map<String, SourcePos> keyPos = new LinkedHashMap<>(base.keyPos());
    over.entries().forEach((key, value) -> {
      YNode old = entries.get(key);
      entries.put(key, old == null ? value : merge.merge(key, old, value));
      keyPos.putIfAbsent(key, over.posOf(key));
    });
    return new YMap(entries, keyPos, base.pos());
  }

  /** One service's mapping over another's, with the same rules as across files ({@code extends} uses it). */
  static YNode mergeService(YNode base, YNode override) {
    return mergeService("", base, override);
  }

  private static YNode mergeService(String name, YNode old, YNode value) {
    if (!(old instanceof YMap o) || !(value instanceof YMap v)) {
      return value;
    }
    return mergeMaps(o, v, Merger::mergeServiceKey);
  }

  private static YNode mergeServiceKey(String key, YNode old, YNode value) {
    if (REPLACED.contains(key)) {
      return value;
    }
    if (KEYED.contains(key) && !isNull(value)) {
      return keyed(old, value, key);
    }
    if (NAMED.contains(key) && !isNull(value)) {
      return mergeMaps(named(old), named(value), (k, a, b) -> mergeGeneric(a, b));
    }
    if (key.equals("label_file")) {
      // A single file is a list of one, so that files given either way append.
      old = old instanceof YScalar s && !s.isNull() ? new YSeq(List.of(old), old.pos()) : old;
      value = value instanceof YScalar s && !s.isNull() ? new YSeq(List.of(value), value.pos()) : value;
    }
    if (APPENDED.contains(key) && old instanceof YSeq a && value instanceof YSeq b) {
      List<YNode> items = new ArrayList<>(a.items());
      items.addAll(b.items());
      return new YSeq(items, a.pos());
    }
    return mergeGeneric(old, value);
  }

  /** Nested mappings merge; anything else is replaced, except that a null never deletes. */
  private static YNode mergeGeneric(YNode old, YNode value) {
    if (old == null) {
      return value;
    }
    if (isNull(value)) {
      return old;
    }
    if (old instanceof YMap a && value instanceof YMap b) {
      return mergeMaps(a, b, (k, x, y) -> mergeGeneric(x, y));
    }
    return value;
  }

  private static YNode keyed(YNode old, YNode value, String path) {
    if (!(old instanceof YMap || old instanceof YSeq) || !(value instanceof YMap || value instanceof YSeq)) {
      return value;
    }
    Map<String, YNode> entries = new LinkedHashMap<>(Nodes.keyValues(old, path));
    entries.putAll(Nodes.keyValues(value, path));
    return new YMap(entries, Map.of(), old.pos());
  }

  /** A list of names ({@code [db, cache]}) as a mapping of names to nothing, so both forms merge. */
  private static YMap named(YNode node) {
    if (node instanceof YMap m) {
      return m;
    }
    Map<String, YNode> entries = new LinkedHashMap<>();
    Map<String, SourcePos> keyPos = new LinkedHashMap<>();
    if (node instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (item instanceof YScalar s && !s.isNull()) {
          entries.put(s.value(), new YScalar("", true, s.pos()));
          keyPos.put(s.value(), s.pos());
        }
      }
    }
    return new YMap(entries, keyPos, node.pos());
  }

  private static boolean isNull(YNode node) {
    return node instanceof YScalar s && s.isNull();
  }
}
