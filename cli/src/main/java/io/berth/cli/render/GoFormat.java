package io.berth.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The docker CLI's {@code --format}, which Compose's {@code volumes} and {@code stats} take:
 * {@code table} (the command's own columns), {@code table TEMPLATE}, {@code json}, or
 * {@code TEMPLATE}. Of Go's templates it knows the subset users write to pick columns:
 * {@code {{.Field}}}, {@code {{json .}}} and {@code {{json .Field}}}, with {@code \t} and
 * {@code \n} as tab and newline. Each row is a map from the field names the docker CLI gives the
 * command's objects to their text.
 */
public final class GoFormat {
  private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}");
  private static final Pattern FIELD = Pattern.compile("\\.([A-Za-z][A-Za-z0-9]*)");
  private static final Pattern JSON_FIELD = Pattern.compile("json\\s+\\.([A-Za-z][A-Za-z0-9]*)");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The docker CLI's tabwriter: a column is its widest cell and three spaces, at least ten. */
  private static final int MIN_WIDTH = 10;
  private static final int PADDING = 3;

  private sealed interface Part permits Literal, Field, JsonField, JsonRow {}

  private record Literal(String text) implements Part {}

  private record Field(String name) implements Part {}

  private record JsonField(String name) implements Part {}

  private record JsonRow() implements Part {}

  private final boolean table;
  private final List<Part> parts;
  private final Map<String, String> headers;

  private GoFormat(boolean table, List<Part> parts, Map<String, String> headers) {
    this.table = table;
    this.parts = parts;
    this.headers = headers;
  }

  /**
   * @param defaultTable the template of plain {@code table}, tab between columns
   * @param headers each field's column title, in the order the fields are listed to a user who
   *     names one that does not exist
   * @throws IllegalArgumentException naming what in {@code format} is not understood, and what is
   */
  public static GoFormat parse(String format, String defaultTable, Map<String, String> headers) {
    String f = format.strip();
    if (f.isEmpty() || f.equals("table")) {
      return new GoFormat(true, parts(defaultTable, headers), headers);
    }
    if (f.equals("json")) {
      return new GoFormat(false, List.of(new JsonRow()), headers);
    }
    boolean table = f.startsWith("table ");
    String template = (table ? f.substring("table ".length()) : f).strip().replace("\\t", "\t").replace("\\n", "\n");
    return new GoFormat(table, parts(template, headers), headers);
  }

  private static List<Part> parts(String template, Map<String, String> headers) {
    List<Part> parts = new ArrayList<>();
    Matcher m = ACTION.matcher(template);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        parts.add(new Literal(template.substring(at, m.start())));
      }
      String action = m.group(1);
      Matcher field = FIELD.matcher(action);
      Matcher jsonField = JSON_FIELD.matcher(action);
      if (action.equals("json .")) {
        parts.add(new JsonRow());
      } else if (field.matches()) {
        parts.add(new Field(known(field.group(1), headers)));
      } else if (jsonField.matches()) {
        parts.add(new JsonField(known(jsonField.group(1), headers)));
      } else {
        throw new IllegalArgumentException("unsupported template action \"{{" + action
            + "}}\": berth's --format takes {{.Field}}, {{json .}} and {{json .Field}}");
      }
      at = m.end();
    }
    if (at < template.length()) {
      parts.add(new Literal(template.substring(at)));
    }
    return parts;
  }

  private static String known(String field, Map<String, String> headers) {
    if (!headers.containsKey(field)) {
      throw new IllegalArgumentException("template has no field \"" + field + "\": the fields are " + String.join(", ", headers.keySet()));
    }
    return field;
  }

  /** Prints the rows, under the column titles for a table, each row on a line of its own. */
  public void print(PrintWriter out, List<Map<String, String>> rows) {
    List<String> lines = new ArrayList<>();
    if (table) {
      lines.add(render(headers));
    }
    rows.forEach(row -> lines.add(render(row)));
    if (table) {
      align(lines).forEach(out::println);
    } else {
      lines.forEach(out::println);
    }
    out.flush();
  }

  private String render(Map<String, String> row) {
    StringBuilder line = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal l) {
        line.append(l.text());
      } else if (part instanceof Field f) {
        line.append(row.getOrDefault(f.name(), ""));
      } else if (part instanceof JsonField f) {
        line.append(json(row.getOrDefault(f.name(), "")));
      } else {
        line.append(json(new TreeMap<>(row)));
      }
    }
    return line.toString();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strings always serialize", e);
    }
  }

  /** Go's tabwriter as the docker CLI sets it up: cells at least ten wide, three spaces after the widest. */
  private static List<String> align(List<String> lines) {
    return Tabwriter.align(lines.stream().flatMap(String::lines).map(l -> l.split("\t", -1)).toList(), MIN_WIDTH, PADDING);
  }
}
