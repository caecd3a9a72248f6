package io.berth.model.load;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code include} entry, as compose-go reads it: {@code path} (the first file, then files
 * merged over it), {@code project_directory} (default: the first file's directory) and
 * {@code env_file} (default: the project directory's {@code .env} when there is one), all relative
 * to the including project's directory. What the included project defines is added to the
 * including file by {@link #addTo}.
 *
 * @param at the key path of the entry, for errors
 */
record Include(List<Path> paths, Path projectDir, List<Path> envFiles, YNode node, String at) {
  /** What an included project brings in; its other top-level keys ({@code name}, {@code x-*}, ...) stay behind. */
  private static final List<String> IMPORTED = List.of("services", "volumes", "networks", "secrets", "configs", "models");

  Include {
    paths = List.copyOf(paths);
    envFiles = List.copyOf(envFiles);
  }

  static Include read(YNode entry, Path dir, String at) {
    if (!(entry instanceof YMap m)) {
      Path path = path(entry, dir, at);
      return new Include(List.of(path), path.getParent(), dotEnvOf(path.getParent()), entry, at);
    }
    KeyCheck.check(m, at, Set.of("path", "project_directory", "env_file"), Set.of(), "include");
    if (m.get("path") == null) {
      throw new ComposeModelException(m.pos(), at, "path is required");
    }
    List<Path> paths = new ArrayList<>();
    for (YNode p : stringOrList(m.get("path"), at + ".path")) {
      paths.add(path(p, dir, at + ".path"));
    }
    if (paths.isEmpty()) {
      throw new ComposeModelException(m.get("path").pos(), at + ".path", "must name at least one file");
    }
    Path projectDir = m.get("project_directory") == null ? paths.get(0).getParent()
        : dir.resolve(Nodes.path(m.get("project_directory"), at + ".project_directory")).normalize();
    if (m.get("env_file") == null) {
      return new Include(paths, projectDir, dotEnvOf(projectDir), entry, at);
    }
    List<Path> envFiles = new ArrayList<>();
    for (YNode f : stringOrList(m.get("env_file"), at + ".env_file")) {
      String name = Nodes.path(f, at + ".env_file");
      if (name.equals("/dev/null")) {
        continue;
      }
      Path envFile = dir.resolve(name).normalize();
      if (!Files.isRegularFile(envFile)) {
        throw new ComposeModelException(f.pos(), at + ".env_file", "env file " + envFile + " not found");
      }
      envFiles.add(envFile);
    }
    return new Include(paths, projectDir, envFiles, entry, at);
  }

  /** {@code file}, once it is known to exist and not to be one of the files including it. */
  Path check(Path file, List<Path> chain) {
    Optional<String> notAFile = NotAFile.why(file);
    if (notAFile.isPresent()) {
      throw new ComposeModelException(node.pos(), at, "included file " + file + " " + notAFile.get());
    }
    if (chain.contains(file)) {
      List<String> cycle = new ArrayList<>();
      chain.forEach(f -> cycle.add(f.toString()));
      cycle.add(file.toString());
      throw new ComposeModelException(node.pos(), at, "include cycle detected: " + String.join(" include ", cycle));
    }
    return file;
  }

  private static List<Path> dotEnvOf(Path dir) {
    Path dotEnv = dir.resolve(".env");
    return Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
  }

  private static List<YNode> stringOrList(YNode node, String path) {
    return node instanceof YScalar ? List.of(node) : Nodes.seq(node, path).items();
  }

  /** An include path against the including project's directory; a remote one is refused with its position. */
  private static Path path(YNode node, Path dir, String at) {
    String ref = Nodes.path(node, at);
    if (ref.contains("://") || ref.startsWith("git@")) {
      throw new ComposeModelException(node.pos(), at, "remote resources (git, OCI) are not supported yet by berth: " + ref);
    }
    return dir.resolve(ref).normalize();
  }

  /**
   * The included project ready to be added: its services' relative paths made absolute against
   * its project directory, and their bare environment variables given the include's values.
   */
  static YMap resolved(YMap imported, Path projectDir, Map<String, String> env) {
    if (!(imported.get("services") instanceof YMap services)) {
      return imported;
    }
    Map<String, YNode> resolved = new LinkedHashMap<>();
    services.entries().forEach((name, s) -> resolved.put(name,
        s instanceof YMap m ? Extends.absolutePaths(withContext(withEnvironment(m, env)), projectDir) : s));
    Map<String, YNode> entries = new LinkedHashMap<>(imported.entries());
    entries.put("services", new YMap(resolved, services.keyPos(), services.pos()));
    return new YMap(entries, imported.keyPos(), imported.pos());
  }

  /**
   * Adds the included resources to {@code model}. A name the model already has (from the including
   * file or an earlier include) is merged, the included definition under the existing one, as
   * compose-go does; the including file's {@code !reset} and {@code !override} paths apply to it.
   */
  static void addTo(Map<String, YNode> model, YMap imported, Set<List<String>> replaced) {
    for (String section : IMPORTED) {
      if (!(imported.get(section) instanceof YMap from)) {
        continue;
      }
      YMap existing = model.get(section) instanceof YMap m ? m : new YMap(Map.of(), Map.of(), from.pos());
      Map<String, YNode> to = new LinkedHashMap<>(existing.entries());
      Map<String, SourcePos> keyPos = new LinkedHashMap<>(existing.keyPos());
      from.entries().forEach((name, resource) -> {
        YNode conflict = to.get(name);
        if (conflict == null) {
          to.put(name, resource);
          keyPos.put(name, from.posOf(name));
        } else {
          YNode base = Resets.without(resource, List.of(section, name), replaced);
          to.put(name, Merger.mergeResource(section, name, base, conflict));
        }
      });
      model.put(section, new YMap(to, keyPos, existing.pos()));
    }
  }

  /**
   * A bare {@code KEY} in an included service's {@code environment} takes its value from the
   * include's environment, as compose-go resolves it while loading the included project; a key
   * that has none there stays bare.
   */
  private static YMap withEnvironment(YMap service, Map<String, String> env) {
    YNode environment = service.get("environment");
    YNode resolved;
    if (environment instanceof YSeq list) {
      List<YNode> items = new ArrayList<>();
      for (YNode item : list.items()) {
        if (item instanceof YScalar k && !k.isNull() && !k.value().contains("=") && env.containsKey(k.value())) {
          items.add(new YScalar(k.value() + "=" + env.get(k.value()), false, k.pos()));
        } else {
          items.add(item);
        }
      }
      resolved = new YSeq(items, list.pos());
    } else if (environment instanceof YMap map) {
      Map<String, YNode> values = new LinkedHashMap<>(map.entries());
      map.entries().forEach((k, v) -> {
        if (v instanceof YScalar n && n.isNull() && env.containsKey(k)) {
          values.put(k, new YScalar(env.get(k), false, n.pos()));
        }
      });
      resolved = new YMap(values, map.keyPos(), map.pos());
    } else {
      return service;
    }
    Map<String, YNode> entries = new LinkedHashMap<>(service.entries());
    entries.put("environment", resolved);
    return new YMap(entries, service.keyPos(), service.pos());
  }

  /** A {@code build} without a {@code context} builds the included project's directory (compose-go sets the default first). */
  private static YMap withContext(YMap service) {
    if (!(service.get("build") instanceof YMap build) || build.get("context") != null) {
      return service;
    }
    Map<String, YNode> b = new LinkedHashMap<>(build.entries());
    b.put("context", new YScalar(".", false, build.pos()));
    Map<String, YNode> entries = new LinkedHashMap<>(service.entries());
    entries.put("build", new YMap(b, build.keyPos(), build.pos()));
    return new YMap(entries, service.keyPos(), service.pos());
  }
}
