package io.berth.executor.lock;

import java.util.Map;
import java.util.Optional;

/**
 * Where locks live: named objects that are created atomically by name, so that of two creates of
 * one name exactly one wins. The Engine's volumes are (see {@link EngineLockStore}).
 */
public interface LockStore {
  /**
   * Creates {@code name} with {@code labels} unless it exists.
   *
   * @return the labels of the object that now has that name: {@code labels} when this create won,
   *     the existing object's otherwise
   */
  Map<String, String> create(String name, Map<String, String> labels);

  /** The labels of {@code name}, or empty when there is none. */
  Optional<Map<String, String>> labels(String name);

  /** Removes {@code name}; one already gone is not an error. */
  void remove(String name);
}
