package io.berth.model.load;

import io.berth.model.ComposeLoader;
import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import io.berth.model.interp.Interpolator;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import io.berth.model.yaml.YDocument;
import io.berth.model.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code extends} in one file's services: the named service (of this file, or of
 * {@code file:}, read and interpolated the same way) is merged under the extending one with the
 * rules used across files. Relative paths of a service taken from a file in another directory are
 * made absolute against that file's directory, as Compose does.
 */
final class Extends {
  private final Interpolator interpolator;

  Extends(Interpolator interpolator) {
    this.interpolator = interpolator;
  }

  /**
   * The file's top level with every service's {@code extends} resolved.
   *
   * @param replaced the paths this file tagged {@code !reset} or {@code !override}: removed from a
   *     base before the extending service is merged over it
   */
  YMap resolve(YMap top, Path file, Path workingDir, Set<List<String>> replaced) {
    YNode services = top.get("services");
    if (!(services instanceof YMap map)) {
      return top;
    }
    Map<String, YNode> resolved = new LinkedHashMap<>();
    ServicesOf own = new ServicesOf(map, file, workingDir, replaced);
    for (String name : map.entries().keySet()) {
      resolved.put(name, resolveService(own, name, new ArrayList<>()));
    }
    Map<String, YNode> entries = new LinkedHashMap<>(top.entries());
    entries.put("services", new YMap(resolved, map.keyPos(), map.pos()));
    return new YMap(entries, top.keyPos(), top.pos());
  }

  /**
   * A file's services as written, the directory its relative paths (an {@code extends.file}
   * among them) resolve against, and the paths that file tagged.
   */
  private record ServicesOf(YMap services, Path file, Path workingDir, Set<List<String>> replaced) {}

  /** One link of an {@code extends} chain, for the error that names a cycle. */
  private record Link(String service, Path file) {
    @Override
    public String toString() {
      return service + " in " + file;
    }
  }

  private YNode resolveService(ServicesOf in, String name, List<Link> chain) {
    Path file = in.file();
    YNode node = in.services().get(name);
    if (!(node instanceof YMap service) || service.get("extends") == null) {
      return node;
    }
    String path = "services." + name + ".extends";
    YNode ext = service.get("extends");
    String baseName;
    Path baseFile = file;
    if (ext instanceof YScalar) {
      baseName = Nodes.text(ext, path);
    } else {
      YMap e = Nodes.map(ext, path);
      KeyCheck.check(e, path, Set.of("service", "file"), Set.of(), "extends");
      if (e.get("service") == null) {
        throw new ComposeModelException(e.pos(), path, "extends." + name + ".service is required");
      }
      baseName = Nodes.text(e.get("service"), path + ".service");
      if (e.get("file") != null) {
        String ref = Nodes.path(e.get("file"), path + ".file");
        if (ref.contains("://") || ref.startsWith("git@")) {
          throw new ComposeModelException(e.get("file").pos(), path + ".file",
              "remote resources (git, OCI) are not supported yet by berth: " + ref);
        }
        baseFile = in.workingDir().resolve(ref).normalize();
        if (!Files.isRegularFile(baseFile)) {
          throw new ComposeModelException(e.get("file").pos(), path + ".file", "cannot read " + baseFile + ": no such file");
        }
      }
    }
    ServicesOf base = baseFile.equals(file) ? in : servicesOf(baseFile, ext.pos(), path);
    if (!base.services().entries().containsKey(baseName)) {
      throw new ComposeModelException(ext.pos(), path, "cannot extend service \"" + name + "\" in " + file
          + ": service \"" + baseName + "\" not found" + (baseFile.equals(file) ? "" : " in " + baseFile));
    }
    Link link = new Link(name, file);
    if (chain.contains(link)) {
      List<String> lines = new ArrayList<>();
      lines.add(chain.get(0).toString());
      chain.subList(1, chain.size()).forEach(l -> lines.add("extends " + l));
      lines.add("extends " + link);
      throw new ComposeModelException(service.posOf("extends"), path, "Circular reference: " + String.join(", ", lines));
    }
    List<Link> next = new ArrayList<>(chain);
    next.add(link);
    YNode resolvedBase = resolveService(base, baseName, next);
    Map<String, YNode> own = new LinkedHashMap<>(service.entries());
    own.remove("extends");
    YMap local = new YMap(own, service.keyPos(), service.pos());
    if (Merger.isNull(resolvedBase)) {
      return local; // extending a service written as nothing at all is allowed, and adds nothing
    }
    YMap baseService = Nodes.map(resolvedBase, "services." + baseName);
    if (!base.workingDir().equals(in.workingDir())) {
      baseService = absolutePaths(baseService, base.workingDir());
    }
    YNode source = Resets.without(baseService, List.of("services", name), in.replaced());
    return Merger.mergeService(source, local);
  }

