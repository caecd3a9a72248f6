package io.berth.model.hash;

import io.berth.model.ConfigWriter;
import io.berth.model.load.CanonicalForm;
import io.berth.model.spec.Service;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
 * <p>Known difference: Compose hashes {@code network_mode}, {@code ipc}, {@code pid} of the form
 * {@code service:NAME} and {@code volumes_from: NAME} with NAME resolved to the id of that
 * service's container; berth hashes them as written, so such a service created by one tool is
 * recreated once by the other.
 */
public final class ConfigHash {
  private ConfigHash() {}

  public static String of(Service s) {
    return sha256(json(s));
  }

  /** The exact bytes hashed, for tests and for {@code config --hash} debugging. */
  @SuppressWarnings("unchecked")
  public static String json(Service s) {
    Map<String, Object> form = new LinkedHashMap<>(CanonicalForm.service(s));
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

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
