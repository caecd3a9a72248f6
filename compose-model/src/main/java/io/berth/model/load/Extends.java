package io.berth.model.load;

import io.berth.model.ComposeLoader;
import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import io.berth.model.interp.Interpolator;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import io.berth.model.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

  /** The file's top level with every service's {@code extends} resolved. */
  YMap resolve(YMap top, Path file) {
    YNode services = top.get("services");
    if (!(services instanceof YMap map)) {
      return top;
    }
    Map<String, YNode> resolved = new LinkedHashMap<>();
    for (String name : map.entries().keySet()) {
      resolved.put(name, resolveService(map, name, file, new LinkedHashSet<>()));
    }
    Map<String, YNode> entries = new LinkedHashMap<>(top.entries());
    entries.put("services", new YMap(resolved, map.keyPos(), map.pos()));
    return new YMap(entries, top.keyPos(), top.pos());
  }

  private YNode resolveService(YMap services, String name, Path file, Set<String> chain) {
    YNode node = services.get(name);
    if (!(node instanceof YMap service) || service.get("extends") == null) {
      return node;
    }
    String path = "services." + name + ".extends";
    if (!chain.add(file + "#" + name)) {
      throw new ComposeModelException(service.posOf("extends"), path, "circular reference: " + String.join(" -> ", chain) + " -> " + name);
    }
    YNode ext = service.get("extends");
    String baseName;
    Path baseFile = file;
    if (ext instanceof YScalar) {
      baseName = Nodes.text(ext, path);
    } else {
      YMap e = Nodes.map(ext, path);
      KeyCheck.check(e, path, Set.of("service", "file"), Set.of(), "extends");
      if (e.get("service") == null) {
        throw new ComposeModelException(e.pos(), path, "service is required");
      }
      baseName = Nodes.text(e.get("service"), path + ".service");
      if (e.get("file") != null) {
        baseFile = file.getParent().resolve(Nodes.path(e.get("file"), path + ".file")).normalize();
        if (!Files.isRegularFile(baseFile)) {
          throw new ComposeModelException(e.get("file").pos(), path + ".file", "cannot read " + baseFile + ": no such file");
        }
      }
    }
    YMap baseServices = baseFile.equals(file) ? services : servicesOf(baseFile, ext.pos(), path);
    if (!(baseServices.get(baseName) instanceof YMap)) {
      throw new ComposeModelException(ext.pos(), path, "cannot extend service \"" + baseName + "\" of " + baseFile
          + ": no such service");
    }
    YNode base = resolveService(baseServices, baseName, baseFile, chain);
    if (!baseFile.getParent().equals(file.getParent())) {
      base = absolutePaths((YMap) base, baseFile.getParent());
    }
    Map<String, YNode> own = new LinkedHashMap<>(service.entries());
    own.remove("extends");
    return Merger.mergeService(base, new YMap(own, service.keyPos(), service.pos()));
  }

  private YMap servicesOf(Path file, SourcePos at, String path) {
    List<YNode> documents = YamlReader.read(file, ComposeLoader.readText(file));
    if (documents.isEmpty() || !(documents.get(0) instanceof YMap top)) {
      throw new ComposeModelException(at, path, file + " holds no compose file");
    }
    YMap interpolated = (YMap) TreeInterpolation.apply(top, interpolator, "");
    return interpolated.get("services") instanceof YMap s ? s : new YMap(Map.of(), Map.of(), interpolated.pos());
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
        items.add(e instanceof YScalar s ? new YScalar(absolute(s.value(), dir), false, s.pos()) : e);
      }
      entries.put("env_file", new YSeq(items, seq.pos()));
    }
    return new YMap(entries, service.keyPos(), service.pos());
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
