package io.berth.planner.observed;

import io.berth.planner.labels.Labels;
import java.util.Map;

/** A volume carrying the project's label, as the Engine reports it. */
public record ObservedVolume(String name, String driver, Map<String, String> labels) {
  public ObservedVolume {
    labels = Map.copyOf(labels);
  }

  /** The compose key the volume was created for. */
  public String key() {
    return labels.getOrDefault(Labels.VOLUME, "");
  }
}
