package io.berth.model.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A top-level network.
 *
 * @param key the compose key ({@code default}, {@code backend})
 * @param enableIpv4 empty for the Engine's default (on)
 * @param name the Engine name: {@code <project>_<key>} unless the file sets {@code name:} or it is external
 */
public record Network(
    String key,
    String name,
    String driver,
    boolean external,
    Map<String, String> labels,
    Map<String, String> driverOpts,
    boolean internal,
    boolean attachable,
    boolean enableIpv6,
    Optional<Ipam> ipam,
    Optional<Boolean> enableIpv4) {

  public Network(String key, String name, String driver, boolean external, Map<String, String> labels,
      Map<String, String> driverOpts, boolean internal, boolean attachable, boolean enableIpv6, Optional<Ipam> ipam) {
    this(key, name, driver, external, labels, driverOpts, internal, attachable, enableIpv6, ipam, Optional.empty());
  }

  public Network {
    labels = Maps.sortedCopy(labels);
    driverOpts = Maps.sortedCopy(driverOpts);
  }

  public Network(String key, String name, String driver, boolean external, Map<String, String> labels) {
    this(key, name, driver, external, labels, Map.of(), false, false, false, Optional.empty(), Optional.empty());
  }

  /** Address management: a driver and pools, each with {@code subnet}, {@code gateway}, {@code ip_range}. */
  public record Ipam(Optional<String> driver, List<Map<String, String>> config) {
    public Ipam {
      config = config.stream().map(Maps::sortedCopy).toList();
    }
  }
}
