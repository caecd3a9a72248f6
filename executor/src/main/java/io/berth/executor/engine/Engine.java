package io.berth.executor.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * A connection to one Docker Engine: where it is and the client that talks to it. Found from
 * {@code DOCKER_HOST}, else the default Unix socket, as the docker CLI does.
 */
public final class Engine implements AutoCloseable {
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private final String host;
  private final EngineDeadlines deadlines;
  private final DockerClient client;

  private Engine(String host, EngineDeadlines deadlines, DockerClient client) {
    this.host = host;
    this.deadlines = deadlines;
    this.client = client;
  }

  /**
   * Connects and pings, so that an Engine that is not there is reported before anything else.
   * Every call on the connection is bounded as {@link EngineDeadlines#fromEnvironment} says.
   *
   * @throws EngineUnavailableException naming the host tried
   */
  public static Engine connect(Map<String, String> environment) {
    String host = hostFrom(environment);
    EngineDeadlines deadlines = EngineDeadlines.fromEnvironment(environment);
    DockerClient client;
    try {
      DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
          .withDockerHost(host)
          .withDockerTlsVerify(false)
          .build();
      // Without TLS settings the client would make the JVM's default TLS context at once; over a
      // Unix socket it is never used, so it is made only if it ever is.
      SSLConfig tls = config.getSSLConfig() == null && "unix".equals(config.getDockerHost().getScheme())
          ? DeferredSslContext::new
          : config.getSSLConfig();
      URI dockerHost = config.getDockerHost();
      GuardedHttpClient http = new GuardedHttpClient(host, deadlines, deadline -> {
        ApacheDockerHttpClient.Builder transport = new ApacheDockerHttpClient.Builder()
            .dockerHost(dockerHost)
            .sslConfig(tls)
            .maxConnections(256)
            .connectionTimeout(deadlines.firstContact());
        deadline.ifPresent(transport::responseTimeout);
        return transport.build();
      });
      client = DockerClientImpl.getInstance(config, http);
    } catch (RuntimeException e) {
      throw new EngineUnavailableException(host, e);
    }
    try {
      client.pingCmd().exec();
    } catch (RuntimeException e) {
      closeQuietly(client);
      throw firstContactFailure(host, e);
    }
    return new Engine(host, deadlines, client);
  }

  /**
   * What to tell the user when the first ping fails: that nothing answers, or, when something did,
   * what it answered (an Engine that answers 500 to everything is there, just broken).
   */
  private static EngineException firstContactFailure(String host, RuntimeException e) {
    if (e instanceof EngineException answered) {
      return answered;
    }
    if (e instanceof DockerException status) {
      return new EngineException("the Docker Engine at " + host + " answered GET /_ping with " + status.getHttpStatus()
          + ": " + EngineErrors.describe(status), e);
    }
    return new EngineUnavailableException(host, e);
  }

  static String hostFrom(Map<String, String> environment) {
    String host = environment.get("DOCKER_HOST");
    return host == null || host.isBlank() ? DEFAULT_HOST : host.trim();
  }

  public String host() {
    return host;
  }

  /** How long calls on this connection may go unanswered; docker-java's are bounded already. */
  public EngineDeadlines deadlines() {
    return deadlines;
  }

  public DockerClient client() {
    return client;
  }

  @Override
  public void close() {
    closeQuietly(client);
  }

  private static void closeQuietly(DockerClient client) {
    try {
      client.close();
    } catch (IOException | RuntimeException ignored) {
      // Closing a connection pool we are done with; nothing left to report.
    }
  }
}
