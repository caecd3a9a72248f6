package io.berth.model;

import io.berth.model.interp.Variables;
import io.berth.model.json.GoJsonWriter;
import io.berth.model.load.CanonicalForm;
import io.berth.model.load.CanonicalOrder;
import io.berth.model.load.DeclaredEnvironment;
import io.berth.model.load.RawNormalizer;
import io.berth.model.spec.Project;
import io.berth.model.yaml.GoYamlWriter;
import io.berth.model.yaml.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@code config} prints: the loaded project in canonical long syntax, byte for byte as
 * {@code docker compose config} prints it, with every {@code $} of the output written as
 * {@code $$} (docker compose replaces them in the whole text) so that loading the output again
 * gives the same project.
 */
public final class ConfigWriter {
  private ConfigWriter() {}

  /**
   * What {@code config --no-normalize}, {@code --no-path-resolution} and {@code --no-env-resolution}
   * turn off.
   *
   * @param declaredEnvironment for {@code --no-env-resolution}: the interpolated files the project
   *     was loaded from, whose {@code environment} and {@code env_file} are printed as declared
   */
  public record Options(boolean normalize, boolean resolvePaths, Optional<RawModel> declaredEnvironment) {
    public static final Options DEFAULT = new Options(true, true);

    public Options(boolean normalize, boolean resolvePaths) {
      this(normalize, resolvePaths, Optional.empty());
    }
  }

  public static String yaml(Project p) {
    return yaml(p, Options.DEFAULT);
  }

  public static String yaml(Project p, Options options) {
    return escapeDollars(GoYamlWriter.write(canonical(p, options)));
  }

  public static String json(Project p, Options options) {
    return escapeDollars(GoJsonWriter.indented(jsonForm(canonical(p, options))));
  }

  private static Map<String, Object> canonical(Project p, Options options) {
    Map<String, Object> form = CanonicalForm.project(p);
    options.declaredEnvironment().ifPresent(model -> DeclaredEnvironment.apply(form, model));
    if (!options.normalize()) {
      Unnormalized.apply(form, p.name());
    }
    if (!options.resolvePaths()) {
      Unnormalized.relativePaths(form, p.workingDir());
    }
    return form;
  }

  /**
   * As compose-go's {@code Project.MarshalJSON}: a Go map at the top, so its keys are sorted and
   * {@code models} is left out; {@code json.MarshalIndent} with two spaces and no final newline.
   */
  public static String json(Project p) {
    return json(p, Options.DEFAULT);
  }

  /**
   * A canonical service map (possibly trimmed, as the config hash trims it) as Go's json.Marshal
   * writes compose-go's {@code ServiceConfig}: struct order, {@code command} and {@code entrypoint}
   * always present ({@code null} when unset), no {@code x-*} keys.
   */
  public static String jsonOfService(Map<String, Object> service) {
    return GoJsonWriter.compact(jsonService(service));
  }

  /** The service's canonical map in its JSON form, see {@link #jsonOfService}. */
  public static Map<String, Object> jsonService(Map<String, Object> service) {
    Map<String, Object> out = new LinkedHashMap<>(service);
    out.putIfAbsent("command", null);
    out.putIfAbsent("entrypoint", null);
    out.keySet().removeIf(k -> k.startsWith("x-"));
    return CanonicalOrder.apply(CanonicalOrder.SERVICE, out, CanonicalOrder.GO_JSON_KEYS);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> jsonForm(Map<String, Object> project) {
    Map<String, Object> ordered = CanonicalOrder.apply(CanonicalOrder.PROJECT, project, CanonicalOrder.GO_JSON_KEYS);
    Map<String, Object> out = new TreeMap<>(CanonicalOrder.GO_JSON_KEYS);
    out.putAll(ordered);
    out.remove("models");
    Map<String, Object> services = new LinkedHashMap<>();
    ((Map<String, Object>) ordered.get("services")).forEach((name, s) -> services.put(name, jsonService((Map<String, Object>) s)));
    out.put("services", services);
    return out;
  }

  /**
   * {@code config --no-interpolate}: the merged model, not interpolated but otherwise loaded as
   * compose-go loads a model ({@link RawNormalizer}), printed as the Go map it is: every mapping's
   * keys sorted; {@code $} is printed as it is.
   */
  public static String rawYaml(RawModel model, Options options) {
    return GoYamlWriter.write(raw(model, options, CanonicalOrder.GO_YAML_KEYS));
  }

  public static String rawJson(RawModel model, Options options) {
    return GoJsonWriter.indented(raw(model, options, CanonicalOrder.GO_JSON_KEYS));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> raw(RawModel model, Options options, Comparator<String> keys) {
    Map<String, Object> plain = (Map<String, Object>) YNode.plain(model.tree());
    RawNormalizer.apply(plain, model.name(), model.projectDir(), options.normalize(), options.resolvePaths());
    return (Map<String, Object>) sorted(plain, keys);
  }

  /** Every map's keys sorted, as a Go map is printed. */
  private static Object sorted(Object value, Comparator<String> keys) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>(keys);
      m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v, keys)));
      return out;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(v -> sorted(v, keys)).collect(Collectors.toList());
    }
    return value;
  }

  /**
   * {@code config --variables}: without {@code --format}, docker compose's table (a tabwriter with
   * minimum width 20 and padding 3); {@code yaml} is {@code yaml.Marshal} of the Variable structs,
   * {@code json} an indented encoder's output; either way a map, so sorted by name.
   */
  public static String variables(RawModel model, String format) {
    Map<String, Variables.Variable> variables = Variables.of(model.tree());
    if (format.equals("yaml") || format.equals("json")) {
      Map<String, Object> out = new TreeMap<>(format.equals("yaml") ? CanonicalOrder.GO_YAML_KEYS : CanonicalOrder.GO_JSON_KEYS);
      variables.forEach((name, v) -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        boolean yaml = format.equals("yaml");
        fields.put(yaml ? "name" : "Name", v.name());
        fields.put(yaml ? "defaultvalue" : "DefaultValue", v.defaultValue());
        fields.put(yaml ? "presencevalue" : "PresenceValue", v.presenceValue());
        fields.put(yaml ? "required" : "Required", v.required());
        out.put(name, fields);
      });
      return format.equals("yaml") ? GoYamlWriter.marshal(out) : GoJsonWriter.write(out, "    ", false) + "\n\n";
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE"));
    variables.values().forEach(v -> rows.add(List.of(v.name(), Boolean.toString(v.required()), v.defaultValue(), v.presenceValue())));
    return table(rows);
  }

  /** Go's {@code tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)}: each column as wide as its widest cell plus 3, at least 20. */
  private static String table(List<List<String>> rows) {
    int columns = rows.get(0).size() - 1;
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = 20;
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).codePointCount(0, row.get(c).length()) + 3);
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        out.append(cell).append(" ".repeat(widths[c] - cell.codePointCount(0, cell.length())));
      }
      out.append(row.get(columns)).append('\n');
    }
    return out.toString();
  }

  /** docker compose's {@code bytes.ReplaceAll(content, "$", "$$")} over the printed text. */
  public static String escapeDollars(String text) {
    return text.replace("$", "$$");
  }
}
