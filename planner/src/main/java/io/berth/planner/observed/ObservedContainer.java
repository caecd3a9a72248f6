package io.berth.planner.observed;

import io.berth.planner.labels.Labels;
import java.util.Map;

/**
 * A container of the project as the Engine reports it.
 *
 * @param name without the leading slash the Engine adds
 * @param state the Engine's state word: {@code created}, {@code running}, {@code exited}, {@code paused}, ...
 * @param volumeMounts the volumes mounted in it, each volume's name by the path it is mounted at
 */
public record ObservedContainer(
    String id, String name, String state, String imageId, Map<String, String> labels, Map<String, String> volumeMounts) {

  public ObservedContainer {
    labels = Map.copyOf(labels);
    volumeMounts = Map.copyOf(volumeMounts);
  }

  /** A container with no volume mounted. */
  public ObservedContainer(String id, String name, String state, String imageId, Map<String, String> labels) {
    this(id, name, state, imageId, labels, Map.of());
  }

  public String service() {
    return labels.getOrDefault(Labels.SERVICE, "");
  }

  /** The replica number; 0 when the label is missing or not a number. */
  public int number() {
    try {
      return Integer.parseInt(labels.getOrDefault(Labels.CONTAINER_NUMBER, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public String configHash() {
    return labels.getOrDefault(Labels.CONFIG_HASH, "");
  }

  public boolean oneoff() {
    return "True".equalsIgnoreCase(labels.getOrDefault(Labels.ONEOFF, "False"));
  }

  public boolean running() {
    return "running".equals(state) || "restarting".equals(state) || "paused".equals(state);
  }

  /** It has stopped for good: {@code exited}, or {@code dead} (a removal that failed). */
  public boolean ended() {
    return "exited".equals(state) || "dead".equals(state);
  }

  /** The short form of the id, as the Engine's CLI prints it. */
  public String shortId() {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
