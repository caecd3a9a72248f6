package io.berth.model.spec;

/**
 * One port in long syntax. A short-syntax range is expanded into one mapping per port.
 *
 * @param hostIp the host address to bind, empty for the Engine's default
 * @param published the host port or range ({@code "8080"}, {@code "8000-8010"}), empty for an ephemeral port
 * @param target the container port
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}
 */
public record PortMapping(String hostIp, String published, int target, String protocol) {}
