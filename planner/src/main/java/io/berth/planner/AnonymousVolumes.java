package io.berth.planner;

import io.berth.model.spec.Project;
import io.berth.model.spec.Volume;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.planner.observed.ObservedVolume;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of a container's volumes are anonymous, so that they go with it. The Engine's own
 * {@code v} misses those a container was given by name: a replacement is given the volumes of the
 * container it replaces by name, so after one recreate a {@code down -v} would leave them behind.
 * An anonymous volume is one the Engine named (64 hex digits, its random ids) and the project does
 * not declare, external ones included, nor carries the project's label.
 */
public final class AnonymousVolumes {
  private static final Pattern ENGINE_NAMED = Pattern.compile("[0-9a-f]{64}");

  private AnonymousVolumes() {}

  /** The names, sorted, of {@code container}'s anonymous volumes. */
  public static List<String> of(ObservedContainer container, ObservedState observed, Optional<Project> project) {
    Set<String> declared = new HashSet<>();
    project.ifPresent(p -> p.volumes().values().stream().map(Volume::name).forEach(declared::add));
    observed.volumes().stream().map(ObservedVolume::name).forEach(declared::add);
    return container.volumeMounts().values().stream()
        .filter(name -> ENGINE_NAMED.matcher(name).matches() && !declared.contains(name))
        .distinct()
        .sorted()
        .toList();
  }
}
