package io.berth.model.load;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.PortMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What compose-go does to the merged model besides interpolating it, for
 * {@code config --no-interpolate}, which prints the model as a map rather than the typed project:
 * the canonical long forms that parse without interpolation (a short port that holds a variable
 * stays as written, as compose-go ignores the parse error), defaults, resolved paths, and
 * normalization (project name, the default network, resource names, implicit dependencies).
 * Short-syntax volumes, environment lists and the rarer attributes stay as written.
 *
 * <p>Works on the plain maps and lists a YAML tree decodes to, in place.
 */
public final class RawNormalizer {
  private RawNormalizer() {}

  @SuppressWarnings("unchecked")
  public static void apply(Map<String, Object> model, String project, Path projectDir, boolean normalize, boolean resolvePaths) {
    if (model.get("services") instanceof Map<?, ?> services) {
      for (Object s : services.values()) {
        if (s instanceof Map<?, ?> service) {
          canonicalService((Map<String, Object>) service, projectDir, resolvePaths);
        }
      }
    }
    for (String section : List.of("networks", "volumes", "secrets", "configs")) {
      if (model.get(section) instanceof Map<?, ?> resources) {
        ((Map<String, Object>) resources).replaceAll((k, r) -> external(r));
        if (resolvePaths && (section.equals("secrets") || section.equals("configs"))) {
          resources.values().forEach(r -> {
            if (r instanceof Map<?, ?> m) {
              ((Map<String, Object>) m).computeIfPresent("file", (k, f) -> resolved(f, projectDir));
            }
          });
        }
      }
    }
    if (normalize) {
      normalize(model, project);
    }
  }

  @SuppressWarnings("unchecked")
  private static void canonicalService(Map<String, Object> service, Path projectDir, boolean resolvePaths) {
    service.computeIfPresent("build", (k, b) -> {
      Map<String, Object> build = b instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>(Map.of("context", b));
      build.putIfAbsent("context", ".");
      if (resolvePaths && build.get("context") instanceof String context && !isRemote(context)) {
        build.put("context", resolved(context, projectDir));
      }
      return build;
    });
    service.computeIfPresent("depends_on", (k, d) -> {
      Map<String, Object> out = new LinkedHashMap<>();
      if (d instanceof List<?> names) {
        names.forEach(n -> out.put(String.valueOf(n), new LinkedHashMap<>(Map.of("condition", "service_started", "required", true))));
      } else if (d instanceof Map<?, ?> m) {
        m.forEach((name, e) -> {
          if (e instanceof Map<?, ?> entry) {
            ((Map<String, Object>) entry).putIfAbsent("condition", "service_started");
            ((Map<String, Object>) entry).putIfAbsent("required", true);
          }
          out.put(String.valueOf(name), e);
        });
      }
      return out;
    });
    service.computeIfPresent("networks", (k, n) -> {
      if (n instanceof List<?> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        names.forEach(name -> out.put(String.valueOf(name), null));
        return out;
      }
      return n;
    });
    service.computeIfPresent("dns", (k, v) -> v instanceof String ? new ArrayList<>(List.of(v)) : v);
    service.computeIfPresent("ports", (k, p) -> p instanceof List<?> l ? ports(l) : p);
    for (String key : List.of("secrets", "configs")) {
      service.computeIfPresent(key, (k, refs) -> {
        if (!(refs instanceof List<?> l)) {
          return refs;
        }
        List<Object> out = new ArrayList<>();
        for (Object r : l) {
          Map<String, Object> ref = r instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>(Map.of("source", String.valueOf(r)));
          if (key.equals("secrets") && !ref.containsKey("target")) {
            ref.put("target", "/run/secrets/" + ref.get("source"));
          }
          out.add(ref);
        }
        return out;
      });
    }
  }

