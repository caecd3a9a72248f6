package io.berth.executor.create;

import io.berth.model.spec.Endpoint;
import io.berth.model.spec.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A service's networks as the Engine joins them: in priority order, with their endpoint settings. */
final class NetworkEndpoints {
  private NetworkEndpoints() {}

  /** The service's network keys, higher {@code priority} first; equal priorities keep the file's order. */
  static List<String> ordered(Service service) {
    List<String> keys = new ArrayList<>(service.networks());
    keys.sort(Comparator.comparingInt((String key) -> endpoint(service, key).flatMap(Endpoint::priority).orElse(0)).reversed());
    return keys;
  }

  /**
   * The MAC address on a network: the network entry's, else for the first network the service's
   * {@code mac_address}, as compose sets it; the two must not disagree.
   */
  static Optional<String> macAddress(Service service, String networkKey) {
    Optional<String> onNetwork = endpoint(service, networkKey).flatMap(Endpoint::macAddress);
    Optional<String> onService = service.extras().engine().macAddress();
    if (onNetwork.isPresent() && onService.isPresent() && !onNetwork.equals(onService)) {
      throw new IllegalArgumentException("service \"" + service.name() + "\": mac_address " + onService.get()
          + " and networks." + networkKey + ".mac_address " + onNetwork.get() + " differ");
    }
    return onNetwork;
  }

  private static Optional<Endpoint> endpoint(Service service, String key) {
    return Optional.ofNullable(service.extras().endpoints().get(key));
  }
}
