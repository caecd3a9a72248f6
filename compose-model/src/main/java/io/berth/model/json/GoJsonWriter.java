package io.berth.model.json;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON as Go's {@code encoding/json} writes it, which is what docker compose prints and hashes:
 * maps in the order given (the caller orders them as Go would), {@code <}, {@code >} and {@code &}
 * escaped as {@code \u003c} and so on, and {@code MarshalIndent}'s layout, two spaces, no newline
 * at the end.
 */
public final class GoJsonWriter {
  private final StringBuilder out = new StringBuilder();
  private final String unit;
  private final boolean indent;
  private final boolean escapeHtml;

  private GoJsonWriter(String unit, boolean escapeHtml) {
    this.unit = unit;
    this.indent = !unit.isEmpty();
    this.escapeHtml = escapeHtml;
  }

  /** {@code json.MarshalIndent(v, "", "  ")}. */
  public static String indented(Object value) {
    return write(value, "  ", true);
  }

  /** {@code json.Marshal(v)}. */
  public static String compact(Object value) {
    return write(value, "", true);
  }

  /** An {@code Encoder} with {@code SetIndent("", unit)} and {@code SetEscapeHTML(escapeHtml)}, without the newline {@code Encode} adds. */
  public static String write(Object value, String unit, boolean escapeHtml) {
    GoJsonWriter w = new GoJsonWriter(unit, escapeHtml);
    w.value(value, 0);
    return w.out.toString();
  }

  private void value(Object v, int depth) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        newline(depth + 1);
        string(String.valueOf(e.getKey()));
        out.append(indent ? ": " : ":");
        value(e.getValue(), depth + 1);
        if (it.hasNext()) {
          out.append(',');
        }
      }
      newline(depth);
      out.append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        newline(depth + 1);
        value(l.get(i), depth + 1);
        if (i < l.size() - 1) {
          out.append(',');
        }
      }
      newline(depth);
      out.append(']');
    } else if (v instanceof Float || v instanceof Double) {
      out.append(goFloat(((Number) v).doubleValue(), v instanceof Float));
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else {
      string(v.toString());
    }
  }

  private void newline(int depth) {
    if (indent) {
      out.append('\n').append(unit.repeat(depth));
    }
  }

  private void string(String s) {
    out.append('"');
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case 0x2028, 0x2029 -> out.append(String.format("\\u%04x", c));
        case '<', '>', '&' -> {
          if (escapeHtml) {
            out.append(String.format("\\u%04x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    out.append('"');
  }

  /** Go's float encoder: shortest digits, an exponent only below 1e-6 or from 1e21. */
  static String goFloat(double d, boolean float32) {
    if (d == 0) {
      return "0";
    }
    BigDecimal shortest = new BigDecimal(float32 ? Float.toString((float) d) : Double.toString(d)).stripTrailingZeros();
    double abs = Math.abs(d);
    if (abs < 1e-6 || abs >= 1e21) {
      int exponent = shortest.precision() - shortest.scale() - 1;
      String digits = shortest.unscaledValue().abs().toString();
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (shortest.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
    return shortest.toPlainString();
  }
}
