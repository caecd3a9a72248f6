package io.berth.executor.create;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.berth.model.spec.Endpoint;
import io.berth.model.spec.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

  /** {@code link_local_ips} on the network. */
  static List<String> linkLocalIps(Service service, String networkKey) {
    return endpoint(service, networkKey).map(Endpoint::linkLocalIps).orElse(List.of());
  }

  /** The endpoint's {@code driver_opts} on the network. */
  static Map<String, String> driverOpts(Service service, String networkKey) {
    return endpoint(service, networkKey).map(Endpoint::driverOpts).orElse(Map.of());
  }

  /** Whether joining the network takes more than aliases, addresses and a MAC address. */
  static boolean hasSettingsBeyondAddresses(Service service, String networkKey) {
    return !linkLocalIps(service, networkKey).isEmpty() || !driverOpts(service, networkKey).isEmpty();
  }

  /** docker-java's endpoint, with the driver options its model has no field for. */
  static final class WithDriverOpts extends ContainerNetwork {
    @JsonProperty("DriverOpts")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private final Map<String, String> driverOpts;

    WithDriverOpts(Map<String, String> driverOpts) {
      this.driverOpts = Map.copyOf(driverOpts);
    }
  }

  /** docker-java's endpoint addresses, with the link-local ones its model has no field for. */
  static final class WithLinkLocalIps extends ContainerNetwork.Ipam {
    @JsonProperty("LinkLocalIPs")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private final List<String> linkLocalIps;

    WithLinkLocalIps(List<String> linkLocalIps) {
      this.linkLocalIps = List.copyOf(linkLocalIps);
    }
  }

  private static Optional<Endpoint> endpoint(Service service, String key) {
    return Optional.ofNullable(service.extras().endpoints().get(key));
  }
}
