package io.berth.model.spec;

import java.util.List;
import java.util.Map;

/**
 * {@code provider}: a service run by an external program rather than as a container.
 *
 * @param options each option's values; a scalar option is one value
 */
public record Provider(String type, Map<String, List<String>> options) {
  public Provider {
    Map<String, List<String>> copied = new java.util.TreeMap<>();
    options.forEach((k, v) -> copied.put(k, List.copyOf(v)));
    options = Maps.sortedCopy(copied);
  }
}
