package io.berth.model.load;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import io.berth.model.yaml.Scalars;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges a later compose file over an earlier one with Compose's rules (compose-go's
 * {@code override/merge.go}), which are not a generic deep merge. Generically, mappings merge key
 * by key, sequences are appended, scalars are replaced, and a null never deletes anything (only
 * {@code !reset} does, see {@link Resets}). The paths in {@link #SPECIAL} have rules of their own:
 * {@code command}, {@code entrypoint} and {@code healthcheck.test} are replaced; key-value sections
 * ({@code environment}, {@code labels}, ...) in either form become {@code KEY=VALUE} lists that are
 * appended, then de-duplicated by key; {@code depends_on} and {@code networks} in list form become
 * mappings first; a different logging driver replaces the whole {@code logging} block; and so on.
 * The same rules apply to {@code extends} and to an included resource a file redefines.
 */
final class Merger {
  private interface Rule {
    YNode merge(YNode base, YNode override, List<String> path);
  }

  /** Patterns of key paths ({@code *} is any key) and their rule, as compose-go lists them. */
  private static final Map<String, Rule> SPECIAL = new LinkedHashMap<>();
  private static final List<Map.Entry<String[], Rule>> RULES = new ArrayList<>();

  static {
    SPECIAL.put("networks.*.ipam.config", Merger::mergeIpamConfig);
    SPECIAL.put("networks.*.labels", Merger::mergeToSequence);
    SPECIAL.put("volumes.*.labels", Merger::mergeToSequence);
    SPECIAL.put("services.*.annotations", Merger::mergeToSequence);
    SPECIAL.put("services.*.build", Merger::mergeBuild);
    SPECIAL.put("services.*.build.args", Merger::mergeToSequence);
    SPECIAL.put("services.*.build.additional_contexts", Merger::mergeToSequence);
    SPECIAL.put("services.*.build.extra_hosts", Merger::mergeExtraHosts);
    SPECIAL.put("services.*.build.labels", Merger::mergeToSequence);
    SPECIAL.put("services.*.command", Merger::replace);
    SPECIAL.put("services.*.depends_on", Merger::mergeDependsOn);
    SPECIAL.put("services.*.deploy.labels", Merger::mergeToSequence);
    SPECIAL.put("services.*.dns", Merger::mergeToSequence);
    SPECIAL.put("services.*.dns_opt", Merger::mergeToSequence);
    SPECIAL.put("services.*.dns_search", Merger::mergeToSequence);
    SPECIAL.put("services.*.entrypoint", Merger::replace);
    SPECIAL.put("services.*.env_file", Merger::mergeToSequence);
    SPECIAL.put("services.*.label_file", Merger::mergeToSequence);
    SPECIAL.put("services.*.environment", Merger::mergeToSequence);
    SPECIAL.put("services.*.extra_hosts", Merger::mergeExtraHosts);
    SPECIAL.put("services.*.healthcheck.test", Merger::replace);
    SPECIAL.put("services.*.labels", Merger::mergeToSequence);
    SPECIAL.put("services.*.logging", Merger::mergeLogging);
    SPECIAL.put("services.*.models", Merger::mergeNames);
    SPECIAL.put("services.*.networks", Merger::mergeNames);
    SPECIAL.put("services.*.sysctls", Merger::mergeToSequence);
    SPECIAL.put("services.*.tmpfs", Merger::mergeToSequence);
    SPECIAL.put("services.*.ulimits.*", Merger::replaceUnlessNull);
    SPECIAL.forEach((pattern, rule) -> RULES.add(Map.entry(Paths.pattern(pattern), rule)));
  }

  private Merger() {}

  /** A later file's top level over the accumulated one (null for the first); {@link Uniqueness} comes after. */
  static YMap mergeTop(YMap base, YMap over) {
    return base == null ? over : (YMap) merge(base, over, List.of());
  }

  /** One service's mapping over another's ({@code extends}): the rules of a merge across files. */
  static YNode mergeService(YNode base, YNode override) {
    return merge(base, override, List.of("services", "x"));
  }

  /** A resource of {@code section} named {@code name} over another, as for an included resource a file redefines. */
  static YNode mergeResource(String section, String name, YNode base, YNode override) {
    return merge(base, override, List.of(section, name));
  }

  static YNode merge(YNode base, YNode override, List<String> path) {
    for (Map.Entry<String[], Rule> special : RULES) {
      if (Paths.matches(path, special.getKey())) {
        return special.getValue().merge(base, override, path);
      }
    }
    if (isNull(override)) {
      return base;
    }
    if (base instanceof YMap b) {
      if (!(override instanceof YMap o)) {
        throw cannotOverride(base, override, path);
      }
      return mergeMappings(b, o, path);
    }
    if (base instanceof YSeq b) {
      if (!(override instanceof YSeq o)) {
        throw cannotOverride(base, override, path);
      }
      List<YNode> items = new ArrayList<>(b.items());
      items.addAll(o.items());
      return new YSeq(items, b.pos());
    }
    return override;
  }

  private static YMap mergeMappings(YMap base, YMap over, List<String> path) {
    Map<String, YNode> entries = new LinkedHashMap<>(base.entries());
    Map<String, SourcePos> keyPos = new LinkedHashMap<>(base.keyPos());
    over.entries().forEach((key, value) -> {
      YNode old = entries.get(key);
      entries.put(key, old == null ? value : merge(old, value, Paths.child(path, key)));
      keyPos.putIfAbsent(key, over.posOf(key));
    });
    return new YMap(entries, keyPos, base.pos());
  }

  private static ComposeModelException cannotOverride(YNode base, YNode override, List<String> path) {
    return new ComposeModelException(override.pos(), String.join(".", path),
        "cannot override " + String.join(".", path) + ": " + base.describe() + " cannot be merged with " + override.describe());
  }

  private static YNode replace(YNode base, YNode override, List<String> path) {
    return override;
  }

  /** {@code ulimits.nofile}: the later value whole, soft and hard together. */
  private static YNode replaceUnlessNull(YNode base, YNode override, List<String> path) {
    return isNull(override) ? base : override;
  }

  /** The same logging driver (or one side naming none) merges the options; another driver replaces the block. */
  private static YNode mergeLogging(YNode base, YNode override, List<String> path) {
    if (base instanceof YMap b && override instanceof YMap o) {
      YNode driver = o.get("driver");
      YNode old = b.get("driver");
      if (driver == null || old == null || Objects.equals(scalarValue(driver), scalarValue(old))) {
        return mergeMappings(b, o, path);
      }
      return o;
    }
    return isNull(override) ? base : override;
  }

  /** {@code build: dir} is {@code build: {context: dir}}, so either form merges with the other. */
  private static YNode mergeBuild(YNode base, YNode override, List<String> path) {
    if (isNull(override)) {
      return base;
    }
    if (isNull(base)) {
      return override;
    }
    return mergeMappings(asBuild(base), asBuild(override), path);
  }

  private static YMap asBuild(YNode node) {
    if (node instanceof YMap m) {
      return m;
    }
    return new YMap(Map.of("context", node), Map.of("context", node.pos()), node.pos());
  }

  /** A list of dependencies means each one {@code {condition: service_started, required: true}}. */
  private static YNode mergeDependsOn(YNode base, YNode override, List<String> path) {
    if (isNull(override)) {
      return base;
    }
    if (isNull(base)) {
      return override;
    }
    return mergeMappings(asMapping(base, true), asMapping(override, true), path);
  }

  /** {@code networks} and {@code models}: a list of names is a mapping of names to nothing. */
  private static YNode mergeNames(YNode base, YNode override, List<String> path) {
    if (isNull(override)) {
      return base;
    }
    if (isNull(base)) {
      return override;
    }
    return mergeMappings(asMapping(base, false), asMapping(override, false), path);
  }

  private static YMap asMapping(YNode node, boolean dependency) {
    if (node instanceof YMap m) {
      return m;
    }
    Map<String, YNode> entries = new LinkedHashMap<>();
    Map<String, SourcePos> keyPos = new LinkedHashMap<>();
    if (node instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (item instanceof YScalar s && !s.isNull()) {
          entries.put(s.value(), dependency ? startedAndRequired(s.pos()) : new YScalar("", true, s.pos()));
          keyPos.put(s.value(), s.pos());
        }
      }
    }
    return new YMap(entries, keyPos, node.pos());
  }

  private static YMap startedAndRequired(SourcePos pos) {
    return new YMap(Map.of("condition", new YScalar("service_started", false, pos), "required", new YScalar("true", true, pos)),
        Map.of(), pos);
  }

  private static YNode mergeToSequence(YNode base, YNode override, List<String> path) {
    List<YNode> items = new ArrayList<>(asSequence(base));
    items.addAll(asSequence(override));
    return new YSeq(items, base.pos());
  }

  /** Like {@link #mergeToSequence}, leaving out the later entries already present. */
  private static YNode mergeExtraHosts(YNode base, YNode override, List<String> path) {
    List<YNode> items = new ArrayList<>(asSequence(base));
    List<Object> present = items.stream().map(Merger::scalarValue).toList();
    for (YNode item : asSequence(override)) {
      if (!present.contains(scalarValue(item))) {
        items.add(item);
      }
    }
    return new YSeq(items, base.pos());
  }

  /**
   * A mapping as {@code KEY=VALUE} items sorted by text ({@code KEY} alone for a null value, one
   * item per element for a list value), a scalar as a one-item list, null as an empty one.
   */
  private static List<YNode> asSequence(YNode node) {
    if (node instanceof YSeq seq) {
      return seq.items();
    }
    if (node instanceof YMap map) {
      List<YScalar> items = new ArrayList<>();
      map.entries().forEach((key, value) -> {
        SourcePos pos = map.posOf(key);
        if (value instanceof YSeq values) {
          for (YNode v : values.items()) {
            items.add(new YScalar(key + "=" + text(v), false, pos));
          }
        } else if (isNull(value)) {
          items.add(new YScalar(key, false, pos));
        } else {
          items.add(new YScalar(key + "=" + text(value), false, pos));
        }
      });
      items.sort(Comparator.comparing(YScalar::value));
      return List.copyOf(items);
    }
    if (node instanceof YScalar s && !s.isNull()) {
      return List.of(s);
    }
    return List.of();
  }

  /**
   * {@code ipam.config} merged by {@code subnet}: a later pool for a subnet already there merges
   * into it, one for a new subnet is added. This follows compose-go's loop as written, including
   * that an earlier pool no later pool names is dropped when the later file lists pools.
   */
  private static YNode mergeIpamConfig(YNode base, YNode override, List<String> path) {
    if (isNull(override)) {
      return base;
    }
    if (!(base instanceof YSeq configs) || !(override instanceof YSeq overrides)) {
      throw cannotOverride(base, override, path);
    }
    List<YNode> out = new ArrayList<>();
    for (YNode original : configs.items()) {
      YMap right = asMapping(original, false);
      for (YNode over : overrides.items()) {
        YMap left = asMapping(over, false);
        Object subnet = scalarValue(left.get("subnet"));
        if (!Objects.equals(subnet, scalarValue(right.get("subnet"))) && indexOfSubnet(out, subnet) < 0) {
          out.add(left);
          continue;
        }
        right = mergeMappings(right, left, path);
        int at = indexOfSubnet(out, scalarValue(right.get("subnet")));
        if (at >= 0) {
          out.set(at, right);
        } else {
          out.add(right);
        }
      }
    }
    return new YSeq(out, base.pos());
  }

  private static int indexOfSubnet(List<YNode> pools, Object subnet) {
    for (int i = 0; i < pools.size(); i++) {
      if (pools.get(i) instanceof YMap m && Objects.equals(scalarValue(m.get("subnet")), subnet)) {
        return i;
      }
    }
    return -1;
  }

  /** A scalar's value as compose compares it (typed, so {@code 80} and {@code "80"} differ); null otherwise. */
  static Object scalarValue(YNode node) {
    return node instanceof YScalar s ? Scalars.resolve(s) : null;
  }

  /** A scalar as Go's {@code %v} prints it. */
  private static String text(YNode node) {
    return node instanceof YScalar s ? Scalars.toText(Scalars.resolve(s)) : "";
  }

  static boolean isNull(YNode node) {
    return node == null || node instanceof YScalar s && s.isNull();
  }
}
