package io.berth.model.load;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.Model;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The top-level {@code models} section. */
final class ModelsReader {
  private ModelsReader() {}

  static Map<String, Model> read(YMap merged) {
    Map<String, Model> out = new LinkedHashMap<>();
    YNode node = merged.get("models");
    if (node == null) {
      return out;
    }
    YMap models = Nodes.mapOrNull(node, "models");
    models.entries().forEach((key, value) -> {
      String path = "models." + key;
      YMap m = Nodes.mapOrNull(value, path);
      KeyCheck.check(m, path, Set.of("name", "model", "context_size", "runtime_flags"), Set.of(), "model");
      String model = ServiceReader.optional(m, "model").map(n -> Nodes.text(n, path + ".model"))
          .orElseThrow(() -> new ComposeModelException(m.pos(), path, "model is required"));
      Optional<Long> contextSize = ServiceReader.optional(m, "context_size").map(n -> (long) ServiceReader.count(n, path + ".context_size"));
      out.put(key, new Model(key, ServiceReader.text(m, "name", path), model, contextSize,
          ServiceReader.strings(m, "runtime_flags", path)));
    });
    return out;
  }
}
