package io.berth.planner.observed;

import io.berth.planner.labels.Labels;
import java.util.Map;

/**
 * A network carrying the project's label, as the Engine reports it.
 *
 * @param options the driver options it was created with
 */
public record ObservedNetwork(String id, String name, String driver, Map<String, String> labels,
    Map<String, String> options, boolean internal, boolean enableIpv6) {
  public ObservedNetwork {
    labels = Map.copyOf(labels);
    options = Map.copyOf(options);
  }

  /** A network whose options are not known: nothing but driver and labels is compared. */
  public ObservedNetwork(String id, String name, String driver, Map<String, String> labels) {
    this(id, name, driver, labels, Map.of(), false, false);
  }

  /** The compose key the network was created for ({@code default}, {@code backend}). */
  public String key() {
    return labels.getOrDefault(Labels.NETWORK, "");
  }
}
