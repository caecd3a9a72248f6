package io.berth.testsupport;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/**
 * A Docker registry (Debian's {@code docker-registry}) on 127.0.0.1 for the pull and push tests,
 * with its storage in a temporary directory. The Engine treats loopback registries as insecure
 * without configuration, so plain HTTP works. Close it to stop it and delete its storage.
 */
public final class LocalRegistry implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/docker-registry");

  private final Process process;
  private final Path dir;
  private final int port;

  private LocalRegistry(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts one; skips the test (fails it when CI=true) where docker-registry is not installed. */
  public static LocalRegistry start() throws IOException, InterruptedException {
    return start("");
  }

  /**
   * Starts one that lets in only {@code user} with {@code password} (htpasswd, bcrypt, made with
   * Debian's apache2-utils); skipped, or failed when CI=true, where that is not installed.
   */
  public static LocalRegistry startWithLogin(String user, String password) throws IOException, InterruptedException {
    require(HTPASSWD, "apache2-utils");
    Process p = new ProcessBuilder(HTPASSWD.toString(), "-Bbn", user, password).redirectErrorStream(true).start();
    String line = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("htpasswd failed: " + line);
    }
    return start(line + "\n");
  }

  private static final Path HTPASSWD = Path.of("/usr/bin/htpasswd");

  private static void require(Path binary, String debianPackage) {
    if (!Files.isExecutable(binary)) {
      String message = binary + " is missing: install Debian's " + debianPackage + " (scripts/engine.sh start does)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
  }

  private static LocalRegistry start(String htpasswd) throws IOException, InterruptedException {
    require(BINARY, "docker-registry");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("berth-registry");
    Path config = dir.resolve("config.yml");
    String auth = "";
    if (!htpasswd.isEmpty()) {
      Files.writeString(dir.resolve("htpasswd"), htpasswd);
      auth = """
          auth:
            htpasswd:
              realm: berth-test
              path: %s
          """.formatted(dir.resolve("htpasswd"));
    }
    Files.writeString(config, """
        version: 0.1
        log:
          level: error
        storage:
          filesystem:
            rootdirectory: %s
        http:
          addr: 127.0.0.1:%d
        """.formatted(dir.resolve("data"), port) + auth);
    Process p = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("registry.log").toFile())
        .start();
    LocalRegistry registry = new LocalRegistry(p, dir, port);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (registry.answers()) {
        return registry;
      }
      if (!p.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    String log = Files.exists(dir.resolve("registry.log")) ? Files.readString(dir.resolve("registry.log")) : "";
    registry.close();
    throw new IllegalStateException("the registry did not start on 127.0.0.1:" + port + ": " + log);
  }

  /** {@code 127.0.0.1:PORT}, the prefix of image names in this registry. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  private boolean answers() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(500);
      // 401 is a registry that wants a login: it is up.
      return c.getResponseCode() == 200 || c.getResponseCode() == 401;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
