package io.berth.model.spec;

import java.util.Map;

/**
 * A top-level named volume.
 *
 * @param key the compose key
 * @param name the Engine name: {@code <project>_<key>} unless the file sets {@code name:} or it is external
 */
public record Volume(String key, String name, String driver, boolean external, Map<String, String> labels,
    Map<String, String> driverOpts) {
  public Volume {
    labels = Maps.sortedCopy(labels);
    driverOpts = Maps.sortedCopy(driverOpts);
  }

  public Volume(String key, String name, String driver, boolean external, Map<String, String> labels) {
    this(key, name, driver, external, labels, Map.of());
  }
}
