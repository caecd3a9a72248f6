package io.berth.model.load;

import io.berth.model.ComposeLoader;
import io.berth.model.LoadRequest;
import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import io.berth.model.interp.DotEnv;
import io.berth.model.interp.DotEnvException;
import io.berth.model.interp.InterpolationException;
import io.berth.model.interp.Interpolator;
import io.berth.model.spec.FileObject;
import io.berth.model.spec.Network;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.model.spec.Volume;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The loading pipeline for a known list of files: environment, then per file parse, check keys and
 * interpolate, then merge, then read the typed model and check references across it.
 */
public final class ProjectReader {
  private static final Pattern SERVICE_NAME = Pattern.compile("^[a-zA-Z0-9._-]+$");

  private final LoadRequest request;
  private final Path projectDir;
  private final Consumer<String> warnings;

  public ProjectReader(LoadRequest request, Path projectDir, Consumer<String> warnings) {
    this.request = request;
    this.projectDir = projectDir;
    this.warnings = warnings;
  }

  public Project read(List<Path> files) {
    Map<String, String> env = ProjectEnvironment.of(request, files.get(0), warnings);
    // As compose-go does, the name is settled first, so that files can use ${COMPOSE_PROJECT_NAME}.
    Map<Path, List<YNode>> documents = new LinkedHashMap<>();
    for (Path file : files) {
      documents.put(file, YamlReader.read(file, ComposeLoader.readText(file)));
    }
    String name = projectName(documents, env);
    env.put("COMPOSE_PROJECT_NAME", name);
    Function<String, Optional<String>> lookup = k -> Optional.ofNullable(env.get(k));
    Interpolator interpolator = new Interpolator(lookup, warnings);

    YMap merged = null;
    for (Path file : files) {
      for (YNode document : documents.get(file)) {
        YMap top = Nodes.map(document, "");
        KeyCheck.check(top, "", Keys.TOP_SUPPORTED, Keys.TOP_SPEC, "top-level");
        YMap interpolated = (YMap) TreeInterpolation.apply(top, interpolator, "");
        YMap included = withIncludes(interpolated, file, env, new LinkedHashSet<>(List.of(file)));
        YMap extended = new Extends(interpolator).resolve(included, file);
        merged = merged == null ? extended : Merger.mergeTop(merged, extended);
      }
    }
    if (merged == null || merged.entries().isEmpty()) {
      throw new ComposeModelException(new SourcePos(files.get(0), 0, 0), "", "empty compose file");
    }
    if (merged.get("version") != null) {
      warnings.accept(files.get(0) + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion");
    }

    Map<String, Volume> volumes = volumes(merged, name);
    Map<String, Network> networks = networks(merged, name);
    Map<String, Service> services = Profiles.enabled(services(merged, lookup,
        new ServiceReader.Declared(keysOf(merged, "services"), volumes.keySet(), networks.keySet(),
            keysOf(merged, "secrets"), keysOf(merged, "configs"))),
        Profiles.active(request.profiles(), env));
    if (services.values().stream().anyMatch(s -> s.networks().contains("default")) && !networks.containsKey("default")) {
      networks.put("default", new Network("default", name + "_default", "", false, Map.of()));
    }
    return new Project(name, projectDir, files, services, networks, volumes,
        fileObjects(merged, "secrets", env), fileObjects(merged, "configs", env), env);
  }

  /**
   * {@code include}: each entry is loaded as a project of its own (its relative paths against its
   * own directory, its own {@code .env} under the including environment) and what it defines is
   * merged under this file, this file winning, as compose-go does.
   */
  private YMap withIncludes(YMap top, Path file, Map<String, String> env, Set<Path> chain) {
    YNode include = top.get("include");
    if (include == null) {
      return top;
    }
    YMap accumulated = null;
    YSeqItems items = YSeqItems.of(include, "include");
    for (int i = 0; i < items.size(); i++) {
      YNode entry = items.get(i);
      String at = "include[" + i + "]";
      List<Path> paths = new ArrayList<>();
      Path workingDir;
      Optional<Path> envFile = Optional.empty();
      if (entry instanceof YMap m) {
        KeyCheck.check(m, at, Set.of("path", "project_directory", "env_file"), Set.of(), "include");
        YNode path = Optional.ofNullable(m.get("path")).orElseThrow(() -> new ComposeModelException(m.pos(), at, "path is required"));
        YSeqItems ps = path instanceof YScalar ? YSeqItems.single(path) : YSeqItems.of(path, at + ".path");
        if (ps.size() == 0) {
          throw new ComposeModelException(path.pos(), at + ".path", "must name at least one file");
        }
        for (int j = 0; j < ps.size(); j++) {
          paths.add(file.getParent().resolve(Nodes.path(ps.get(j), at + ".path")).normalize());
        }
        workingDir = Optional.ofNullable(m.get("project_directory"))
            .map(n -> file.getParent().resolve(Nodes.path(n, at + ".project_directory")).normalize())
            .orElse(paths.get(0).getParent());
        envFile = Optional.ofNullable(m.get("env_file")).map(n -> file.getParent().resolve(Nodes.path(n, at + ".env_file")).normalize());
      } else {
        paths.add(file.getParent().resolve(Nodes.path(entry, at)).normalize());
        workingDir = paths.get(0).getParent();
      }
      Map<String, String> includeEnv = new LinkedHashMap<>();
      Path dotEnv = envFile.orElse(workingDir.resolve(".env"));
      if (Files.isRegularFile(dotEnv)) {
        includeEnv.putAll(dotEnv(dotEnv, k -> Optional.ofNullable(env.get(k))));
      } else if (envFile.isPresent() && !envFile.get().toString().equals("/dev/null")) {
        throw new ComposeModelException(entry.pos(), at + ".env_file", "env file " + envFile.get() + " not found");
      }
      includeEnv.putAll(env);
      Interpolator interpolator = new Interpolator(k -> Optional.ofNullable(includeEnv.get(k)), warnings);
      for (Path included : paths) {
        if (!Files.isRegularFile(included)) {
          throw new ComposeModelException(entry.pos(), at, "included file " + included + " not found");
        }
        if (!chain.add(included)) {
          throw new ComposeModelException(entry.pos(), at, "include cycle detected: " + chain + " include " + included);
        }
        for (YNode document : YamlReader.read(included, ComposeLoader.readText(included))) {
          YMap inner = Nodes.map(document, "");
          KeyCheck.check(inner, "", Keys.TOP_SUPPORTED, Keys.TOP_SPEC, "top-level");
          YMap resolved = (YMap) TreeInterpolation.apply(inner, interpolator, "");
          resolved = withIncludes(resolved, included, includeEnv, chain);
          resolved = new Extends(interpolator).resolve(resolved, included);
          resolved = withServicePathsFrom(resolved, workingDir);
          Map<String, YNode> kept = new LinkedHashMap<>(resolved.entries());
          kept.remove("name");
          YMap part = new YMap(kept, resolved.keyPos(), resolved.pos());
          accumulated = accumulated == null ? part : Merger.mergeTop(accumulated, part);
        }
        chain.remove(included);
      }
    }
    Map<String, YNode> own = new LinkedHashMap<>(top.entries());
    own.remove("include");
    YMap self = new YMap(own, top.keyPos(), top.pos());
    return accumulated == null ? self : Merger.mergeTop(accumulated, self);
  }

  /** Relative paths in an included file's services, resolved against its own directory. */
  private static YMap withServicePathsFrom(YMap top, Path dir) {
    if (!(top.get("services") instanceof YMap services)) {
      return top;
    }
    Map<String, YNode> resolved = new LinkedHashMap<>();
    services.entries().forEach((name, s) -> resolved.put(name, s instanceof YMap m ? Extends.absolutePaths(m, dir) : s));
    Map<String, YNode> entries = new LinkedHashMap<>(top.entries());
    entries.put("services", new YMap(resolved, services.keyPos(), services.pos()));
    return new YMap(entries, top.keyPos(), top.pos());
  }

  /** A sequence's items, or a single node as a one-item list, for keys that take either. */
  private record YSeqItems(List<YNode> items) {
    static YSeqItems of(YNode node, String path) {
      return new YSeqItems(Nodes.seq(node, path).items());
    }

    static YSeqItems single(YNode node) {
      return new YSeqItems(List.of(node));
    }

    int size() {
      return items.size();
    }

    YNode get(int i) {
      return items.get(i);
    }
  }

  /** Top-level secrets or configs: {@code file}, {@code environment}, {@code content} (configs) or {@code external}. */
  private Map<String, FileObject> fileObjects(YMap merged, String section, Map<String, String> env) {
    Map<String, FileObject> out = new LinkedHashMap<>();
    YNode node = merged.get(section);
    if (node == null) {
      return out;
    }
    boolean configs = section.equals("configs");
    Nodes.mapOrNull(node, section).entries().forEach((key, value) -> {
      String path = section + "." + key;
      YMap m = Nodes.map(value, path);
      KeyCheck.check(m, path, configs ? Set.of("file", "environment", "content", "external", "name", "labels")
          : Set.of("file", "environment", "external", "name", "labels"), Set.of("driver", "driver_opts", "template_driver"),
          section.substring(0, section.length() - 1));
      Optional<Path> file = Optional.ofNullable(m.get("file")).map(n -> projectDir.resolve(Nodes.path(n, path + ".file")).normalize());
      Optional<String> variable = Optional.ofNullable(m.get("environment")).map(n -> Nodes.text(n, path + ".environment"));
      Optional<String> content = Optional.ofNullable(m.get("content")).map(n -> Nodes.text(n, path + ".content"));
      boolean external = m.get("external") != null && Nodes.bool(m.get("external"), path + ".external");
      long sources = java.util.stream.Stream.of(file, variable, content).filter(Optional::isPresent).count();
      if (!external && sources != 1) {
        throw new ComposeModelException(m.pos(), path, "must have exactly one of file, environment" + (configs ? ", content" : "")
            + " or external: true");
      }
      if (external) {
        throw new ComposeModelException(m.posOf("external"), path + ".external", "external " + section + " are not supported yet by berth");
      }
      variable.ifPresent(v -> {
        if (!env.containsKey(v)) {
          throw new ComposeModelException(m.posOf("environment"), path + ".environment",
              "environment variable " + v + " is not set");
        }
      });
      out.put(key, new FileObject(key, file, variable, content, external));
    });
    return out;
  }

  private static Map<String, String> dotEnv(Path file, Function<String, Optional<String>> lookup) {
    try {
      return DotEnv.parse(ComposeLoader.readText(file), lookup);
    } catch (DotEnvException e) {
      throw new ComposeModelException(new SourcePos(file, e.line(), 1), "", e.getMessage());
    }
  }

  /**
   * {@code -p}, else a non-empty {@code COMPOSE_PROJECT_NAME} (both must be valid), else the last
   * non-empty top-level {@code name} of the files, interpolated, else the project directory's
   * name (both normalized). Included files do not name the project.
   */
  private String projectName(Map<Path, List<YNode>> documents, Map<String, String> env) {
    if (request.projectName().isPresent()) {
      return ProjectNames.validate(request.projectName().get());
    }
    String fromEnv = env.get("COMPOSE_PROJECT_NAME");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return ProjectNames.validate(fromEnv);
    }
    YScalar named = null;
    for (List<YNode> file : documents.values()) {
      for (YNode document : file) {
        if (document instanceof YMap top && top.get("name") instanceof YScalar s && !s.isNull() && !s.value().isEmpty()) {
          named = s;
        }
      }
    }
    if (named != null) {
      String text;
      try {
        text = new Interpolator(k -> Optional.ofNullable(env.get(k)), warnings).interpolate(Nodes.string(named, "name"));
      } catch (InterpolationException e) {
        throw new ComposeModelException(named.pos(), "name", e.getMessage());
      }
      if (!text.isEmpty()) {
        if (ProjectNames.normalizeOrEmpty(text).isEmpty()) {
          throw new ComposeModelException(named.pos(), "name",
              "project name must not be empty: \"" + text + "\" has no lowercase letter, digit, '_' or '-' after normalization");
        }
        return ProjectNames.normalize(text);
      }
    }
    Path dirName = projectDir.getFileName();
    return ProjectNames.normalize(dirName == null ? "" : dirName.toString());
  }

