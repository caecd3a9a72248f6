package io.berth.model.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code deploy}, all of it as the Compose Specification allows. A local Engine honours
 * {@code replicas} (as {@code scale}), {@code resources} (limits: cpus, memory, pids;
 * reservations: memory, devices) and {@code restart_policy}; the rest is for orchestrators and
 * only loaded and printed.
 */
public record Deploy(
    Optional<String> mode,
    Optional<Integer> replicas,
    Optional<String> endpointMode,
    Map<String, String> labels,
    Optional<Resource> limits,
    Optional<Resource> reservations,
    Optional<RestartPolicy> restartPolicy,
    Optional<Placement> placement,
    Optional<UpdateConfig> updateConfig,
    Optional<UpdateConfig> rollbackConfig) {

  /** Limits or reservations. */
  public record Resource(
      Optional<Double> cpus,
      Optional<Long> memory,
      Optional<Long> pids,
      List<DeviceRequest> devices,
      List<GenericResource> genericResources) {
    public Resource {
      devices = List.copyOf(devices);
      genericResources = List.copyOf(genericResources);
    }
  }

  /** {@code discrete_resource_spec}: so many units of a kind. */
  public record GenericResource(String kind, long value) {}

  /** @param condition {@code none}, {@code on-failure} or {@code any} */
  public record RestartPolicy(Optional<String> condition, Optional<Duration> delay, Optional<Long> maxAttempts,
      Optional<Duration> window) {

    /** The Engine's policy name: {@code any} is {@code always}, {@code none} is {@code no}. */
    public String enginePolicy() {
      return switch (condition.orElse("any")) {
        case "none", "no" -> "no";
        case "any", "always" -> "always";
        default -> condition.get();
      };
    }
  }

  public record Placement(List<String> constraints, List<String> preferences, Optional<Long> maxReplicasPerNode) {
    public Placement {
      constraints = List.copyOf(constraints);
      preferences = List.copyOf(preferences);
    }
  }

  /** {@code update_config} and {@code rollback_config}. */
  public record UpdateConfig(Optional<Long> parallelism, Optional<Duration> delay, Optional<String> failureAction,
      Optional<Duration> monitor, Optional<Double> maxFailureRatio, Optional<String> order) {}

  public Deploy {
    labels = Maps.sortedCopy(labels);
  }
}
