package io.berth.model.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The less common container settings: CPU and block IO tuning, cgroup and UTS namespaces,
 * platform, annotations, GPUs. Each maps onto one Engine field, so they sit together, apart
 * from the everyday {@link ContainerOptions}.
 *
 * @param cgroup {@code host} or {@code private}: the cgroup namespace
 * @param cpuRtPeriod and {@code cpuRtRuntime}: microseconds
 * @param gpus device requests for GPUs; {@code gpus: all} is one request with count -1
 * @param credentialSpec Windows only; passed to the Engine as a security option
 */
public record EngineSettings(
    Map<String, String> annotations,
    Optional<String> cgroup,
    Optional<Long> cpuCount,
    Optional<Long> cpuPercent,
    Optional<Long> cpuPeriod,
    Optional<Long> cpuQuota,
    Optional<Long> cpuRtPeriod,
    Optional<Long> cpuRtRuntime,
    Optional<Long> memSwappiness,
    Optional<Blkio> blkio,
    List<String> deviceCgroupRules,
    Map<String, String> storageOpt,
    List<DeviceRequest> gpus,
    Optional<String> uts,
    Optional<String> isolation,
    Optional<String> platform,
    Optional<String> macAddress,
    Optional<CredentialSpec> credentialSpec) {

  /** {@code credential_spec}: one of a config, a file or a registry value. */
  public record CredentialSpec(Optional<String> config, Optional<String> file, Optional<String> registry) {}

  public EngineSettings {
    annotations = Maps.sortedCopy(annotations);
    deviceCgroupRules = List.copyOf(deviceCgroupRules);
    storageOpt = Maps.sortedCopy(storageOpt);
    gpus = List.copyOf(gpus);
  }

  public static EngineSettings none() {
    return new EngineSettings(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Map.of(),
        List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
