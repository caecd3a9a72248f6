package io.berth.model.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request for devices the Engine's drivers provide (GPUs): one of {@code gpus} or of
 * {@code deploy.resources.reservations.devices}.
 *
 * @param count how many devices, {@code -1} for all; empty when {@code deviceIds} names them
 */
public record DeviceRequest(
    List<String> capabilities,
    Optional<String> driver,
    Optional<Long> count,
    List<String> deviceIds,
    Map<String, String> options) {

  public DeviceRequest {
    capabilities = List.copyOf(capabilities);
    deviceIds = List.copyOf(deviceIds);
    options = Maps.sortedCopy(options);
  }
}
