package io.berth.model.hash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.berth.model.load.CanonicalForm;
import io.berth.model.spec.Service;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The value of the {@code com.docker.compose.config-hash} label: SHA-256 of the service's canonical
 * JSON. Like Compose's, it leaves out {@code depends_on}, {@code build}, {@code pull_policy} and {@code scale}, so
 * changing dependencies, the replica count or how the image is obtained never recreates a container by itself (a new
 * image does, through its id); everything else the service says is in it.
 */
public final class ConfigHash {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ConfigHash() {}

  public static String of(Service s) {
    Map<String, Object> form = CanonicalForm.service(s);
    // As Compose: how the image is obtained is not the container's configuration.
    form.remove("depends_on");
    form.remove("build");
    form.remove("pull_policy");
    form.remove("scale");
    if (form.get("deploy") instanceof Map<?, ?> deploy) {
      Map<String, Object> withoutReplicas = new java.util.LinkedHashMap<>();
      deploy.forEach((k, v) -> withoutReplicas.put((String) k, v));
      withoutReplicas.remove("replicas");
      form.put("deploy", withoutReplicas);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(form).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("a service always hashes", e);
    }
  }
}
