package io.berth.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.model.diag.SourcePos;
import io.berth.model.load.CanonicalForm;
import io.berth.model.yaml.Scalars;
import io.berth.model.yaml.YNode;
import io.berth.model.spec.Project;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What {@code config} prints: the loaded project in canonical long syntax, with every {@code $}
 * written as {@code $$} so that loading the output again gives the same project.
 */
public final class ConfigWriter {
  private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_/.][A-Za-z0-9_./@+=-]*");

  private ConfigWriter() {}

  public static String yaml(Project p) {
    StringBuilder out = new StringBuilder();
    writeMap(out, CanonicalForm.project(p), 0);
    return out.toString();
  }

  public static String json(Project p) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("    ", "\n"))
        .withArrayIndenter(new DefaultIndenter("    ", "\n"));
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(escaped(CanonicalForm.project(p))) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a project always serializes", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object escaped(Object value) {
    if (value instanceof String s) {
      return s.replace("$", "$$");
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, v) -> out.put(k, escaped(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(ConfigWriter::escaped).toList();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static void writeMap(StringBuilder out, Map<String, Object> map, int indent) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      out.append("  ".repeat(indent)).append(scalar(e.getKey(), false)).append(':');
      writeValue(out, e.getValue(), indent);
    }
  }

  @SuppressWarnings("unchecked")
  private static void writeValue(StringBuilder out, Object value, int indent) {
    if (value instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        out.append(" {}\n");
      } else {
        out.append('\n');
        writeMap(out, (Map<String, Object>) m, indent + 1);
      }
    } else if (value instanceof List<?> l) {
      if (l.isEmpty()) {
        out.append(" []\n");
        return;
      }
      out.append('\n');
      for (Object item : l) {
        if (item instanceof Map<?, ?> m && !m.isEmpty()) {
          // "- key: value" then the rest of the map aligned under the first key.
          StringBuilder nested = new StringBuilder();
          writeMap(nested, (Map<String, Object>) m, indent + 2);
          String text = nested.toString();
          out.append("  ".repeat(indent + 1)).append("- ").append(text.substring((indent + 2) * 2));
        } else {
          out.append("  ".repeat(indent + 1)).append('-');
          writeValue(out, item, indent + 1);
        }
      }
    } else {
      out.append(' ').append(value == null ? "null" : scalar(value, true)).append('\n');
    }
  }

  private static String scalar(Object value, boolean escapeDollar) {
    if (!(value instanceof String s)) {
      return String.valueOf(value);
    }
    String text = escapeDollar ? s.replace("$", "$$") : s;
    // Plain only when a reader would take it back as the same string: "8080" stays quoted.
    if (PLAIN_SAFE.matcher(text).matches() && !isReserved(text)
        && Scalars.resolve(new YNode.YScalar(text, true, SourcePos.none())) instanceof String) {
      return text;
    }
    try {
      return new ObjectMapper().writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Words a YAML reader would take for something other than a string. */
  private static boolean isReserved(String s) {
    return switch (s) {
      case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~",
          "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N" -> true;
      default -> false;
    };
  }
}
