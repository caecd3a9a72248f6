package io.berth.model.load;

import io.berth.model.RawModel;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code config --no-env-resolution}: each service's {@code environment} as the files declare it,
 * and its {@code env_file} entries kept, not read. Compose then neither folds the env files into
 * {@code environment} nor looks a bare {@code KEY} up, so such a key prints as null.
 */
public final class DeclaredEnvironment {
  private DeclaredEnvironment() {}

  /**
   * Replaces the {@code environment} of every service of {@code form} (the canonical form of the
   * loaded project) with the one {@code model} declares, and adds its {@code env_file}.
   *
   * @param model the interpolated, merged files the project was loaded from
   */
  @SuppressWarnings("unchecked")
  public static void apply(Map<String, Object> form, RawModel model) {
    Object services = form.get("services");
    if (!(services instanceof Map<?, ?> byName) || !(model.tree().get("services") instanceof YMap declared)) {
      return;
    }
    byName.forEach((name, service) -> {
      if (service instanceof Map<?, ?> s && declared.get((String) name) instanceof YMap m) {
        Map<String, Object> out = (Map<String, Object>) s;
        String path = "services." + name;
        out.remove("environment");
        out.remove("env_file");
        Map<String, Object> environment = environment(m, path);
        if (!environment.isEmpty()) {
          out.put("environment", environment);
        }
        List<Map<String, Object>> envFiles = envFiles(m, path, model.projectDir());
        if (!envFiles.isEmpty()) {
          out.put("env_file", envFiles);
        }
        Map<String, Object> ordered = CanonicalOrder.apply(CanonicalOrder.SERVICE, new LinkedHashMap<>(out));
        out.clear();
        out.putAll(ordered);
      }
    });
  }

  private static Map<String, Object> environment(YMap service, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    YNode node = service.get("environment");
    if (node == null || node instanceof YScalar s && s.isNull()) {
      return out;
    }
    Nodes.keyValues(node, path + ".environment").forEach((key, value) ->
        out.put(key, value instanceof YScalar s && s.isNull() ? null : Nodes.text(value, path + ".environment." + key)));
    return out;
  }

  /** Each entry in long syntax, as compose-go prints it: {@code required} only when false. */
  private static List<Map<String, Object>> envFiles(YMap service, String path, Path projectDir) {
    List<Map<String, Object>> out = new ArrayList<>();
    YNode node = service.get("env_file");
    if (node == null || node instanceof YScalar s && s.isNull()) {
      return out;
    }
    List<YNode> entries = node instanceof YSeq seq ? seq.items() : List.of(node);
    for (int i = 0; i < entries.size(); i++) {
      String at = path + ".env_file" + (node instanceof YSeq ? "[" + i + "]" : "");
      Map<String, Object> entry = new LinkedHashMap<>();
      if (entries.get(i) instanceof YMap m) {
        entry.put("path", absolute(Nodes.path(m.get("path"), at + ".path"), projectDir));
        if (m.get("required") != null && !Nodes.bool(m.get("required"), at + ".required")) {
          entry.put("required", false);
        }
        if (m.get("format") != null) {
          entry.put("format", Nodes.text(m.get("format"), at + ".format"));
        }
      } else {
        entry.put("path", absolute(Nodes.path(entries.get(i), at), projectDir));
      }
      out.add(entry);
    }
    return out;
  }

  private static String absolute(String file, Path projectDir) {
    return projectDir.resolve(file).normalize().toString();
  }
}
