package io.berth.model.spec;

import java.util.List;
import java.util.Optional;

/** {@code blkio_config}: block IO weight and throttling, as the Engine takes them. */
public record Blkio(
    Optional<Integer> weight,
    List<WeightDevice> weightDevice,
    List<Throttle> deviceReadBps,
    List<Throttle> deviceReadIops,
    List<Throttle> deviceWriteBps,
    List<Throttle> deviceWriteIops) {

  /** A relative weight (10 to 1000) for one device. */
  public record WeightDevice(String path, int weight) {}

  /** A rate limit for one device: bytes or operations per second. */
  public record Throttle(String path, long rate) {}

  public Blkio {
    weightDevice = List.copyOf(weightDevice);
    deviceReadBps = List.copyOf(deviceReadBps);
    deviceReadIops = List.copyOf(deviceReadIops);
    deviceWriteBps = List.copyOf(deviceWriteBps);
    deviceWriteIops = List.copyOf(deviceWriteIops);
  }
}