  /** compose-go's transformPorts: every entry parsed, or the list kept as written if one does not parse. */
  @SuppressWarnings("unchecked")
  private static Object ports(List<?> entries) {
    List<Object> out = new ArrayList<>();
    for (Object e : entries) {
      if (e instanceof Map<?, ?> m) {
        Map<String, Object> port = (Map<String, Object>) m;
        port.putIfAbsent("mode", "ingress");
        port.putIfAbsent("protocol", "tcp");
        out.add(port);
        continue;
      }
      List<PortMapping> parsed;
      try {
        parsed = PortParser.parse(String.valueOf(e));
      } catch (ComposeModelException | IllegalArgumentException notAPort) {
        return entries;
      }
      for (PortMapping p : parsed) {
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("mode", "ingress");
        if (!p.hostIp().isEmpty()) {
          port.put("host_ip", p.hostIp());
        }
        port.put("target", (long) p.target());
        if (!p.published().isEmpty()) {
          port.put("published", p.published());
        }
        port.put("protocol", p.protocol());
        out.add(port);
      }
    }
    return out;
  }

  /** {@code external: {name: n}} is {@code external: true} and {@code name: n}; a null resource an empty one. */
  @SuppressWarnings("unchecked")
  private static Object external(Object resource) {
    if (resource == null) {
      return new LinkedHashMap<String, Object>();
    }
    if (resource instanceof Map<?, ?> m && m.get("external") instanceof Map<?, ?> ext) {
      Map<String, Object> r = (Map<String, Object>) m;
      r.put("external", true);
      if (ext.get("name") != null) {
        r.put("name", ext.get("name"));
      }
    }
    return resource;
  }

  @SuppressWarnings("unchecked")
  private static void normalize(Map<String, Object> model, String project) {
    model.put("name", project);
    boolean usesDefault = false;
    if (model.get("services") instanceof Map<?, ?> services) {
      for (Object s : services.values()) {
        if (!(s instanceof Map<?, ?> raw)) {
          continue;
        }
        Map<String, Object> service = (Map<String, Object>) raw;
        if ("if_not_present".equals(service.get("pull_policy"))) {
          service.put("pull_policy", "missing");
        }
        if (service.get("build") instanceof Map<?, ?> b && !b.containsKey("dockerfile") && !b.containsKey("dockerfile_inline")) {
          ((Map<String, Object>) b).put("dockerfile", "Dockerfile");
        }
        Map<String, Object> dependsOn = service.get("depends_on") instanceof Map<?, ?> d
            ? (Map<String, Object>) d : new LinkedHashMap<>();
        for (String namespace : List.of("network_mode", "ipc", "pid", "uts", "cgroup")) {
          if (service.get(namespace) instanceof String ref && ref.startsWith("service:")) {
            dependsOn.putIfAbsent(ref.substring("service:".length()),
                new LinkedHashMap<>(Map.of("condition", "service_started", "restart", true, "required", true)));
          }
        }
        if (!dependsOn.isEmpty()) {
          service.put("depends_on", dependsOn);
        }
        if (service.containsKey("provider") || service.containsKey("network_mode")) {
          continue;
        }
        if (!(service.get("networks") instanceof Map<?, ?> n) || n.isEmpty()) {
          Map<String, Object> networks = new LinkedHashMap<>();
          networks.put("default", null);
          service.put("networks", networks);
          usesDefault = true;
        } else if (n.containsKey("default")) {
          usesDefault = true;
        }
      }
    }
    Map<String, Object> networks = model.get("networks") instanceof Map<?, ?> n ? (Map<String, Object>) n : new LinkedHashMap<>();
    if (usesDefault) {
      networks.putIfAbsent("default", new LinkedHashMap<String, Object>());
    }
    if (!networks.isEmpty()) {
      model.put("networks", networks);
    }
    for (String section : List.of("networks", "volumes", "configs", "secrets")) {
      if (model.get(section) instanceof Map<?, ?> resources) {
        resources.forEach((key, r) -> {
          Map<String, Object> resource = (Map<String, Object>) r;
          if (resource.get("name") == null) {
            boolean external = Boolean.TRUE.equals(resource.get("external")) || "true".equals(String.valueOf(resource.get("external")));
            resource.put("name", external ? key : project + "_" + key);
          }
        });
      }
    }
  }

  private static boolean isRemote(String context) {
    return context.contains("://") || context.startsWith("git@") || context.startsWith("github.com/") || context.startsWith("service:");
  }

  private static Object resolved(Object path, Path projectDir) {
    String p = String.valueOf(path);
    if (p.startsWith("~") || Path.of(p).isAbsolute()) {
      return p;
    }
    return projectDir.resolve(p).normalize().toString();
  }
}
