package io.berth.planner.observed;

import io.berth.planner.labels.Labels;
import java.util.Map;

/** A network carrying the project's label, as the Engine reports it. */
public record ObservedNetwork(String id, String name, String driver, Map<String, String> labels) {
  public ObservedNetwork {
    labels = Map.copyOf(labels);
  }

  /** The compose key the network was created for ({@code default}, {@code backend}). */
  public String key() {
    return labels.getOrDefault(Labels.NETWORK, "");
  }
}
