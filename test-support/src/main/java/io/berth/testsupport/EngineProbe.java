package io.berth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Docker Engine the tests run against: {@code DOCKER_HOST}, else the default socket.
 * Engine-backed tests call {@link #requireEngine()} first: on a developer's machine without an
 * Engine they are skipped with a message; with {@code CI=true} a missing Engine is a failure.
 */
public final class EngineProbe {
  private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
  private static DockerClient client;
  private static DockerHttpClient http;
  private static String unavailable;

  private EngineProbe() {}

  public static String host() {
    String host = System.getenv("DOCKER_HOST");
    return host == null || host.isBlank() ? DEFAULT_HOST : host;
  }

  /** Skips the calling test (fails it under CI) unless an Engine answers. */
  public static synchronized void requireEngine() {
    probe();
    if (unavailable == null) {
      return;
    }
    String message = "no Docker Engine answers on " + host() + " (" + unavailable + "); start one with scripts/engine.sh start";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(message + ". CI=true: Engine-backed tests must run, not be skipped.");
    }
    Assumptions.abort(message);
  }

  /** The shared client for tests' own checks on the Engine. Call {@link #requireEngine()} first. */
  public static synchronized DockerClient client() {
    requireEngine();
    return client;
  }

  /**
   * A container's inspect document as the Engine sends it, for fields docker-java's model lacks
   * (StopSignal, StopTimeout, ...).
   */
  public static synchronized JsonNode inspectRaw(String container) {
    requireEngine();
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET)
        .path("/containers/" + container + "/json")
        .build();
    try (DockerHttpClient.Response response = http.execute(request)) {
      return new ObjectMapper().readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void probe() {
    if (client != null || unavailable != null) {
      return;
    }
    DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(host())
        .withDockerTlsVerify(false)
        .build();
    DockerHttpClient h = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .connectionTimeout(Duration.ofSeconds(5))
        .maxConnections(32)
        .build();
    DockerClient c = DockerClientImpl.getInstance(config, h);
    try {
      c.pingCmd().exec();
      client = c;
      http = h;
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      unavailable = String.valueOf(root.getMessage());
    }
  }
}
