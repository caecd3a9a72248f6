package io.berth.model.spec;

import java.util.List;
import java.util.Optional;

/**
 * How a service reaches into other containers the legacy way: {@code links},
 * {@code external_links} and {@code volumes_from}, each as written and checked.
 *
 * @param links {@code service[:alias]}
 * @param externalLinks {@code container[:alias]}
 * @param volumesFrom {@code service[:ro|rw]} or {@code container:name[:ro|rw]}
 */
public record Links(List<String> links, List<String> externalLinks, List<String> volumesFrom) {
  public Links {
    links = List.copyOf(links);
    externalLinks = List.copyOf(externalLinks);
    volumesFrom = List.copyOf(volumesFrom);
  }

  public static Links none() {
    return new Links(List.of(), List.of(), List.of());
  }

  /** The services named by {@code links}. */
  public List<String> linkedServices() {
    return links.stream().map(l -> l.split(":", 2)[0]).distinct().toList();
  }

  /** The services (not containers) whose volumes this service mounts. */
  public List<String> volumesFromServices() {
    return volumesFrom.stream().filter(v -> !v.startsWith("container:")).map(v -> v.split(":", 2)[0]).distinct().toList();
  }

  /** The alias of a link: the part after the colon, else the name itself. */
  public static String alias(String link) {
    int colon = link.indexOf(':');
    return colon < 0 ? link : link.substring(colon + 1);
  }

  /** The mode of a {@code volumes_from} entry, when it ends in {@code :ro} or {@code :rw}. */
  public static Optional<String> mode(String volumesFrom) {
    return volumesFrom.endsWith(":ro") || volumesFrom.endsWith(":rw")
        ? Optional.of(volumesFrom.substring(volumesFrom.length() - 2)) : Optional.empty();
  }
}
