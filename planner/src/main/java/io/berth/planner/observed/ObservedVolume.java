package io.berth.planner.observed;

import io.berth.planner.labels.Labels;
import java.util.Map;

/**
 * A volume carrying the project's label, as the Engine reports it.
 *
 * @param options the driver options it was created with
 */
public record ObservedVolume(String name, String driver, Map<String, String> labels, Map<String, String> options) {
  public ObservedVolume {
    labels = Map.copyOf(labels);
    options = Map.copyOf(options);
  }

  public ObservedVolume(String name, String driver, Map<String, String> labels) {
    this(name, driver, labels, Map.of());
  }

  /** The compose key the volume was created for. */
  public String key() {
    return labels.getOrDefault(Labels.VOLUME, "");
  }
}
