package io.berth.executor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The field-by-field readers behind {@link EngineReads}, on answers shaped as the Engine gives them. */
class EngineReadsTest {
  private static JsonParser parse(String json) throws IOException {
    JsonParser parser = new JsonFactory().createParser(json);
    parser.nextToken();
    return parser;
  }

  /** Reads {@code [{"Names": [...], "Labels": {...}, ...}]}, keeping the first name and the labels. */
  private static List<Map<String, Object>> containers(String json) throws IOException {
    return EngineReads.array(parse(json), entry -> {
      Map<String, Object> out = new LinkedHashMap<>();
      EngineReads.object(entry, (field, value) -> {
        switch (field) {
          case "Names" -> out.put(field, EngineReads.firstString(value));
          case "Labels" -> out.put(field, EngineReads.strings(value));
          case "State" -> out.put(field, EngineReads.text(value));
          default -> value.skipChildren();
        }
      });
      return out;
    });
  }

  @Test
  void readsTheFieldsAskedForAndSkipsNestedOnes() throws IOException {
    List<Map<String, Object>> read = containers("""
        [{"Id": "abc", "Names": ["/app-web-1", "/alias"], "Ports": [{"PrivatePort": 80, "Type": "tcp"}],
          "NetworkSettings": {"Networks": {"app_default": {"Aliases": null, "IPAddress": "172.18.0.2"}}},
          "Labels": {"com.docker.compose.project": "app", "empty": ""}, "State": "running"},
         {"Id": "def", "Names": ["/other"], "Labels": {}, "State": "exited"}]
        """);
    assertEquals(2, read.size());
    assertEquals("/app-web-1", read.get(0).get("Names"));
    assertEquals(Map.of("com.docker.compose.project", "app", "empty", ""), read.get(0).get("Labels"));
    assertEquals("running", read.get(0).get("State"));
    assertEquals("exited", read.get(1).get("State"));
  }

  @Test
  void nullsAndMissingValuesReadAsEmpty() throws IOException {
    List<Map<String, Object>> read = containers("""
        [{"Names": null, "Labels": null, "State": null}, {"Names": [], "Labels": {"a": null}}]
        """);
    assertEquals("", read.get(0).get("Names"));
    assertEquals(Map.of(), read.get(0).get("Labels"));
    assertEquals("", read.get(0).get("State"));
    assertEquals("", read.get(1).get("Names"));
    assertEquals(Map.of("a", ""), read.get(1).get("Labels"));
  }

  @Test
  void nonStringScalarsReadAsTheirText() throws IOException {
    JsonParser json = parse("{\"Options\": {\"mtu\": 1500, \"on\": true, \"list\": [1, 2]}, \"Count\": 3}");
    List<Object> seen = new ArrayList<>();
    EngineReads.object(json, (field, value) -> seen.add(field.equals("Options") ? EngineReads.strings(value) : EngineReads.text(value)));
    assertEquals(List.of(Map.of("mtu", "1500", "on", "true"), "3"), seen);
  }

  @Test
  void anArrayWhereAnObjectIsExpectedIsSkippedWhole() throws IOException {
    JsonParser json = parse("[[\"x\", {\"y\": 1}], {\"Labels\": {\"k\": \"v\"}}]");
    List<Map<String, String>> read = EngineReads.array(json, entry -> {
      Map<String, String> labels = new LinkedHashMap<>();
      EngineReads.object(entry, (field, value) -> labels.putAll(EngineReads.strings(value)));
      return labels;
    });
    assertEquals(List.of(Map.of(), Map.of("k", "v")), read);
  }
}
