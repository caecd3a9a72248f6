package io.berth.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Takes back, from a canonical form, what compose-go's normalization and path resolution add, for
 * {@code config --no-normalize} and {@code --no-path-resolution}. The loaded model no longer knows
 * which of these the file wrote itself, so this is an approximation: a service's network list of
 * just {@code default}, the {@code default} network with its default name, and resource names
 * equal to {@code <project>_<key>} are taken as implicit; a path under the project directory is
 * printed relative to it ({@code ./html} for a bind source, {@code app} for a build context), one outside it
 * as it is.
 */
final class Unnormalized {
  private Unnormalized() {}

  @SuppressWarnings("unchecked")
  static void apply(Map<String, Object> project, String name) {
    if (project.get("services") instanceof Map<?, ?> services) {
      for (Object s : services.values()) {
        Map<String, Object> service = (Map<String, Object>) s;
        if (service.get("networks") instanceof Map<?, ?> n && n.size() == 1 && n.containsKey("default") && n.get("default") == null) {
          service.remove("networks");
        }
      }
    }
    for (String section : List.of("networks", "volumes", "secrets", "configs")) {
      if (!(project.get(section) instanceof Map<?, ?> resources)) {
        continue;
      }
      ((Map<String, Object>) resources).forEach((key, r) -> {
        Map<String, Object> resource = (Map<String, Object>) r;
        boolean external = Boolean.TRUE.equals(resource.get("external"));
        if ((name + "_" + key).equals(resource.get("name")) || (external && key.equals(resource.get("name")))) {
          resource.remove("name");
        }
      });
      if (section.equals("networks") && resources.get("default") instanceof Map<?, ?> d && d.isEmpty()) {
        resources.remove("default");
      }
      if (resources.isEmpty()) {
        project.remove(section);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static void relativePaths(Map<String, Object> project, Path projectDir) {
    if (project.get("services") instanceof Map<?, ?> services) {
      for (Object s : services.values()) {
        Map<String, Object> service = (Map<String, Object>) s;
        if (service.get("build") instanceof Map<?, ?> b) {
          ((Map<String, Object>) b).computeIfPresent("context", (k, v) -> relative(v, projectDir, false));
        }
        if (service.get("volumes") instanceof List<?> volumes) {
          for (Object v : volumes) {
            Map<String, Object> volume = (Map<String, Object>) v;
            if ("bind".equals(volume.get("type"))) {
              volume.computeIfPresent("source", (k, src) -> relative(src, projectDir, true));
            }
          }
        }
      }
    }
    for (String section : List.of("secrets", "configs")) {
      if (project.get(section) instanceof Map<?, ?> objects) {
        for (Object o : objects.values()) {
          ((Map<String, Object>) o).computeIfPresent("file", (k, f) -> relative(f, projectDir, true));
        }
      }
    }
  }

  private static Object relative(Object value, Path projectDir, boolean dotSlash) {
    Path p = Path.of(value.toString());
    if (!p.isAbsolute()) {
      return value;
    }
    String rel = projectDir.relativize(p).toString();
    if (rel.isEmpty()) {
      return ".";
    }
    if (rel.startsWith("..")) {
      return value; // outside the project: most likely written absolute
    }
    return dotSlash ? "./" + rel : rel;
  }
}
