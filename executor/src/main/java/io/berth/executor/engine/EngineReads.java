package io.berth.executor.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Engine reads every project command makes (containers, networks, volumes, an image's details)
 * sent through docker-java's transport and read field by field for the few fields berth uses.
 * docker-java maps each answer onto its whole model, and the first time it meets a model class it
 * builds a deserializer for it by reflection; on a no-change {@code up} that took longer than the
 * Engine took to answer (about 70 ms to read 50 containers the Engine listed in 10 ms).
 */
public final class EngineReads {
  private static final JsonFactory JSON = new JsonFactory();

  private final DockerClient client;

  public EngineReads(DockerClient client) {
    this.client = client;
  }

  /** Reads one JSON value, the parser on its first token. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(JsonParser json) throws IOException;
  }

  /** Reads the fields of one JSON object, the parser on the field's value; skip what is not read. */
  @FunctionalInterface
  public interface FieldReader {
    void field(String name, JsonParser json) throws IOException;
  }

  /**
   * {@code GET path} with {@code filters} (the Engine's {@code filters} parameter), its answer read
   * by {@code reader}; nothing when the Engine has no such object (404).
   *
   * @throws EngineException with the Engine's message for any other failure
   */
  public <T> Optional<T> get(String path, Map<String, List<String>> filters, Reader<T> reader) {
    String query = filters.isEmpty() ? "" : (path.contains("?") ? "&" : "?") + "filters="
        + URLEncoder.encode(filtersJson(filters), StandardCharsets.UTF_8);
    return send(DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET)
        .path(path + query)
        .build(), reader);
  }

  /**
   * {@code POST path} without a body, its answer read by {@code reader}; for
   * calls whose docker-java command lacks a parameter berth needs ({@code POST /commit}'s
   * {@code changes}). Nothing when the Engine has no such object (404).
   *
   * @param path with its query, each value encoded
   * @throws EngineException with the Engine's message for any other failure
   */
  public <T> Optional<T> post(String path, Reader<T> reader) {
    return send(DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.POST)
        .path(path)
        .build(), reader);
  }

  /**
   * {@code POST path} with a JSON body, its answer read by {@code reader}: for the few calls made on
   * every run, where docker-java's own mapping would cost more time to set up than the call takes.
   * Nothing when the Engine answers 404.
   *
   * @throws EngineException with the Engine's message for any other failure
   */
  public <T> Optional<T> post(String path, String jsonBody, Reader<T> reader) {
    return send(DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.POST)
        .path(path)
        .putHeader("Content-Type", "application/json")
        .bodyBytes(jsonBody.getBytes(StandardCharsets.UTF_8))
        .build(), reader);
  }

  /**
   * {@code DELETE path}.
   *
   * @return false when the Engine has no such object (404)
   * @throws EngineException with the Engine's message for any other failure
   */
  public boolean delete(String path) {
    return exchange(DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.DELETE)
        .path(path)
        .build(), true, response -> Boolean.TRUE).isPresent();
  }

  private <T> Optional<T> send(DockerHttpClient.Request request, Reader<T> reader) {
    return exchange(request, true, response -> {
      try (JsonParser json = JSON.createParser(response.getBody())) {
        json.nextToken();
        return reader.read(json);
      }
    });
  }

  /** What is read of an answer the Engine gave with a 2xx status. */
  @FunctionalInterface
  private interface Answer<T> {
    T read(DockerHttpClient.Response response) throws IOException;
  }

  /**
   * Sends {@code request} and reads its answer; every raw call goes through here, so each reports
   * a refusal and a broken connection the same way.
   *
   * @param absentIsEmpty a 404 means no such object, answered as empty, rather than a failure
   * @throws EngineException with the Engine's message for any other failure
   */
  private <T> Optional<T> exchange(DockerHttpClient.Request request, boolean absentIsEmpty, Answer<T> answer) {
    try (DockerHttpClient.Response response = httpClient().execute(request)) {
      int status = response.getStatusCode();
      if (status == 404 && absentIsEmpty) {
        return Optional.empty();
      }
      if (status / 100 != 2) {
        throw new EngineException(EngineErrors.describe(new IOException("Status " + status + ": " + body(response.getBody()))));
      }
      return Optional.ofNullable(answer.read(response));
    } catch (IOException | RuntimeException e) {
      if (e instanceof EngineException engine) {
        throw engine;
      }
      throw new EngineException(EngineErrors.describe(e), e);
    }
  }

  /**
   * {@code GET path}, its body copied to {@code to} as it arrives, never held whole: an exported
   * filesystem is as large as the container's.
   *
   * @throws EngineException with the Engine's message when it refuses, or when reading or writing fails
   */
  public void copy(String path, OutputStream to) {
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET)
        .path(path)
        .build();
    exchange(request, false, response -> {
      response.getBody().transferTo(to);
      to.flush();
      return null;
    });
  }

  /**
   * What the Engine says of a path in a container ({@code X-Docker-Container-Path-Stat}), the
   * docker CLI's {@code ContainerStatPath}.
   *
   * @param mode Go's {@code os.FileMode} bits
   * @param linkTarget where a symbolic link points, as written
   */
  public record PathStat(String name, long size, long mode, String linkTarget) {
    private static final long DIR = 1L << 31;
    private static final long SYMLINK = 1L << 27;

    public boolean isDirectory() {
      return (mode & DIR) != 0;
    }

    public boolean isSymlink() {
      return (mode & SYMLINK) != 0;
    }
  }

  /**
   * The stat of {@code path} in container {@code id}; nothing when there is no such path. The Engine
   * answers it in a header of the archive's answer, whose body is not read.
   *
   * @throws EngineException with the Engine's message for any other failure
   */
  public Optional<PathStat> pathStat(String id, String path) {
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET)
        .path("/containers/" + id + "/archive?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
        .build();
    return exchange(request, true, response -> {
      String header = response.getHeader("X-Docker-Container-Path-Stat");
      if (header == null) {
        throw new EngineException("the Engine did not say what " + path + " is in container " + id);
      }
      try (JsonParser json = JSON.createParser(java.util.Base64.getDecoder().decode(header.strip()))) {
        json.nextToken();
        var stat = new Object() {
          String name = "";
          long size;
          long mode;
          String linkTarget = "";
        };
        object(json, (field, value) -> {
          switch (field) {
            case "name" -> stat.name = text(value);
            case "size" -> stat.size = value.getValueAsLong(0);
            case "mode" -> stat.mode = value.getValueAsLong(0);
            case "linkTarget" -> stat.linkTarget = text(value);
            default -> value.skipChildren();
          }
        });
        return new PathStat(stat.name, stat.size, stat.mode, stat.linkTarget);
      }
    });
  }

  /** Every element of a JSON array, each read by {@code element}. */
  public static <T> List<T> array(JsonParser json, Reader<T> element) throws IOException {
    List<T> out = new ArrayList<>();
    if (json.currentToken() != JsonToken.START_ARRAY) {
      json.skipChildren();
      return out;
    }
    while (json.nextToken() != JsonToken.END_ARRAY) {
      out.add(element.read(json));
    }
    return out;
  }

  /** Hands each field of a JSON object to {@code fields}; anything but an object is skipped. */
  public static void object(JsonParser json, FieldReader fields) throws IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      json.skipChildren();
      return;
    }
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      json.nextToken();
      fields.field(name, json);
    }
  }

  /** A JSON object of strings ({@code Labels}, {@code Options}); {@code null} reads as empty. */
  public static Map<String, String> strings(JsonParser json) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    object(json, (name, value) -> {
      if (value.currentToken().isScalarValue()) {
        out.put(name, value.getValueAsString(""));
      } else {
        value.skipChildren();
      }
    });
    return out;
  }

  /** A scalar as text, {@code ""} for null; a structure is skipped and reads as {@code ""}. */
  public static String text(JsonParser json) throws IOException {
    if (json.currentToken().isScalarValue()) {
      return json.getValueAsString("");
    }
    json.skipChildren();
    return "";
  }

  /** The first string of a JSON array, {@code ""} when there is none. */
  public static String firstString(JsonParser json) throws IOException {
    List<String> all = array(json, EngineReads::text);
    return all.isEmpty() ? "" : all.get(0);
  }

  private DockerHttpClient httpClient() {
    if (client instanceof DockerClientImpl impl) {
      return impl.getHttpClient();
    }
    throw new IllegalStateException("berth reads the Engine through docker-java's own client, not " + client.getClass().getName());
  }

  /** {@code {"label": ["a=b"]}}, as the Engine takes filters. */
  private static String filtersJson(Map<String, List<String>> filters) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
        json.writeArrayFieldStart(filter.getKey());
        for (String value : filter.getValue()) {
          json.writeString(value);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String body(InputStream in) throws IOException {
    return in == null ? "" : new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
  }
}
