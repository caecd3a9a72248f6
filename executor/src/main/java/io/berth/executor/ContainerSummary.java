package io.berth.executor;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One container as {@code ps} shows it: Compose's {@code ContainerSummary}.
 *
 * @param names every name the Engine lists, without the leading slash (a legacy link adds some)
 * @param created seconds since the epoch
 * @param state the Engine's state word ({@code running}, {@code exited})
 * @param status the Engine's status text ({@code Up 3 seconds (healthy)}, {@code Exited (0) 2 minutes ago})
 * @param ports the published ports
 * @param mounts each mount's volume name, or its source for a bind mount
 * @param localVolumes how many of the mounts use the {@code local} volume driver
 * @param networks the networks the container is on
 */
public record ContainerSummary(
    String id,
    String name,
    List<String> names,
    String image,
    String command,
    String project,
    String service,
    long created,
    String state,
    String status,
    List<Publisher> ports,
    Map<String, String> labels,
    List<String> mounts,
    int localVolumes,
    List<String> networks) {
  /** The Engine's status text says the health of a running container and the code of an exited one. */
  private static final Pattern HEALTH = Pattern.compile("^Up .*\\((healthy|unhealthy|health: starting)\\)$");
  private static final Pattern EXIT_CODE = Pattern.compile("^Exited \\((-?[0-9]+)\\)");

  public ContainerSummary {
    names = List.copyOf(names);
    ports = List.copyOf(ports);
    labels = Map.copyOf(labels);
    mounts = List.copyOf(mounts);
    networks = List.copyOf(networks);
  }

  /**
   * {@code healthy}, {@code unhealthy} or {@code starting} for a running container with a
   * healthcheck, else empty, as Compose reports it. Read from the status text the Engine makes
   * from the same state, which spares an inspect per container.
   */
  public String health() {
    if (!state.equals("running")) {
      return "";
    }
    Matcher m = HEALTH.matcher(status);
    return m.find() ? m.group(1).replace("health: ", "") : "";
  }

  /** The exit code of an exited container, else 0, as Compose reports it. */
  public int exitCode() {
    Matcher m = EXIT_CODE.matcher(status);
    return (state.equals("exited") || state.equals("dead")) && m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** One published port, as Compose's {@code Publishers} entry. */
  public record Publisher(String url, int targetPort, int publishedPort, String protocol) {}
}
