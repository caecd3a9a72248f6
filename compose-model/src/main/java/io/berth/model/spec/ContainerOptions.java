package io.berth.model.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service attributes that map one-to-one onto container settings, grouped so that
 * {@link Service} stays readable.
 *
 * @param extraHosts {@code host:address} entries, as the Engine takes them
 * @param expose container ports (or ranges) exposed without publishing, with an optional {@code /protocol}
 * @param tmpfs mount targets, each optionally followed by {@code :options}
 * @param aliases extra network aliases, by network key
 * @param networkMode {@code host}, {@code none}, {@code bridge}, {@code service:NAME} or {@code container:NAME}
 * @param ulimits by name, each {@code [soft, hard]}, or {@code [limit]} for both when written as one number
 * @param memLimit and the other sizes in bytes
 * @param ipv4Addresses static addresses, by network key ({@code ipv4_address}); likewise ipv6
 */
public record ContainerOptions(
    Optional<String> hostname,
    Optional<String> domainname,
    Optional<String> stopSignal,
    Optional<Duration> stopGracePeriod,
    Optional<Boolean> init,
    boolean tty,
    boolean stdinOpen,
    boolean privileged,
    boolean readOnly,
    List<String> capAdd,
    List<String> capDrop,
    List<String> extraHosts,
    List<String> dns,
    List<String> dnsSearch,
    List<String> expose,
    List<String> tmpfs,
    Map<String, List<String>> aliases,
    Optional<String> networkMode,
    Optional<String> ipc,
    Optional<String> pid,
    Optional<String> usernsMode,
    Optional<String> cgroupParent,
    Optional<String> runtime,
    List<String> securityOpt,
    List<String> groupAdd,
    List<DeviceMapping> devices,
    List<String> dnsOpt,
    Map<String, String> sysctls,
    Map<String, List<Long>> ulimits,
    Optional<Long> shmSize,
    Optional<Long> memLimit,
    Optional<Long> memReservation,
    Optional<Long> memswapLimit,
    Optional<Double> cpus,
    Optional<Long> cpuShares,
    Optional<String> cpuset,
    Optional<Long> pidsLimit,
    boolean oomKillDisable,
    Optional<Integer> oomScoreAdj,
    Optional<Logging> logging,
    Map<String, String> ipv4Addresses,
    Map<String, String> ipv6Addresses) {

  /** {@code logging}: a driver and its options. */
  public record Logging(Optional<String> driver, Map<String, String> options) {
    public Logging {
      options = Maps.sortedCopy(options);
    }
  }

  public ContainerOptions {
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    extraHosts = List.copyOf(extraHosts);
    dns = List.copyOf(dns);
    dnsSearch = List.copyOf(dnsSearch);
    expose = List.copyOf(expose);
    tmpfs = List.copyOf(tmpfs);
    aliases = Maps.sortedCopy(aliases);
    securityOpt = List.copyOf(securityOpt);
    groupAdd = List.copyOf(groupAdd);
    devices = List.copyOf(devices);
    dnsOpt = List.copyOf(dnsOpt);
    sysctls = Maps.sortedCopy(sysctls);
    ulimits = Maps.sortedCopy(ulimits);
    ipv4Addresses = Maps.sortedCopy(ipv4Addresses);
    ipv6Addresses = Maps.sortedCopy(ipv6Addresses);
  }

  /** The same options with other capabilities ({@code run --cap-add}, {@code --cap-drop}). */
  public ContainerOptions withCapabilities(List<String> add, List<String> drop) {
    return new ContainerOptions(hostname, domainname, stopSignal, stopGracePeriod, init, tty, stdinOpen, privileged, readOnly,
        add, drop, extraHosts, dns, dnsSearch, expose, tmpfs, aliases, networkMode, ipc, pid, usernsMode, cgroupParent,
        runtime, securityOpt, groupAdd, devices, dnsOpt, sysctls, ulimits, shmSize, memLimit, memReservation, memswapLimit,
        cpus, cpuShares, cpuset, pidsLimit, oomKillDisable, oomScoreAdj, logging, ipv4Addresses, ipv6Addresses);
  }

  public static ContainerOptions none() {
    return new ContainerOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        false, false, false, false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
        Optional.empty(), Map.of(), Map.of());
  }
}
