package io.berth.model.spec;

import java.util.List;
import java.util.Optional;

/**
 * A top-level AI model a service may use.
 *
 * @param model the OCI reference of the model
 */
public record Model(String key, Optional<String> name, String model, Optional<Long> contextSize, List<String> runtimeFlags) {
  public Model {
    runtimeFlags = List.copyOf(runtimeFlags);
  }

  /**
   * How a service sees one model: the variables that receive its endpoint and name; empty for
   * Compose's defaults ({@code <KEY>_URL} and {@code <KEY>}).
   */
  public record Use(java.util.Optional<String> endpointVar, java.util.Optional<String> modelVar) {}
}
