package io.berth.model.load;

import io.berth.model.ComposeLoader;
import io.berth.model.LoadRequest;
import io.berth.model.RawModel;
import io.berth.model.diag.ComposeModelErrors;
import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
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
import io.berth.model.yaml.YDocument;
import io.berth.model.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The loading pipeline for a known list of files, in compose-go's order, each stage a class of its
 * own. First the project environment and name ({@link ProjectEnvironment}, {@link ProjectNames}).
 * Then for each file and each of its documents ({@link #mergeFile}):
 * <ol>
 *   <li>parse ({@link YamlReader}: positions, anchors, merge keys, duplicate keys, {@code !reset}/{@code !override} tags);
 *   <li>check keys ({@link KeyCheck} on the top level);
 *   <li>interpolate ({@link TreeInterpolation}, then {@link TypeCasts});
 *   <li>include ({@link Include});
 *   <li>reset/override ({@link Resets});
 *   <li>extends ({@link Extends});
 *   <li>merge ({@link Merger});
 *   <li>dedupe ({@link Uniqueness}).
 * </ol>
 * Then over the merged model ({@link #read}): validate ({@link SchemaCheck}); bind to the typed
 * model ({@link ServiceReader} and the readers of networks, volumes, secrets and configs), which
 * canonicalizes short syntax to long, applies the defaults, resolves paths against the project
 * directory and bare environment entries against the project environment; normalize (the
 * implicit {@code default} network, resource names, {@link ImplicitDependencies}); profiles
 * ({@link Profiles}), which also checks that no enabled service depends on a disabled one.
 * Dependency cycles are the planner's graph's to find.
 */
public final class ProjectReader {
  private static final Pattern SERVICE_NAME = Pattern.compile("^[a-zA-Z0-9._-]+$");

  private final LoadRequest request;
  private final Path projectDir;
  private final Consumer<String> warnings;
  private final Set<String> named;
  /** Null unless missing env files are noted rather than fatal. */
  private Map<String, ComposeModelException> missingEnvFiles;
  private boolean consistency = true;

  public ProjectReader(LoadRequest request, Path projectDir, Consumer<String> warnings) {
    this(request, projectDir, warnings, Set.of());
  }

  /**
   * @param named services the command names ({@code up foo}): as compose-go's WithServicesEnabled,
   *     the profiles of each one that is disabled become active too
   */
  public ProjectReader(LoadRequest request, Path projectDir, Consumer<String> warnings, Set<String> named) {
    this.request = request;
    this.projectDir = projectDir;
    this.warnings = warnings;
    this.named = Set.copyOf(named);
  }

  public Project read(List<Path> files) {
    Parsed parsed = parse(files);
    Map<String, String> env = parsed.env();
    String name = parsed.name();
    Function<String, Optional<String>> lookup = k -> Optional.ofNullable(env.get(k));
    YMap merged = merged(files, parsed.documents(), env, true);
    SchemaCheck.check(merged);

    // Each part is read even after another failed, so that one run reports every mistake.
    List<ComposeModelException> errors = new ArrayList<>();
    Map<String, Volume> volumes = attempt(() -> volumes(merged, name), errors);
    Map<String, Network> networks = attempt(() -> networks(merged, name), errors);
    Map<String, Service> read = attempt(() -> services(merged, lookup,
        new ServiceReader.Declared(keysOf(merged, "services"), keysOf(merged, "volumes"), keysOf(merged, "networks"),
            keysOf(merged, "secrets"), keysOf(merged, "configs"), keysOf(merged, "models"), buildable(merged))), errors);
    Map<String, FileObject> secrets = attempt(() -> fileObjects(merged, "secrets", env), errors);
    Map<String, FileObject> configs = attempt(() -> fileObjects(merged, "configs", env), errors);
    ComposeModelErrors.throwIfAny(errors);
    Map<String, Service> all = ImplicitDependencies.add(read);
    Map<String, Service> services = Profiles.enabled(all, Profiles.withNamed(Profiles.active(request.profiles(), env), all, named));
    if (services.values().stream().anyMatch(s -> s.networks().contains("default")) && !networks.containsKey("default")) {
      networks.put("default", new Network("default", name + "_default", "", false, Map.of()));
    }
    return new Project(name, projectDir, files, services, networks, volumes, secrets, configs, ModelsReader.read(merged), env,
        Nodes.extensions(merged));
  }

  /**
   * As {@link #read}, but a service's missing required env file is noted, not fatal: Compose
   * resolves env files only for the services a command acts on, so one broken service does not stop
   * the others. The caller fails with the note of any service it needs.
   */
  public Project readNotingMissingEnvFiles(List<Path> files, Map<String, ComposeModelException> missing) {
    missingEnvFiles = missing;
    try {
      return read(files);
    } finally {
      missingEnvFiles = null;
    }
  }

  /**
   * As {@link #read}, without compose-go's consistency checks ({@code config --no-consistency}):
   * a service without an image or build is read as it is.
   */
  public Project readWithoutConsistency(List<Path> files) {
    consistency = false;
    try {
      return read(files);
    } finally {
      consistency = true;
    }
  }

  /** What {@code part} reads, or an empty map with its errors added to {@code errors}. */
  private static <T> Map<String, T> attempt(Supplier<Map<String, T>> part, List<ComposeModelException> errors) {
    return ComposeModelErrors.gather(part, errors).orElseGet(LinkedHashMap::new);
  }

  /**
   * The files merged (includes, extends, overrides) as a tree, before anything is read from it;
   * without interpolation it is the model {@code config --no-interpolate} prints.
   */
  public RawModel model(List<Path> files, boolean interpolate) {
    Parsed parsed = parse(files);
    return new RawModel(merged(files, parsed.documents(), parsed.env(), interpolate), parsed.name(), projectDir);
  }

  /** The files parsed once, the project environment, and the project's name settled from both. */
  private record Parsed(Map<Path, List<YDocument>> documents, Map<String, String> env, String name) {}

  /** As compose-go does, the name is settled first, so that files can use ${COMPOSE_PROJECT_NAME}. */
  private Parsed parse(List<Path> files) {
    Map<String, String> env = ProjectEnvironment.of(request, files.get(0), warnings);
    Map<Path, List<YDocument>> documents = new LinkedHashMap<>();
    for (Path file : files) {
      documents.put(file, YamlReader.readDocuments(file, ComposeLoader.readText(file)));
    }
    Map<Path, List<YNode>> roots = new LinkedHashMap<>();
    documents.forEach((file, docs) -> roots.put(file, docs.stream().map(YDocument::root).toList()));
    String name = projectName(roots, env);
    env.put("COMPOSE_PROJECT_NAME", name);
    return new Parsed(documents, env, name);
  }

  /** Without interpolation (a null interpolator), what {@code config --no-interpolate} prints. */
  private YMap merged(List<Path> files, Map<Path, List<YDocument>> documents, Map<String, String> env, boolean interpolate) {
    Interpolator interpolator = interpolate ? new Interpolator(k -> Optional.ofNullable(env.get(k)), warnings) : null;
    YMap merged = null;
    for (Path file : files) {
      merged = mergeFile(merged, file, documents.get(file), projectDir, interpolator, env, new ArrayList<>(List.of(file)));
    }
    if (merged == null || merged.entries().isEmpty()) {
      throw new ComposeModelException(new SourcePos(files.get(0), 0, 0), "", "empty compose file");
    }
    return merged;
  }

  /**
   * One file's documents over {@code merged} (null before the first file), each in compose's
   * order: check keys, interpolate, import its {@code include}s, drop what it tags {@code !reset}
   * or {@code !override} from what came before, resolve its {@code extends}, merge.
   */
  private YMap mergeFile(YMap merged, Path file, List<YDocument> documents, Path workingDir, Interpolator interpolator,
      Map<String, String> env, List<Path> chain) {
    for (YDocument document : documents) {
      YMap top = Nodes.map(document.root(), "");
      KeyCheck.check(top, "", Keys.TOP_SUPPORTED, Keys.TOP_SPEC, "top-level");
      if (top.get("version") != null) {
        // Said of each file that has it, included ones too, as compose-go does.
        warnings.accept(file + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion");
      }
      YMap interpolated = (YMap) TreeInterpolation.apply(top, interpolator, "");
      YMap included = withIncludes(interpolated, workingDir, env, chain, document.replaced(), interpolator != null);
      if (merged != null) {
        merged = Resets.without(merged, document.replaced());
      }
      YMap extended = new Extends(interpolator).resolve(included, file, workingDir, document.replaced());
      merged = Uniqueness.apply(Merger.mergeTop(merged, extended));
    }
    return merged;
  }

  /**
   * {@code include}: each entry is loaded as a project of its own (its relative paths against its
   * own directory, its env files under the including environment) and its resources are added to
   * this file's, see {@link Include}.
   */
  private YMap withIncludes(YMap top, Path dir, Map<String, String> env, List<Path> chain, Set<List<String>> replaced,
      boolean interpolate) {
    YNode node = top.get("include");
    if (node == null) {
      return top;
    }
    Map<String, YNode> model = new LinkedHashMap<>(top.entries());
    model.remove("include");
    List<YNode> entries = Nodes.seq(node, "include").items();
    for (int i = 0; i < entries.size(); i++) {
      Include include = Include.read(entries.get(i), dir, "include[" + i + "]");
      Map<String, String> includeEnv = new LinkedHashMap<>();
      for (Path envFile : include.envFiles()) {
        includeEnv.putAll(ProjectEnvironment.dotEnv(envFile,
            k -> Optional.ofNullable(env.get(k)).or(() -> Optional.ofNullable(includeEnv.get(k))), w -> {}));
      }
      includeEnv.putAll(env); // the including environment wins
      Interpolator interpolator = interpolate ? new Interpolator(k -> Optional.ofNullable(includeEnv.get(k)), warnings) : null;
      YMap imported = null;
      for (Path file : include.paths()) {
        List<Path> deeper = new ArrayList<>(chain);
        deeper.add(include.check(file, chain));
        imported = mergeFile(imported, file, YamlReader.readDocuments(file, ComposeLoader.readText(file)), include.projectDir(),
            interpolator, includeEnv, deeper);
      }
      if (imported != null) {
        Include.addTo(model, Include.resolved(imported, include.projectDir(), includeEnv), replaced);
      }
    }
    return new YMap(model, top.keyPos(), top.pos());
  }

  /** Top-level secrets or configs: {@code file}, {@code environment}, {@code content} (configs) or {@code external}. */
  private Map<String, FileObject> fileObjects(YMap merged, String section, Map<String, String> env) {
    Map<String, FileObject> out = new LinkedHashMap<>();
    YNode node = merged.get(section);
    if (node == null) {
      return out;
    }
    boolean configs = section.equals("configs");
    List<ComposeModelException> errors = new ArrayList<>();
    Nodes.mapOrNull(node, section).entries().forEach((key, value) ->
        ComposeModelErrors.gather(() -> fileObject(key, value, section, configs, env), errors).ifPresent(o -> out.put(key, o)));
    ComposeModelErrors.throwIfAny(errors);
    return out;
  }

  private FileObject fileObject(String key, YNode value, String section, boolean configs, Map<String, String> env) {
    String path = section + "." + key;
    YMap m = Nodes.map(value, path); // its keys were checked by SchemaCheck
    Optional<Path> file = Optional.ofNullable(m.get("file")).map(n -> projectDir.resolve(Nodes.path(n, path + ".file")).normalize());
    Optional<String> variable = Optional.ofNullable(m.get("environment")).map(n -> Nodes.text(n, path + ".environment"));
    Optional<String> content = Optional.ofNullable(m.get("content")).map(n -> Nodes.text(n, path + ".content"));
    boolean external = m.get("external") != null && Nodes.bool(m.get("external"), path + ".external");
    long sources = java.util.stream.Stream.of(file, variable, content).filter(Optional::isPresent).count();
    if (!external && sources != 1) {
      throw new ComposeModelException(m.pos(), path, "must have exactly one of file, environment" + (configs ? ", content" : "")
          + " or external: true");
    }
    variable.ifPresent(v -> {
      if (!env.containsKey(v)) {
        throw new ComposeModelException(m.posOf("environment"), path + ".environment",
            "environment variable " + v + " is not set");
      }
    });
    Optional<String> name = Optional.ofNullable(m.get("name")).map(n -> Nodes.text(n, path + ".name"));
    Map<String, String> labels = Optional.ofNullable(m.get("labels")).map(n -> Nodes.stringMap(n, path + ".labels")).orElse(Map.of());
    return new FileObject(key, file, variable, content, external, name, labels);
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

  /** The services that have a build section, which {@code additional_contexts: service:NAME} may name. */
  private static Set<String> buildable(YMap merged) {
    Set<String> out = new java.util.HashSet<>();
    if (merged.get("services") instanceof YMap services) {
      services.entries().forEach((name, s) -> {
        if (s instanceof YMap m && m.get("build") != null && !(m.get("build") instanceof YScalar b && b.isNull())) {
          out.add(name);
        }
      });
    }
    return out;
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
    ServiceReader reader = new ServiceReader(projectDir, lookup, declared, missingEnvFiles, consistency);
    // Each service is read even after another failed, so that one run reports every broken service.
    List<ComposeModelException> errors = new ArrayList<>();
    services.entries().forEach((name, value) -> {
      if (!SERVICE_NAME.matcher(name).matches()) {
        errors.add(new ComposeModelException(services.posOf(name), "services",
            "invalid service name \"" + name + "\": use only letters, digits, '.', '_' and '-'"));
        return;
      }
      readAll(reader, name, value, errors).ifPresent(s -> out.put(name, s));
    });
    ComposeModelErrors.throwIfAny(errors);
    return out;
  }

  /**
   * One service, with every mistake in it reported rather than the first: after an error in one
   * attribute, the service is read again without that attribute, until it reads or an error
   * names no attribute. An error about the whole service after such a removal may be caused by the
   * removal itself ("neither an image nor a build context"), so it is not reported.
   */
  private static Optional<Service> readAll(ServiceReader reader, String name, YNode node, List<ComposeModelException> errors) {
    YNode current = node;
    int found = 0;
    while (true) {
      try {
        Service service = reader.read(name, current);
        return found == 0 ? Optional.of(service) : Optional.empty();
      } catch (ComposeModelException e) {
        Optional<String> attribute = current instanceof YMap m ? attributeOf(e, name, m) : Optional.empty();
        if (found > 0 && attribute.isEmpty()) {
          return Optional.empty();
        }
        errors.add(e);
        found++;
        if (attribute.isEmpty() || found >= ATTRIBUTE_ERRORS) {
          return Optional.empty();
        }
        current = without((YMap) current, attribute.get());
      }
    }
  }

  /**
   * The service without one attribute; a broken {@code image} or {@code build} that was the only
   * one gives way to a stand-in image, so that the rest of the service is still read.
   */
  private static YMap without(YMap service, String attribute) {
    Map<String, YNode> rest = new LinkedHashMap<>(service.entries());
    rest.remove(attribute);
    if ((attribute.equals("image") || attribute.equals("build")) && !rest.containsKey("image") && !rest.containsKey("build")) {
      rest.put("image", new YScalar("stand-in", false, service.posOf(attribute)));
    }
    return new YMap(rest, service.keyPos(), service.pos());
  }

  /** At most this many errors are reported for one service. */
  private static final int ATTRIBUTE_ERRORS = 20;

  /** The service attribute an error is about: the key after {@code services.NAME} in its path. */
  private static Optional<String> attributeOf(ComposeModelException e, String service, YMap m) {
    String prefix = "services." + service + ".";
    if (!e.path().startsWith(prefix)) {
      return Optional.empty();
    }
    String key = e.path().substring(prefix.length()).split("[.\\[]", 2)[0];
    return m.entries().containsKey(key) ? Optional.of(key) : Optional.empty();
  }

  private static Map<String, Volume> volumes(YMap merged, String project) {
    return resources(merged, "volumes", project,
        (key, r) -> new Volume(key, r.name(), r.driver(), r.external(), r.labels(), r.driverOpts()));
  }

  private static Map<String, Network> networks(YMap merged, String project) {
    return resources(merged, "networks", project,
        (key, r) -> new Network(key, r.name(), r.driver(), r.external(), r.labels(), r.driverOpts(),
            r.flag("internal"), r.flag("attachable"), r.flag("enable_ipv6"), r.ipam(), r.optionalFlag("enable_ipv4")));
  }

  /** Top-level networks or volumes, whose keys {@link SchemaCheck} has checked. */
  private static <T> Map<String, T> resources(YMap merged, String section, String project, BiFunction<String, Resource, T> make) {
    Map<String, T> out = new LinkedHashMap<>();
    YNode node = merged.get(section);
    if (node == null) {
      return out;
    }
    List<ComposeModelException> errors = new ArrayList<>();
    Nodes.mapOrNull(node, section).entries().forEach((key, value) -> {
      String path = section + "." + key;
      ComposeModelErrors.gather(() -> make.apply(key, Resource.read(Nodes.mapOrNull(value, path), path, key, project)), errors)
          .ifPresent(r -> out.put(key, r));
    });
    ComposeModelErrors.throwIfAny(errors);
    return out;
  }

  /** What top-level networks and volumes share: name, driver, external, labels. */
  private record Resource(String name, String driver, boolean external, Map<String, String> labels,
      Map<String, String> driverOpts, YMap node, String path) {
    boolean flag(String key) {
      return node.get(key) != null && !(node.get(key) instanceof YScalar s && s.isNull()) && Nodes.bool(node.get(key), path + "." + key);
    }

    Optional<Boolean> optionalFlag(String key) {
      return node.get(key) == null || node.get(key) instanceof YScalar s && s.isNull()
          ? Optional.empty() : Optional.of(Nodes.bool(node.get(key), path + "." + key));
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
