package io.berth.executor.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import io.berth.executor.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Registry credentials as the docker CLI keeps them in {@code config.json} ({@code $DOCKER_CONFIG},
 * else {@code ~/.docker}): a credential helper for the registry ({@code credHelpers}), else the
 * default store ({@code credsStore}), else the inline {@code auths} entry. Read on each use, so a
 * {@code docker login} between two pulls is seen. Credentials are passed to the Engine only; they
 * are never printed or logged.
 */
public final class RegistryAuth {
  /** The key the docker CLI files Docker Hub's credentials under. */
  static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path configFile;

  RegistryAuth(Path configFile) {
    this.configFile = configFile;
  }

  /** Where the docker CLI looks, from {@code DOCKER_CONFIG} or {@code HOME} in {@code environment}. */
  public static RegistryAuth fromEnvironment(Map<String, String> environment) {
    String dir = environment.get("DOCKER_CONFIG");
    if (dir == null || dir.isBlank()) {
      dir = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".docker").toString();
    }
    return new RegistryAuth(Path.of(dir, "config.json"));
  }

  /** The credentials for the registry {@code image} lives in, when the user has any. */
  public Optional<AuthConfig> forImage(String image) {
    if (!Files.isRegularFile(configFile)) {
      return Optional.empty();
    }
    JsonNode config;
    try {
      config = JSON.readTree(configFile.toFile());
    } catch (IOException e) {
      throw new EngineException("cannot read " + configFile + ": " + e.getMessage());
    }
    String registry = registryOf(image);
    String helper = config.path("credHelpers").path(registry).asText("");
    if (helper.isEmpty()) {
      helper = config.path("credsStore").asText("");
    }
    if (!helper.isEmpty()) {
      Optional<AuthConfig> fromHelper = fromHelper(helper, registry);
      if (fromHelper.isPresent()) {
        return fromHelper;
      }
    }
    return inline(config.path("auths"), registry);
  }

  /** {@code docker.io} for Docker Hub images, else the host part of the reference. */
  static String registryOf(String image) {
    int slash = image.indexOf('/');
    if (slash > 0) {
      String first = image.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        return first;
      }
    }
    return "docker.io";
  }

  private static Optional<AuthConfig> inline(JsonNode auths, String registry) {
    for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!hostOf(entry.getKey()).equals(registry)) {
        continue;
      }
      JsonNode auth = entry.getValue();
      AuthConfig out = new AuthConfig().withRegistryAddress(serverAddress(registry));
      String encoded = auth.path("auth").asText("");
      if (!encoded.isEmpty()) {
        String decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
          throw new EngineException("the credentials for " + registry + " in the docker config file are not user:password");
        }
        out = out.withUsername(decoded.substring(0, colon)).withPassword(decoded.substring(colon + 1));
      } else if (auth.has("username")) {
        out = out.withUsername(auth.path("username").asText()).withPassword(auth.path("password").asText());
      }
      if (auth.hasNonNull("identitytoken")) {
        out = out.withIdentityToken(auth.path("identitytoken").asText());
      }
      return Optional.of(out);
    }
    return Optional.empty();
  }

  /** Docker Hub's entry is a URL; any other registry's key may be a host or a URL with a path. */
  static String hostOf(String key) {
    if (key.equals(DOCKER_HUB_KEY) || key.equals("index.docker.io") || key.equals("registry-1.docker.io")) {
      return "docker.io";
    }
    String host = key.replaceFirst("^[a-z]+://", "");
    int slash = host.indexOf('/');
    return slash < 0 ? host : host.substring(0, slash);
  }

  private static String serverAddress(String registry) {
    return registry.equals("docker.io") ? DOCKER_HUB_KEY : registry;
  }

  /**
   * The protocol of docker's credential helpers: {@code docker-credential-NAME get} reads the
   * server address on stdin and answers {@code {"Username": ..., "Secret": ...}}; a username of
   * {@code <token>} means the secret is an identity token. A helper that has nothing answers non-zero.
   */
  private Optional<AuthConfig> fromHelper(String helper, String registry) {
    String server = serverAddress(registry);
    Process process;
    try {
      process = new ProcessBuilder("docker-credential-" + helper, "get").redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new EngineException("the credential helper docker-credential-" + helper + " named in " + configFile
          + " cannot be run: " + e.getMessage());
    }
    try (InputStream out = process.getInputStream()) {
      process.getOutputStream().write(server.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      byte[] answer = out.readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return Optional.empty();
      }
      JsonNode creds = JSON.readTree(answer);
      String user = creds.path("Username").asText("");
      String secret = creds.path("Secret").asText("");
      AuthConfig auth = new AuthConfig().withRegistryAddress(server);
      return Optional.of(user.equals("<token>") ? auth.withIdentityToken(secret) : auth.withUsername(user).withPassword(secret));
    } catch (IOException e) {
      throw new EngineException("the credential helper docker-credential-" + helper + " gave no usable answer for " + server);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new EngineException("interrupted while asking docker-credential-" + helper + " for " + server);
    }
  }
}
