package io.berth.model.spec;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Immutable, key-sorted copies, so that records built from maps compare and print deterministically. */
final class Maps {
  private Maps() {}

  static <V> Map<String, V> sortedCopy(Map<String, V> m) {
    return Collections.unmodifiableMap(new TreeMap<>(m));
  }
}