  private static Set<String> keysOf(YMap merged, String key) {
    return merged.get(key) instanceof YMap m ? m.entries().keySet() : Set.of();
  }

  private Map<String, Service> services(YMap merged, Function<String, Optional<String>> lookup, ServiceReader.Declared declared) {
    Map<String, Service> out = new LinkedHashMap<>();
    YNode node = merged.get("services");
    if (node == null) {
      return out;
    }
    YMap services = Nodes.mapOrNull(node, "services");
    ServiceReader reader = new ServiceReader(projectDir, lookup, declared);
    services.entries().forEach((name, value) -> {
      if (!SERVICE_NAME.matcher(name).matches()) {
        throw new ComposeModelException(services.posOf(name), "services",
            "invalid service name \"" + name + "\": use only letters, digits, '.', '_' and '-'");
      }
      out.put(name, reader.read(name, value));
    });
    return out;
  }

  private static Map<String, Volume> volumes(YMap merged, String project) {
    return resources(merged, "volumes", project, Keys.VOLUME_SUPPORTED, Keys.VOLUME_SPEC, "volume",
        (key, r) -> new Volume(key, r.name(), r.driver(), r.external(), r.labels(), r.driverOpts()));
  }

  private static Map<String, Network> networks(YMap merged, String project) {
    return resources(merged, "networks", project, Keys.NETWORK_SUPPORTED, Keys.NETWORK_SPEC, "network",
        (key, r) -> new Network(key, r.name(), r.driver(), r.external(), r.labels(), r.driverOpts(),
            r.flag("internal"), r.flag("attachable"), r.flag("enable_ipv6"), r.ipam()));
  }

