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
    Map<String, List<String>> aliases) {

  public ContainerOptions {
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    extraHosts = List.copyOf(extraHosts);
    dns = List.copyOf(dns);
    dnsSearch = List.copyOf(dnsSearch);
    expose = List.copyOf(expose);
    tmpfs = List.copyOf(tmpfs);
    aliases = Maps.sortedCopy(aliases);
  }

  public static ContainerOptions none() {
    return new ContainerOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        false, false, false, false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
  }
}