  private ServicesOf servicesOf(Path file, SourcePos at, String path) {
    List<YDocument> documents = YamlReader.readDocuments(file, ComposeLoader.readText(file));
    if (documents.isEmpty() || !(documents.get(0).root() instanceof YMap top)) {
      throw new ComposeModelException(at, path, file + " holds no compose file");
    }
    YMap interpolated = (YMap) TreeInterpolation.apply(top, interpolator, "");
    if (!(interpolated.get("services") instanceof YMap services)) {
      throw new ComposeModelException(at, path, "cannot extend service: " + file + " has no services section");
    }
    return new ServicesOf(services, file, file.getParent(), documents.get(0).replaced());
  }

  /** Relative build contexts, bind sources and env files of a service from another directory, made absolute. */
  static YMap absolutePaths(YMap service, Path dir) {
    Map<String, YNode> entries = new LinkedHashMap<>(service.entries());
    YNode build = entries.get("build");
    if (build instanceof YScalar s && !s.isNull()) {
      entries.put("build", new YScalar(absolute(s.value(), dir), false, s.pos()));
    } else if (build instanceof YMap b && b.get("context") instanceof YScalar c) {
      Map<String, YNode> be = new LinkedHashMap<>(b.entries());
      be.put("context", new YScalar(absolute(c.value(), dir), false, c.pos()));
      entries.put("build", new YMap(be, b.keyPos(), b.pos()));
    }
    if (entries.get("volumes") instanceof YSeq volumes) {
      List<YNode> items = new ArrayList<>();
      for (YNode v : volumes.items()) {
        if (v instanceof YScalar s && (s.value().startsWith("./") || s.value().startsWith("../") || s.value().equals("."))) {
          items.add(new YScalar(absolute(s.value(), dir), false, s.pos()));
        } else if (v instanceof YMap m && m.get("type") instanceof YScalar type && type.value().equals("bind")
            && m.get("source") instanceof YScalar source && !source.isNull()) {
          items.add(withAbsolute(m, "source", dir));
        } else {
          items.add(v);
        }
      }
      entries.put("volumes", new YSeq(items, volumes.pos()));
    }
    YNode envFile = entries.get("env_file");
    if (envFile instanceof YScalar s && !s.isNull()) {
      entries.put("env_file", new YScalar(absolute(s.value(), dir), false, s.pos()));
    } else if (envFile instanceof YSeq seq) {
      List<YNode> items = new ArrayList<>();
      for (YNode e : seq.items()) {
        if (e instanceof YScalar s) {
          items.add(new YScalar(absolute(s.value(), dir), false, s.pos()));
        } else if (e instanceof YMap m && m.get("path") instanceof YScalar) {
          items.add(withAbsolute(m, "path", dir));
        } else {
          items.add(e);
        }
      }
      entries.put("env_file", new YSeq(items, seq.pos()));
    }
    return new YMap(entries, service.keyPos(), service.pos());
  }

  /** The mapping with its path at {@code key} made absolute against {@code dir}. */
  private static YMap withAbsolute(YMap m, String key, Path dir) {
    YScalar value = (YScalar) m.get(key);
    String path = value.value();
    String resolved = path.startsWith("/") || path.startsWith("~") ? path : dir.resolve(path).normalize().toString();
    Map<String, YNode> entries = new LinkedHashMap<>(m.entries());
    entries.put(key, new YScalar(resolved, false, value.pos()));
    return new YMap(entries, m.keyPos(), m.pos());
  }

  /** A relative path against {@code dir}; for a volume, only the source before the first colon. */
  private static String absolute(String value, Path dir) {
    // A name no file can have is left for the service reader to refuse, with its position.
    if (value.startsWith("/") || value.startsWith("~") || !Nodes.usablePath(value)) {
      return value;
    }
    int colon = value.indexOf(':');
    String source = colon < 0 ? value : value.substring(0, colon);
    String rest = colon < 0 ? "" : value.substring(colon);
    return dir.resolve(source).normalize() + rest;
  }
}
