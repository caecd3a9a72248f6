package io.berth.model.spec;

import java.util.Map;

/**
 * A top-level network.
 *
 * @param key the compose key ({@code default}, {@code backend})
 * @param name the Engine name: {@code <project>_<key>} unless the file sets {@code name:} or it is external
 */
public record Network(String key, String name, String driver, boolean external, Map<String, String> labels) {
  public Network {
    labels = Maps.sortedCopy(labels);
  }
}
