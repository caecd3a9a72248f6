package io.berth.model.load;

import static io.berth.model.load.ServiceReader.optional;
import static io.berth.model.load.ServiceReader.strings;
import static io.berth.model.load.ServiceReader.stringOrList;
import static io.berth.model.load.ServiceReader.text;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.BuildExtras;
import io.berth.model.spec.BuildSpec;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Reads the build attributes of {@link BuildExtras} in every form compose-go accepts. */
final class BuildExtrasReader {
  private final ServiceReader.Declared declared;
  private final UnaryOperator<String> resolveHostPath;

  BuildExtrasReader(ServiceReader.Declared declared, UnaryOperator<String> resolveHostPath) {
    this.declared = declared;
    this.resolveHostPath = resolveHostPath;
  }

  BuildExtras read(YMap m, String path) {
    String service = path.substring("services.".length(), path.length() - ".build".length());
    optional(m, "secrets").ifPresent(n -> {
      YSeq seq = Nodes.seq(n, path + ".secrets");
      for (int i = 0; i < seq.items().size(); i++) {
        YNode item = seq.items().get(i);
        YNode source = item instanceof YMap ref ? ref.get("source") : item;
        if (source != null && !declared.secrets().contains(Nodes.text(source, path + ".secrets[" + i + "]"))) {
          throw new ComposeModelException(item.pos(), path + ".secrets[" + i + "]", "service \"" + service
              + "\" refers to undefined build secret " + Nodes.text(source, path + ".secrets[" + i + "]") + ": invalid compose project");
        }
      }
    });
    return new BuildExtras(
        text(m, "dockerfile_inline", path),
        ssh(m, path),
        strings(m, "cache_from", path),
        strings(m, "cache_to", path),
        stringOrList(m, "no_cache_filter", path),
        additionalContexts(m, path, service),
        ServiceReader.extraHosts(m, path),
        text(m, "isolation", path),
        ServiceReader.flag(m, "privileged", path),
        ServiceReader.fileReferences(m, "secrets", path, declared.secrets(), ""),
        optional(m, "shm_size").map(n -> ServiceReader.bytes(n, path + ".shm_size")),
        ServiceReader.ulimits(m, path),
        strings(m, "platforms", path),
        strings(m, "entitlements", path),
        boolOrString(m, "provenance", path),
        boolOrString(m, "sbom", path));
  }

  /** {@code [default, id=path]} or a mapping; paths resolve against the project directory. */
  private Map<String, String> ssh(YMap m, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<YNode> node = optional(m, "ssh");
    if (node.isEmpty()) {
      return out;
    }
    String at = path + ".ssh";
    if (node.get() instanceof YMap map) {
      map.entries().forEach((id, value) -> out.put(id,
          value instanceof YScalar s && s.isNull() ? null : resolveHostPath.apply(Nodes.text(value, at + "." + id))));
      return out;
    }
    YSeq seq = Nodes.seq(node.get(), at);
    for (int i = 0; i < seq.items().size(); i++) {
      String entry = Nodes.text(seq.items().get(i), at + "[" + i + "]");
      int eq = entry.indexOf('=');
      if (eq < 0) {
        if (!entry.equals("default")) {
          throw new ComposeModelException(seq.items().get(i).pos(), at + "[" + i + "]", "invalid ssh key \"" + entry
              + "\" (accepted: default, or ID=PATH)");
        }
        out.put(entry, null);
      } else {
        out.put(entry.substring(0, eq), resolveHostPath.apply(entry.substring(eq + 1)));
      }
    }
    return out;
  }

  /** {@code [name=value]} or a mapping; local paths resolve, URLs, images and {@code service:} stay as written. */
  private Map<String, String> additionalContexts(YMap m, String path, String service) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<YNode> node = optional(m, "additional_contexts");
    if (node.isEmpty()) {
      return out;
    }
    String at = path + ".additional_contexts";
    if (node.get() instanceof YSeq seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        String entry = Nodes.text(seq.items().get(i), at + "[" + i + "]");
        if (entry.indexOf('=') <= 0) {
          throw new ComposeModelException(seq.items().get(i).pos(), at + "[" + i + "]",
              "invalid additional context \"" + entry + "\" (accepted: NAME=VALUE)");
        }
      }
    }
    Nodes.stringMap(node.get(), at).forEach((name, value) -> {
      if (value.startsWith("service:")) {
        String other = value.substring("service:".length());
        if (!declared.services().contains(other)) {
          throw new ComposeModelException(node.get().pos(), at, "service \"" + service + "\" declares unknown service \""
              + other + "\" as additional contexts " + name);
        }
        if (!declared.buildable().contains(other)) {
          throw new ComposeModelException(node.get().pos(), at, "service \"" + service + "\" declares non-buildable service \""
              + other + "\" as additional contexts " + name);
        }
        out.put(name, value);
      } else if (value.contains("://") || value.startsWith("git@") || value.startsWith("github.com/")) {
        out.put(name, value);
      } else {
        out.put(name, resolveHostPath.apply(value));
      }
    });
    return out;
  }

  private static Optional<String> boolOrString(YMap m, String key, String path) {
    return optional(m, key).map(n -> {
      String text = Nodes.text(n, path + "." + key);
      return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? text.toLowerCase() : text;
    });
  }

  /** A service's {@code platform} must be one its {@code build.platforms} lists, when it lists any. */
  static void checkPlatform(YMap m, String path, Optional<BuildSpec> build, Optional<String> platform) {
    if (build.isEmpty() || platform.isEmpty() || build.get().extras().platforms().isEmpty()) {
      return;
    }
    if (!build.get().extras().platforms().contains(platform.get())) {
      throw new ComposeModelException(m.posOf("platform"), path + ".platform",
          "service.build.platforms MUST include service.platform \"" + platform.get() + "\"");
    }
  }
}
