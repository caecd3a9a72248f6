package io.berth.executor.create;

import com.github.dockerjava.api.model.Capability;
import java.util.List;
import java.util.Optional;

/** Linux capability names as {@code cap_add}, {@code cap_drop} and {@code run --cap-add} write them: {@code NET_ADMIN}, {@code CAP_NET_ADMIN}, {@code ALL}. */
public final class Capabilities {
  private Capabilities() {}

  /** The capability a name means, in any case and with or without {@code CAP_}; empty for a name the Engine does not know. */
  public static Optional<Capability> of(String name) {
    String bare = name.toUpperCase().startsWith("CAP_") ? name.substring(4) : name;
    try {
      return Optional.of(Capability.valueOf(bare.toUpperCase()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Capability[] of(List<String> names) {
    return names.stream()
        .map(n -> of(n).orElseThrow(() -> new IllegalArgumentException("unknown capability \"" + n + "\"")))
        .toArray(Capability[]::new);
  }
}
