package io.berth.executor.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every request berth sends the Engine, docker-java's and its own raw reads alike, passes here on
 * its way to the transport, so that a misbehaving Engine is reported as such, in one line naming
 * the host and the call, wherever the call was made:
 * <ul>
 *   <li>an Engine that stays silent past the call's {@linkplain EngineDeadlines deadline} (each
 *       deadline has a transport of its own, whose socket reads time out after it; streaming
 *       calls go through one without a timeout);
 *   <li>an answer that should be JSON and is not (read whole and checked here, before docker-java's
 *       mapping would fail on it with a parser's exception).
 * </ul>
 */
final class GuardedHttpClient implements DockerHttpClient {
  private static final JsonFactory JSON = new JsonFactory();
  /** Answers that are not JSON by design: archives, raw log streams, the ping's {@code OK}. */
  private static final Pattern NOT_JSON = Pattern.compile(
      "^/(?:v[\\d.]+/)?(?:_ping|containers/[^/]+/(?:archive|export|logs|attach)|images/(?:[^?]+/)?get)(?:\\?.*)?$");
  /** A JSON answer larger than this is no list berth asked for. */
  private static final int MAX_BUFFERED = 64 * 1024 * 1024;

  private final String host;
  private final EngineDeadlines deadlines;
  private final Function<Optional<Duration>, DockerHttpClient> transportFor;
  private final Map<Optional<Duration>, DockerHttpClient> transports = new ConcurrentHashMap<>();

  /**
   * @param transportFor makes the transport whose reads time out after the given deadline, or never
   */
  GuardedHttpClient(String host, EngineDeadlines deadlines, Function<Optional<Duration>, DockerHttpClient> transportFor) {
    this.host = host;
    this.deadlines = deadlines;
    this.transportFor = transportFor;
  }

  @Override
  public Response execute(Request request) {
    Optional<Duration> deadline = deadlines.forCall(request.method(), request.path());
    DockerHttpClient transport = transports.computeIfAbsent(deadline, transportFor);
    if (deadline.isEmpty()) {
      return transport.execute(request);
    }
    CallWatch watch = CallWatch.start(deadline.get());
    Response response;
    byte[] json = null;
    try {
      response = transport.execute(request);
      if (response.getStatusCode() / 100 == 2 && !NOT_JSON.matcher(request.path()).matches()) {
        json = readWhole(request, response);
      }
    } catch (RuntimeException e) {
      if (watch.stop() || timedOut(e)) {
        throw silent(request, deadline.get(), e);
      }
      throw e;
    }
    if (watch.stop()) {
      // The deadline passed as the answer arrived: the interrupt may have cut the connection.
      throw silent(request, deadline.get(), null);
    }
    return json == null ? response : checkedJson(request, response, json);
  }

  /** Reads a JSON answer whole: it is small (a list, an inspect), and is checked before it is mapped. */
  private byte[] readWhole(Request request, Response response) {
    try (response) {
      InputStream in = response.getBody();
      return in == null ? new byte[0] : in.readNBytes(MAX_BUFFERED);
    } catch (IOException e) {
      if (timedOut(e)) {
        throw new UncheckedTimeout(e);
      }
      throw new EngineException("the Docker Engine at " + host + " broke off its answer to " + call(request) + ": "
          + EngineErrors.describe(e), e);
    }
  }

  /** A read that timed out, carried out of {@link #readWhole} to where the deadline is known. */
  private static final class UncheckedTimeout extends RuntimeException {
    UncheckedTimeout(IOException cause) {
      super(cause);
    }
  }

  private Response checkedJson(Request request, Response response, byte[] body) {
    if (body.length > 0 && !isJson(body)) {
      throw new EngineException("the Docker Engine at " + host + " answered " + call(request)
          + " with something that is not JSON: \"" + excerpt(body) + "\"");
    }
    return new Buffered(response.getStatusCode(), response.getHeaders(), body);
  }

  static boolean isJson(byte[] body) {
    try (JsonParser json = JSON.createParser(body)) {
      if (json.nextToken() == null) {
        return false;
      }
      json.skipChildren();
      // Only white space may follow the one value.
      return json.nextToken() == null;
    } catch (JsonProcessingException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private EngineException silent(Request request, Duration deadline, Throwable cause) {
    return EngineDeadlines.unanswered(host, call(request), deadline, cause);
  }

  static String call(Request request) {
    return EngineDeadlines.call(request.method(), request.path());
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // SocketTimeoutException, and HttpClient 5's own timeouts, are InterruptedIOExceptions.
      if (t instanceof InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  private static String excerpt(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    return (body.length > 80 ? text + "..." : text).replace("\"", "\\\"");
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (DockerHttpClient transport : transports.values()) {
      try {
        transport.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** An answer already read whole. */
  private record Buffered(int status, Map<String, List<String>> headers, byte[] body) implements Response {
    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return headers;
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public void close() {
      // Nothing is held: the connection went back to its pool when the body was read.
    }
  }
}