  private static <T> Map<String, T> resources(YMap merged, String section, String project, Set<String> supported,
      Set<String> spec, String what, BiFunction<String, Resource, T> make) {
    Map<String, T> out = new LinkedHashMap<>();
    YNode node = merged.get(section);
    if (node == null) {
      return out;
    }
    YMap entries = Nodes.mapOrNull(node, section);
    entries.entries().forEach((key, value) -> {
      String path = section + "." + key;
      YMap m = Nodes.mapOrNull(value, path);
      KeyCheck.check(m, path, supported, spec, what);
      out.put(key, make.apply(key, Resource.read(m, path, key, project)));
    });
    return out;
  }

  /** What top-level networks and volumes share: name, driver, external, labels. */
  private record Resource(String name, String driver, boolean external, Map<String, String> labels,
      Map<String, String> driverOpts, YMap node, String path) {
    boolean flag(String key) {
      return node.get(key) != null && !(node.get(key) instanceof YScalar s && s.isNull()) && Nodes.bool(node.get(key), path + "." + key);
    }

    Optional<Network.Ipam> ipam() {
      YNode ipam = node.get("ipam");
      if (ipam == null || (ipam instanceof YScalar s && s.isNull())) {
        return Optional.empty();
      }
      YMap m = Nodes.map(ipam, path + ".ipam");
      KeyCheck.check(m, path + ".ipam", Set.of("driver", "config", "options"), Set.of(), "ipam");
      Optional<String> driver = Optional.ofNullable(m.get("driver")).map(n -> Nodes.text(n, path + ".ipam.driver"));
      List<Map<String, String>> pools = new java.util.ArrayList<>();
      if (m.get("config") != null) {
        var seq = Nodes.seq(m.get("config"), path + ".ipam.config");
        for (int i = 0; i < seq.items().size(); i++) {
          String at = path + ".ipam.config[" + i + "]";
          YMap pool = Nodes.map(seq.items().get(i), at);
          KeyCheck.check(pool, at, Set.of("subnet", "gateway", "ip_range", "aux_addresses"), Set.of(), "ipam pool");
          Map<String, String> values = new LinkedHashMap<>();
          for (String k : List.of("subnet", "gateway", "ip_range")) {
            if (pool.get(k) != null) {
              values.put(k, Nodes.text(pool.get(k), at + "." + k));
            }
          }
          pools.add(values);
        }
      }
      return Optional.of(new Network.Ipam(driver, pools));
    }

    static Resource read(YMap m, String path, String key, String project) {
      boolean external = m.get("external") != null && Nodes.bool(m.get("external"), path + ".external");
      Optional<String> explicit = Optional.ofNullable(m.get("name")).filter(n -> !(n instanceof YScalar s && s.isNull()))
          .map(n -> Nodes.text(n, path + ".name"));
      String name = explicit.orElse(external ? key : project + "_" + key);
      String driver = Optional.ofNullable(m.get("driver")).filter(n -> !(n instanceof YScalar s && s.isNull()))
          .map(n -> Nodes.text(n, path + ".driver")).orElse("");
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.get("labels") != null) {
        labels.putAll(Nodes.stringMap(m.get("labels"), path + ".labels"));
      }
      Map<String, String> driverOpts = new LinkedHashMap<>();
      if (m.get("driver_opts") != null) {
        driverOpts.putAll(Nodes.stringMap(m.get("driver_opts"), path + ".driver_opts"));
      }
      return new Resource(name, driver, external, labels, driverOpts, m, path);
    }
  }
}
