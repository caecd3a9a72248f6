package io.berth.model.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a service joins one network beyond aliases and static addresses (which
 * {@link ContainerOptions} holds).
 *
 * @param priority the order networks are connected in, higher first
 * @param gwPriority the network with the highest value is the default gateway
 */
public record Endpoint(
    Optional<String> macAddress,
    List<String> linkLocalIps,
    Map<String, String> driverOpts,
    Optional<Integer> priority,
    Optional<Integer> gwPriority,
    Optional<String> interfaceName) {

  public Endpoint {
    linkLocalIps = List.copyOf(linkLocalIps);
    driverOpts = Maps.sortedCopy(driverOpts);
  }
}
