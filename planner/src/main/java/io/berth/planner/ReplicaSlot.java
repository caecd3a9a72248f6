package io.berth.planner;

import io.berth.planner.observed.ObservedContainer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The containers found for one replica number of a service. Usually one; a recreate cut short
 * leaves more, or leaves its only container under another name: the replacement is created as
 * {@code <old id 12>_<name>} beside the old one, the old one is stopped and removed, the
 * replacement renamed. Whatever step it was cut at, the next {@code up} sees a slot and converges
 * it from {@link #base}; the {@link #leftovers} are removed first. No history is needed: the
 * choice depends only on what is there.
 *
 * <p>The base is the container holding the replica's final name when there is one: if it is the
 * old container, its replacement was never finished and may be incomplete (cut during its
 * create); if it is the renamed replacement, the old one is gone. Without one, the old container
 * is already removed and a replacement under a temporary name is all that is left: the one
 * up to date is preferred, then a running one, then the first by name, so that the choice is the
 * same on every run. Leftovers keep their anonymous volumes: they are the base's too.
 */
record ReplicaSlot(int number, ObservedContainer base, List<ObservedContainer> leftovers) {
  ReplicaSlot {
    leftovers = List.copyOf(leftovers);
  }

  /**
   * @param containers a service's containers, any names and states
   * @param finalName the name replica {@code n} is to have
   * @param upToDate whether a container may be kept as it is (no recreate is due)
   * @return one slot per replica number, by number
   */
  static List<ReplicaSlot> of(List<ObservedContainer> containers, IntFunction<String> finalName,
      Predicate<ObservedContainer> upToDate) {
    Map<Integer, List<ObservedContainer>> byNumber = new TreeMap<>();
    containers.forEach(c -> byNumber.computeIfAbsent(c.number(), k -> new ArrayList<>()).add(c));
    List<ReplicaSlot> out = new ArrayList<>();
    byNumber.forEach((number, found) -> {
      String name = finalName.apply(number);
      ObservedContainer base = found.stream().min(Comparator
          .comparing((ObservedContainer c) -> !c.name().equals(name))
          .thenComparing(c -> !upToDate.test(c))
          .thenComparing(c -> !c.running())
          .thenComparing(ObservedContainer::name)).orElseThrow();
      out.add(new ReplicaSlot(number, base, found.stream().filter(c -> c != base).toList()));
    });
    return out;
  }
}
