package io.berth.model.load;

import io.berth.model.spec.PortMapping;
import io.berth.model.yaml.Scalars;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Removes redefinitions from the sequences that carry an identity (compose-go's
 * {@code override/uncity.go}): a later entry with the key of an earlier one takes its place, in
 * place. Keys are compared as compose compares them after short syntax is expanded, so
 * {@code "8080:80"} and {@code {target: 80, published: 8080}} are the same port.
 */
final class Uniqueness {
  private static final Map<String, Function<YNode, String>> KEYS = new LinkedHashMap<>();
  private static final List<Map.Entry<String[], Function<YNode, String>>> INDEXERS = new ArrayList<>();

  static {
    for (String keyValue : List.of("networks.*.labels", "networks.*.ipam.options", "services.*.annotations",
        "services.*.build.args", "services.*.build.additional_contexts", "services.*.build.platform",
        "services.*.build.tags", "services.*.build.labels", "services.*.cap_add", "services.*.cap_drop",
        "services.*.deploy.labels", "services.*.dns", "services.*.dns_opt", "services.*.dns_search",
        "services.*.environment", "services.*.labels", "services.*.links", "services.*.networks.*.aliases",
        "services.*.networks.*.link_local_ips", "services.*.profiles", "services.*.sysctls", "services.*.tmpfs")) {
      KEYS.put(keyValue, Uniqueness::beforeEquals);
    }
    KEYS.put("services.*.devices", Uniqueness::deviceTarget);
    KEYS.put("services.*.configs", mountTarget(""));
    KEYS.put("services.*.secrets", mountTarget("/run/secrets"));
    KEYS.put("services.*.env_file", Uniqueness::envFilePath);
    KEYS.put("services.*.expose", Uniqueness::text);
    KEYS.put("services.*.ports", Uniqueness::port);
    KEYS.put("services.*.volumes", Uniqueness::volumeTarget);
    KEYS.forEach((pattern, key) -> INDEXERS.add(Map.entry(Paths.pattern(pattern), key)));
  }

  private Uniqueness() {}

  static YMap apply(YMap top) {
    return (YMap) apply(top, List.of());
  }

  private static YNode apply(YNode node, List<String> path) {
    if (node instanceof YMap map) {
      Map<String, YNode> entries = new LinkedHashMap<>();
      map.entries().forEach((k, v) -> entries.put(k, apply(v, Paths.child(path, k))));
      return new YMap(entries, map.keyPos(), map.pos());
    }
    if (node instanceof YSeq seq) {
      for (Map.Entry<String[], Function<YNode, String>> unique : INDEXERS) {
        if (Paths.matches(path, unique.getKey())) {
          return unique(seq, unique.getValue());
        }
      }
    }
    return node;
  }

  private static YSeq unique(YSeq seq, Function<YNode, String> key) {
    List<YNode> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (YNode item : seq.items()) {
      String k = key.apply(item);
      Integer at = k == null ? null : seen.get(k);
      if (at != null) {
        out.set(at, item);
      } else {
        out.add(item);
        if (k != null) {
          seen.put(k, out.size() - 1);
        }
      }
    }
    return new YSeq(out, seq.pos());
  }

  /** The text of a scalar; null (never a duplicate) for anything else. */
  private static String text(YNode node) {
    return node instanceof YScalar s && !s.isNull() ? Scalars.toText(Scalars.resolve(s)) : null;
  }

  private static String field(YNode node, String key) {
    return node instanceof YMap m ? text(m.get(key)) : null;
  }

  private static String beforeEquals(YNode node) {
    String text = text(node);
    return text == null ? null : text.split("=", 2)[0];
  }

  private static String deviceTarget(YNode node) {
    if (node instanceof YMap) {
      return field(node, "target");
    }
    String text = text(node);
    if (text == null) {
      return null;
    }
    String[] parts = text.split(":", -1);
    return parts.length == 1 ? parts[0] : parts[1];
  }

  private static Function<YNode, String> mountTarget(String dir) {
    return node -> {
      if (node instanceof YMap) {
        String target = field(node, "target");
        return target != null ? target : dir + "/" + field(node, "source");
      }
      String text = text(node);
      return text == null ? null : dir + "/" + text;
    };
  }

  private static String envFilePath(YNode node) {
    return node instanceof YMap ? field(node, "path") : text(node);
  }

  private static String volumeTarget(YNode node) {
    if (node instanceof YMap) {
      return field(node, "target");
    }
    String text = text(node);
    if (text == null) {
      return null;
    }
    String spec = text.matches("^[a-zA-Z]:\\\\.*") ? text.substring(2) : text;
    String[] parts = spec.split(":", -1);
    return parts.length == 1 ? parts[0] : parts[1];
  }

  /** {@code host_ip:published:target/protocol} with compose's defaults, whichever syntax the port was written in. */
  private static String port(YNode node) {
    if (node instanceof YMap m) {
      String target = text(m.get("target"));
      if (target == null) {
        return null;
      }
      return key(orDefault(text(m.get("host_ip")), ""), orDefault(text(m.get("published")), ""), target,
          orDefault(text(m.get("protocol")), "tcp"));
    }
    String text = text(node);
    if (text == null) {
      return null;
    }
    try {
      List<PortMapping> ports = PortParser.parse(text);
      if (ports.size() == 1) {
        PortMapping p = ports.get(0);
        return key(p.hostIp(), p.published(), Integer.toString(p.target()), p.protocol());
      }
    } catch (IllegalArgumentException e) {
      // reported with its position when the service is read
    }
    return text;
  }

  private static String key(String hostIp, String published, String target, String protocol) {
    return (hostIp.isEmpty() ? "0.0.0.0" : hostIp) + ":" + published + ":" + target + "/" + protocol;
  }

  private static String orDefault(String value, String dflt) {
    return value == null || value.isEmpty() ? dflt : value;
  }
}
