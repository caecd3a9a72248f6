package io.berth.model.load;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.yaml.Scalars;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of YAML nodes that fail with a positioned error saying what was found and what is accepted. */
final class Nodes {
  private Nodes() {}

  static YMap map(YNode node, String path) {
    if (node instanceof YMap m) {
      return m;
    }
    throw wrongType(node, path, "a mapping");
  }

  /** A mapping, or an empty one for {@code key:} with nothing after it. */
  static YMap mapOrNull(YNode node, String path) {
    if (node instanceof YScalar s && s.isNull()) {
      return new YMap(Map.of(), Map.of(), node.pos());
    }
    return map(node, path);
  }

  static YSeq seq(YNode node, String path) {
    if (node instanceof YSeq s) {
      return s;
    }
    throw wrongType(node, path, "a sequence");
  }

  /** A scalar as text: strings as written, numbers and booleans as Go prints them. */
  static String text(YNode node, String path) {
    if (node instanceof YScalar s && !s.isNull()) {
      return Scalars.toText(Scalars.resolve(s));
    }
    throw wrongType(node, path, "a string");
  }

  /**
   * A scalar naming a file or directory: {@link #text}, refused where it says when no file could
   * have that name (a NUL character, a lone UTF-16 surrogate), which {@code java.nio} would
   * otherwise reject later without saying where.
   */
  static String path(YNode node, String path) {
    String text = text(node, path);
    if (!usablePath(text)) {
      throw new ComposeModelException(node.pos(), path, "no file can have this name: it has a NUL character or invalid Unicode");
    }
    return text;
  }

  /** Whether the platform can turn {@code text} into a path. */
  static boolean usablePath(String text) {
    try {
      Path.of(text);
      return true;
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** A scalar that must be a string in the file (not a number or boolean). */
  static String string(YNode node, String path) {
    if (node instanceof YScalar s && !s.isNull() && Scalars.resolve(s) instanceof String v) {
      return v;
    }
    throw wrongType(node, path, "a string");
  }

  static boolean bool(YNode node, String path) {
    if (node instanceof YScalar s) {
      Object v = Scalars.resolve(s);
      if (v instanceof Boolean b) {
        return b;
      }
      if (v instanceof String str) {
        switch (str.toLowerCase()) {
          case "true", "y", "yes", "on":
            return true;
          case "false", "n", "no", "off":
            return false;
          default:
            break;
        }
      }
    }
    throw wrongType(node, path, "a boolean (true or false)");
  }

  /**
   * A key-value section given as a mapping or as a list of {@code KEY=VALUE} strings, as compose
   * allows for {@code environment} and {@code labels}. A value may be null (a bare {@code KEY}).
   */
  static Map<String, YNode> keyValues(YNode node, String path) {
    Map<String, YNode> out = new LinkedHashMap<>();
    if (node instanceof YScalar s && s.isNull()) {
      return out;
    }
    if (node instanceof YMap m) {
      m.entries().forEach((k, v) -> {
        if (v instanceof YMap || v instanceof YSeq) {
          throw wrongType(v, path + "." + k, "a string, number, boolean or null");
        }
        out.put(k, v);
      });
      return out;
    }
    if (node instanceof YSeq seq) {
      List<YNode> items = seq.items();
      for (int i = 0; i < items.size(); i++) {
        String item = string(items.get(i), path + "[" + i + "]");
        int eq = item.indexOf('=');
        if (eq == 0) {
          throw new ComposeModelException(items.get(i).pos(), path + "[" + i + "]", "\"" + item + "\" has no name before '='");
        }
        if (eq < 0) {
          out.put(item, new YScalar("", true, items.get(i).pos()));
        } else {
          out.put(item.substring(0, eq), new YScalar(item.substring(eq + 1), false, items.get(i).pos()));
        }
      }
      return out;
    }
    throw wrongType(node, path, "a mapping or a list of KEY=VALUE strings");
  }

  /**
   * {@link #keyValues} with every value as text and a null value as the empty string, as compose
   * reads {@code labels}, {@code sysctls}, {@code driver_opts} and logging options.
   */
  static Map<String, String> stringMap(YNode node, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    keyValues(node, path).forEach((k, v) -> out.put(k, v instanceof YScalar s && s.isNull() ? "" : text(v, path + "." + k)));
    return out;
  }

  static ComposeModelException wrongType(YNode node, String path, String accepted) {
    return new ComposeModelException(node.pos(), path, "must be " + accepted + ", found " + node.describe());
  }


  /** The {@code x-*} entries of a mapping, as plain values, in their order. */
  static java.util.Map<String, Object> extensions(YNode.YMap m) {
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    m.entries().forEach((k, v) -> {
      if (k.startsWith("x-")) {
        out.put(k, YNode.plain(v));
      }
    });
    return out;
  }
}
