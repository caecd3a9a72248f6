package io.berth.model.hash;

import io.berth.model.ConfigWriter;
import io.berth.model.load.CanonicalForm;
import io.berth.model.spec.Service;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The value of the {@code com.docker.compose.config-hash} label, computed as Docker Compose's
 * {@code ServiceHash} does (docker/compose {@code pkg/compose/hash.go}), so that a container
 * created by either tool is not recreated by the other for nothing: the SHA-256, in hex, of Go's
 * {@code json.Marshal} of compose-go's {@code ServiceConfig} — the same JSON {@code config
 * --format json} prints for the service (struct field order, Go's omitempty, {@code command} and
 * {@code entrypoint} always present, {@code <>&} escaped), compact — after clearing what does not
 * make a container different:
 * <ul>
 *   <li>{@code build}, {@code pull_policy}: how the image is obtained (a new image recreates
 *       through its id, not through this hash);
 *   <li>{@code scale} and {@code deploy.replicas}: how many containers, not what each is
 *       ({@code deploy} itself stays, as {@code {}} when replicas was all it had);
 *   <li>{@code depends_on}, {@code profiles}: when and whether the service runs.
 * </ul>
 * Everything else the service says is covered: image, command, environment (with env_file folded
 * in, as Compose resolves it before hashing), ports, volumes, networks, labels, healthcheck and
 * every other attribute.
 *
 * <p>As Compose, references to another service's container are hashed resolved:
 * {@code network_mode}, {@code ipc} and {@code pid} of the form {@code service:NAME} become
 * {@code container:ID}, and each {@code volumes_from} entry becomes the bare id of NAME's container
 * (or the bare name of a {@code container:NAME} entry), ID being that of the service's container
 * whose name sorts first. Where that container is not known the reference is hashed as written.
 */
public final class ConfigHash {
  private ConfigHash() {}

  public static String of(Service s) {
    return of(s, Map.of());
  }

  /** @param containerIds the id of each other service's container that references resolve to */
  public static String of(Service s, Map<String, String> containerIds) {
    return sha256(json(s, containerIds));
  }

  /** The exact bytes hashed, for tests and for {@code config --hash} debugging. */
  public static String json(Service s) {
    return json(s, Map.of());
  }

  @SuppressWarnings("unchecked")
  public static String json(Service s, Map<String, String> containerIds) {
    Map<String, Object> form = new LinkedHashMap<>(CanonicalForm.service(s));
    for (String mode : List.of("network_mode", "ipc", "pid")) {
      if (form.get(mode) instanceof String m && m.startsWith("service:")) {
        String id = containerIds.get(m.substring("service:".length()));
        if (id != null) {
          form.put(mode, "container:" + id);
        }
      }
    }
    if (form.get("volumes_from") instanceof List<?> from) {
      form.put("volumes_from", from.stream().map(v -> volumeSource((String) v, containerIds)).toList());
    }
    form.remove("build");
    form.remove("pull_policy");
    form.remove("scale");
    form.remove("depends_on");
    form.remove("profiles");
    if (form.get("deploy") instanceof Map<?, ?> deploy) {
      Map<String, Object> withoutReplicas = new LinkedHashMap<>((Map<String, Object>) deploy);
      withoutReplicas.remove("replicas");
      form.put("deploy", withoutReplicas);
    }
    return ConfigWriter.jsonOfService(form);
  }

  /** Compose's resolveVolumeFrom: {@code container:NAME[:mode]} → NAME, {@code SERVICE[:mode]} → the id. */
  private static String volumeSource(String entry, Map<String, String> containerIds) {
    String[] parts = entry.split(":");
    if (parts[0].equals("container") && parts.length > 1) {
      return parts[1];
    }
    return containerIds.getOrDefault(parts[0], entry);
  }

  /** Of a service's containers (by name to id), the one references resolve to: the name that sorts first. */
  public static Optional<String> referencedContainer(Map<String, String> idsByName) {
    return idsByName.entrySet().stream().min(Map.Entry.comparingByKey()).map(Map.Entry::getValue);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
