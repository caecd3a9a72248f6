package io.berth.executor.lock;

import io.berth.executor.engine.EngineException;
import io.berth.executor.engine.EngineReads;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Locks as volumes on the Engine, so they hold across processes and machines that share it.
 * Engine 20.10 creates a volume under a lock on its name and, when a local volume of that name
 * exists, answers the create with that volume, its labels included, instead of an error: the
 * labels in the answer say whose create won. A container name would be atomic too (409), but a
 * container needs an image, and the project's may not be there yet.
 *
 * The volume carries none of Compose's labels, so neither Compose nor berth counts it as a
 * project resource.
 */
public final class EngineLockStore implements LockStore {
  private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

  private final EngineReads engine;

  public EngineLockStore(EngineReads engine) {
    this.engine = engine;
  }

  @Override
  public Map<String, String> create(String name, Map<String, String> labels) {
    return engine.post("/volumes/create", body(name, labels), EngineLockStore::labelsOf)
        .orElseThrow(() -> new EngineException("volume " + name + ": the Engine answered no volume"));
  }

  @Override
  public Optional<Map<String, String>> labels(String name) {
    return engine.get("/volumes/" + encode(name), Map.of(), EngineLockStore::labelsOf);
  }

  @Override
  public void remove(String name) {
    engine.delete("/volumes/" + encode(name));
  }

  private static Map<String, String> labelsOf(com.fasterxml.jackson.core.JsonParser json) throws IOException {
    var found = new Object() {
      Map<String, String> labels = Map.of();
    };
    EngineReads.object(json, (field, value) -> {
      if (field.equals("Labels")) {
        found.labels = EngineReads.strings(value);
      } else {
        value.skipChildren();
      }
    });
    return found.labels;
  }

  private static String body(String name, Map<String, String> labels) {
    StringWriter out = new StringWriter();
    try (var json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("Name", name);
      json.writeStringField("Driver", "local");
      json.writeObjectFieldStart("Labels");
      for (var e : labels.entrySet()) {
        json.writeStringField(e.getKey(), e.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }
}
