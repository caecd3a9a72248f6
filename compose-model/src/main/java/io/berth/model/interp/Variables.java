package io.berth.model.interp;

import io.berth.model.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a model refers to, with their defaults, as compose-go's
 * {@code template.ExtractVariables} finds them for {@code config --variables}: every
 * {@code $NAME} and {@code ${NAME...}} in a value, and those inside defaults and alternate values.
 */
public final class Variables {
  // compose-go's template.DefaultPattern.
  private static final Pattern PATTERN = Pattern.compile(
      "\\$(?i:(?<escaped>\\$)|(?<named>[_a-z][_a-z0-9]*)|\\{(?:(?<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*))?)\\}|(?<invalid>)))");

  /** One variable: {@code ${NAME:-default}}, {@code ${NAME:+alternate}} or {@code ${NAME:?error}} (required). */
  public record Variable(String name, String defaultValue, String presenceValue, boolean required) {}

  private Variables() {}

  /** By name; where a name appears more than once, the last one met in key order wins. */
  public static Map<String, Variable> of(YNode model) {
    Map<String, Variable> out = new TreeMap<>();
    collect(model, out);
    return out;
  }

  private static void collect(YNode node, Map<String, Variable> out) {
    if (node instanceof YNode.YScalar s) {
      extract(s.value()).forEach(v -> out.put(v.name(), v));
    } else if (node instanceof YNode.YMap m) {
      new TreeMap<>(m.entries()).values().forEach(v -> collect(v, out));
    } else if (node instanceof YNode.YSeq q) {
      q.items().forEach(v -> collect(v, out));
    }
  }

  static List<Variable> extract(String value) {
    List<Variable> values = new ArrayList<>();
    Matcher m = PATTERN.matcher(value);
    while (m.find()) {
      if (m.group("escaped") != null) {
        continue;
      }
      String val = m.group("named");
      if (val == null) {
        val = m.group("braced") == null ? "" : m.group("braced");
        String s = m.group();
        int i = closingBrace(s);
        if (i > 0) {
          val = s.substring(2, i);
          if (s.length() > i) {
            values.addAll(extract(s.substring(i + 1)));
          }
        }
      }
      String name = val;
      String defaultValue = "";
      String presenceValue = "";
      boolean required = false;
      int i = firstNonNameChar(val);
      if (i > 0) {
        name = val.substring(0, i);
        String rest = val.substring(i);
        if (rest.startsWith(":?") || rest.startsWith("?")) {
          required = true;
        } else if (rest.startsWith(":-")) {
          defaultValue = rest.substring(2);
        } else if (rest.startsWith("-")) {
          defaultValue = rest.substring(1);
        } else if (rest.startsWith(":+")) {
          presenceValue = rest.substring(2);
        } else if (rest.startsWith("+")) {
          presenceValue = rest.substring(1);
        }
      }
      values.add(new Variable(name, defaultValue, presenceValue, required));
      if (!defaultValue.isEmpty()) {
        values.addAll(extract(defaultValue));
      }
      if (!presenceValue.isEmpty()) {
        values.addAll(extract(presenceValue));
      }
    }
    return values;
  }

  private static int firstNonNameChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        return i;
      }
    }
    return -1;
  }

  /** compose-go's getFirstBraceClosingIndex. */
  private static int closingBrace(String s) {
    int open = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '}') {
        open--;
        if (open == 0) {
          return i;
        }
      }
      if (s.charAt(i) == '{') {
        open++;
        i++;
      }
    }
    return -1;
  }
}
