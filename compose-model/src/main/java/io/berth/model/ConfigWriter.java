package io.berth.model;

import io.berth.model.json.GoJsonWriter;
import io.berth.model.load.CanonicalForm;
import io.berth.model.load.CanonicalOrder;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.model.yaml.GoYamlWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code config} prints: the loaded project in canonical long syntax, byte for byte as
 * {@code docker compose config} prints it, with every {@code $} of the output written as
 * {@code $$} (docker compose replaces them in the whole text) so that loading the output again
 * gives the same project.
 */
public final class ConfigWriter {
  private ConfigWriter() {}

  public static String yaml(Project p) {
    return escapeDollars(GoYamlWriter.write(CanonicalForm.project(p)));
  }

  /**
   * As compose-go's {@code Project.MarshalJSON}: a Go map at the top, so its keys are sorted and
   * {@code models} is left out; {@code json.MarshalIndent} with two spaces and no final newline.
   */
  public static String json(Project p) {
    return escapeDollars(GoJsonWriter.indented(jsonForm(CanonicalForm.project(p))));
  }

  /**
   * A service as Go's {@code json.Marshal} writes compose-go's {@code ServiceConfig}: struct
   * order, {@code command} and {@code entrypoint} always present ({@code null} when unset), no
   * {@code x-*} keys. The text docker compose's config hash is computed over, before it leaves
   * fields out.
   */
  public static String serviceJson(Service s) {
    return GoJsonWriter.compact(jsonService(CanonicalForm.service(s)));
  }

  /** The service's canonical map in its JSON form, see {@link #serviceJson}. */
  public static Map<String, Object> jsonService(Map<String, Object> service) {
    Map<String, Object> out = new LinkedHashMap<>(service);
    out.putIfAbsent("command", null);
    out.putIfAbsent("entrypoint", null);
    out.keySet().removeIf(k -> k.startsWith("x-"));
    return CanonicalOrder.apply(CanonicalOrder.SERVICE, out);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> jsonForm(Map<String, Object> project) {
    Map<String, Object> out = new TreeMap<>(project);
    out.remove("models");
    Map<String, Object> services = new LinkedHashMap<>();
    ((Map<String, Object>) project.get("services")).forEach((name, s) -> services.put(name, jsonService((Map<String, Object>) s)));
    out.put("services", services);
    return out;
  }

  /** docker compose's {@code bytes.ReplaceAll(content, "$", "$$")} over the printed text. */
  public static String escapeDollars(String text) {
    return text.replace("$", "$$");
  }
}
