package io.berth.planner;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code up} was asked to do beyond the project itself.
 *
 * @param services the services named on the command line; empty for all
 * @param noDeps do not bring the named services' dependencies
 * @param recreate when to recreate a container of a targeted service (every service when none is named)
 * @param removeOrphans stop and remove containers of services no longer in the project
 * @param noStart create containers but do not start them
 * @param build build images before starting ({@code --build}), even those that exist
 * @param scale replica counts from {@code --scale}, over the file's
 * @param renewAnonVolumes {@code -V}: a recreated container gets new anonymous volumes instead of the old one's
 * @param recreateDependencies when to recreate a container of a service that is only brought along as a
 *     dependency of a named one: {@code --always-recreate-deps} forces it, {@code --no-recreate} forbids it
 * @param stopTimeout {@code up -t}: the grace period, in seconds, of every stop the plan makes (a recreate,
 *     a scale-down, an orphan), over each service's {@code stop_grace_period}; empty for those
 * @param allResources {@code --all-resources}: also the networks and volumes no selected service
 *     uses are created (Compose otherwise drops them, WithoutUnnecessaryResources)
 */
public record UpOptions(Set<String> services, boolean noDeps, Recreate recreate, boolean removeOrphans, boolean noStart,
    boolean build, Map<String, Integer> scale, boolean renewAnonVolumes, Recreate recreateDependencies,
    Optional<Integer> stopTimeout, boolean allResources) {

  public UpOptions(Set<String> services, boolean noDeps, Recreate recreate, boolean removeOrphans, boolean noStart,
      boolean build, Map<String, Integer> scale, boolean renewAnonVolumes, Recreate recreateDependencies,
      Optional<Integer> stopTimeout) {
    this(services, noDeps, recreate, removeOrphans, noStart, build, scale, renewAnonVolumes, recreateDependencies,
        stopTimeout, false);
  }

  public UpOptions {
    services = Set.copyOf(services);
    scale = Map.copyOf(scale);
  }

  /** No {@code -t}: each stop gets its service's {@code stop_grace_period}. */
  public UpOptions(Set<String> services, boolean noDeps, Recreate recreate, boolean removeOrphans, boolean noStart,
      boolean build, Map<String, Integer> scale, boolean renewAnonVolumes, Recreate recreateDependencies) {
    this(services, noDeps, recreate, removeOrphans, noStart, build, scale, renewAnonVolumes, recreateDependencies,
        Optional.empty());
  }

  /** Dependencies follow Compose's default: recreated when they diverged, never with {@code --no-recreate}. */
  public UpOptions(Set<String> services, boolean noDeps, Recreate recreate, boolean removeOrphans, boolean noStart,
      boolean build, Map<String, Integer> scale, boolean renewAnonVolumes) {
    this(services, noDeps, recreate, removeOrphans, noStart, build, scale, renewAnonVolumes,
        recreate == Recreate.NEVER ? Recreate.NEVER : Recreate.DIVERGED);
  }

  public UpOptions(Set<String> services, boolean noDeps, Recreate recreate, boolean removeOrphans, boolean noStart,
      boolean build, Map<String, Integer> scale) {
    this(services, noDeps, recreate, removeOrphans, noStart, build, scale, false);
  }

  public UpOptions(Set<String> services, boolean noDeps, Recreate recreate, boolean removeOrphans, boolean noStart) {
    this(services, noDeps, recreate, removeOrphans, noStart, false, Map.of(), false);
  }

  public static UpOptions defaults() {
    return new UpOptions(Set.of(), false, Recreate.DIVERGED, false, false, false, Map.of(), false);
  }

  /** The same options with {@code up -t}'s grace period. */
  public UpOptions withStopTimeout(Optional<Integer> seconds) {
    return new UpOptions(services, noDeps, recreate, removeOrphans, noStart, build, scale, renewAnonVolumes,
        recreateDependencies, seconds, allResources);
  }

  /** The same options with or without {@code --all-resources}. */
  public UpOptions withAllResources(boolean all) {
    return new UpOptions(services, noDeps, recreate, removeOrphans, noStart, build, scale, renewAnonVolumes,
        recreateDependencies, stopTimeout, all);
  }

  /** The grace period of a stop of {@code service}'s container: {@code -t}, else its {@code stop_grace_period}. */
  public Optional<Integer> stopTimeoutFor(Optional<Integer> gracePeriod) {
    return stopTimeout.or(() -> gracePeriod);
  }

  /** The strategy for one service: a service named on the command line, or any when none is, is targeted. */
  public Recreate recreateFor(String service) {
    return services.isEmpty() || services.contains(service) ? recreate : recreateDependencies;
  }

  public enum Recreate {
    /** Only when the configuration or image changed (the default). */
    DIVERGED,
    /** Always ({@code --force-recreate}, {@code -V}, {@code --always-recreate-deps} for dependencies). */
    FORCE,
    /** Never ({@code --no-recreate}). */
    NEVER
  }
}
