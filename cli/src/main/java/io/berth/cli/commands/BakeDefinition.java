package io.berth.cli.commands;

import io.berth.executor.create.BuildOptions;
import io.berth.model.json.GoJsonWriter;
import io.berth.model.spec.BuildExtras;
import io.berth.model.spec.BuildSpec;
import io.berth.model.spec.FileObject;
import io.berth.model.spec.FileReference;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.labels.Labels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code build --print}: the bake file Compose hands {@code docker buildx bake} for the same build,
 * as Compose prints it: a {@code default} group naming the targets to build, and a target for every
 * service with a build section among those selected and their dependencies.
 */
final class BakeDefinition {
  /** What the command line adds to the file, as far as it reaches the bake file. */
  record Request(BuildOptions options, List<String> ssh, boolean check, boolean push) {}

  private BakeDefinition() {}

  /**
   * @param scope the services the bake file defines targets for (those with a build section)
   * @param toBuild the services the {@code default} group builds
   */
  static String of(Project project, Collection<String> scope, Collection<String> toBuild, Request request) {
    Map<String, String> targetNames = targetNames(scope);
    Map<String, Object> targets = new TreeMap<>();
    for (String name : scope) {
      Service service = project.service(name);
      if (service.build().isPresent()) {
        targets.put(targetNames.get(name), target(project, service, service.build().get(), targetNames, request));
      }
    }
    List<String> group = toBuild.stream().filter(s -> project.service(s).build().isPresent())
        .map(targetNames::get).sorted().toList();
    Map<String, Object> defaultGroup = new LinkedHashMap<>();
    defaultGroup.put("targets", group.isEmpty() ? null : group);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("group", Map.of("default", defaultGroup));
    config.put("target", targets);
    return GoJsonWriter.indented(config);
  }

  /** A bake target per service: the name with dots as underscores, made unique in name order. */
  private static Map<String, String> targetNames(Collection<String> services) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (String service : new java.util.TreeSet<>(services)) {
      String t = service.replace('.', '_');
      while (used.contains(t)) {
        t += "_";
      }
      used.add(t);
      out.put(service, t);
    }
    return out;
  }

  /** The fields in the order Compose's {@code bakeTarget} declares them, empty ones left out. */
  private static Map<String, Object> target(Project project, Service service, BuildSpec spec, Map<String, String> targetNames,
      Request request) {
    BuildExtras x = spec.extras();
    Map<String, Object> t = new LinkedHashMap<>();
    put(t, "context", spec.context().toString());
    Map<String, String> contexts = new TreeMap<>();
    x.additionalContexts().forEach((k, v) -> contexts.put(k,
        v.startsWith("service:") ? "target:" + targetNames.get(v.substring("service:".length())) : v));
    put(t, "contexts", contexts);
    put(t, "dockerfile", dockerfile(spec));
    put(t, "dockerfile-inline", x.dockerfileInline().map(d -> d.replace("${", "$${")).orElse(""));
    Map<String, String> args = new TreeMap<>();
    request.options().argsFor(spec, project.environment()).forEach((k, v) -> args.put(k, v.replace("${", "$${")));
    put(t, "args", args);
    Map<String, String> labels = new TreeMap<>(spec.labels());
    labels.put(Labels.VERSION, Labels.BERTH_VERSION);
    labels.put(Labels.PROJECT, project.name());
    labels.put(Labels.SERVICE, service.name());
    put(t, "labels", labels);
    List<String> tags = new ArrayList<>(spec.tags());
    tags.add(service.imageName(project.name()));
    put(t, "tags", tags);
    put(t, "cache-from", x.cacheFrom());
    put(t, "cache-to", x.cacheTo());
    put(t, "target", spec.target().orElse(""));
    put(t, "secret", secrets(project, x.secrets()));
    List<String> ssh = new ArrayList<>();
    x.ssh().forEach((id, path) -> ssh.add(id + "=" + (path == null ? "" : path)));
    ssh.addAll(request.ssh());
    put(t, "ssh", ssh);
    put(t, "platforms", x.platforms());
    put(t, "pull", spec.pull() || request.options().pull());
    put(t, "no-cache", spec.noCache() || request.options().noCache());
    put(t, "network", spec.network().orElse(""));
    put(t, "no-cache-filter", x.noCacheFilter());
    x.shmSize().filter(size -> size != 0).ifPresent(size -> t.put("shm-size", Long.toString(size)));
    List<String> ulimits = new ArrayList<>();
    x.ulimits().forEach((name, l) -> ulimits.add(name + "=" + (l.size() == 1 ? l.get(0) : l.get(0) + ":" + l.get(1))));
    put(t, "ulimits", ulimits);
    put(t, "call", request.check() ? "lint" : "");
    List<String> entitlements = new ArrayList<>(x.entitlements());
    if (x.privileged()) {
      entitlements.add("security.insecure");
    }
    put(t, "entitlements", entitlements);
    Map<String, String> hosts = new TreeMap<>();
    for (String entry : x.extraHosts()) {
      int colon = entry.indexOf(':');
      hosts.merge(entry.substring(0, colon), entry.substring(colon + 1), (a, b) -> a + "," + b);
    }
    put(t, "extra-hosts", hosts);
    boolean push = request.push() && service.image().isPresent();
    if (!request.check()) {
      put(t, "output", List.of(x.platforms().size() > 1 ? "type=image,push=" + push : push ? "type=registry" : "type=docker"));
    }
    put(t, "attest", attest(x));
    return t;
  }

  /** Go's {@code omitempty}: empty strings, lists and maps and false are left out. */
  private static void put(Map<String, Object> t, String key, Object value) {
    boolean empty = value instanceof String s ? s.isEmpty()
        : value instanceof Collection<?> c ? c.isEmpty()
        : value instanceof Map<?, ?> m ? m.isEmpty()
        : value instanceof Boolean b && !b;
    if (!empty) {
      t.put(key, value);
    }
  }

  /** The Dockerfile's absolute path, its directory's symbolic links resolved, as Compose gives bake. */
  private static String dockerfile(BuildSpec spec) {
    if (spec.dockerfile().isEmpty()) {
      return "";
    }
    Path file = spec.context().resolve(spec.dockerfile()).normalize();
    try {
      return file.getParent().toRealPath().resolve(file.getFileName()).toString();
    } catch (IOException | RuntimeException unresolved) {
      return file.toString();
    }
  }

  private static List<String> secrets(Project project, List<FileReference> refs) {
    List<String> out = new ArrayList<>();
    for (FileReference ref : refs) {
      Optional<FileObject> def = Optional.ofNullable(project.secrets().get(ref.source()));
      String id = ref.target().isEmpty() ? ref.source() : ref.target();
      if (def.flatMap(FileObject::environment).isPresent()) {
        out.add("id=" + id + ",type=env,env=" + def.get().environment().get());
      } else if (def.flatMap(FileObject::file).isPresent()) {
        out.add("id=" + id + ",type=file,src=" + def.get().file().get());
      }
    }
    return out;
  }

  private static List<String> attest(BuildExtras x) {
    List<String> out = new ArrayList<>();
    x.provenance().filter(p -> !p.isEmpty() && !p.equals("false"))
        .ifPresent(p -> out.add(p.equals("true") ? "type=provenance" : "type=provenance," + p));
    x.sbom().filter(p -> !p.isEmpty() && !p.equals("false"))
        .ifPresent(p -> out.add(p.equals("true") ? "type=sbom" : "type=sbom," + p));
    return out;
  }
}
