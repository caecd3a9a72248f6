package io.berth.executor;

import java.util.List;

/**
 * One container as {@code ps} shows it.
 *
 * @param created seconds since the epoch
 * @param state the Engine's state word ({@code running}, {@code exited})
 * @param status the Engine's status text ({@code Up 3 seconds}, {@code Exited (0) 2 minutes ago})
 * @param ports the published ports
 */
public record ContainerSummary(
    String id,
    String name,
    String image,
    String command,
    String project,
    String service,
    long created,
    String state,
    String status,
    List<Publisher> ports) {

  public ContainerSummary {
    ports = List.copyOf(ports);
  }

  /** One published port, as Compose's {@code Publishers} entry. */
  public record Publisher(String url, int targetPort, int publishedPort, String protocol) {}
}
