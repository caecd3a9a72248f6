package io.berth.model.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build attributes beyond context, Dockerfile, args, target, labels, network, cache and
 * tags; which of them the classic builder can take is the executor's to say.
 *
 * @param dockerfileInline the Dockerfile's text, instead of a file
 * @param ssh agent sockets or keys by id; a null value is the default agent ({@code default})
 * @param additionalContexts named contexts: absolute paths, or URLs, {@code service:} and image references as written
 * @param extraHosts {@code host:address}, as for a service
 * @param secrets build secrets; the target is the id the Dockerfile mounts, the source by default
 * @param ulimits by name, each {@code [soft, hard]}, or {@code [limit]} for both when written as one number
 * @param provenance and {@code sbom}: as written, {@code "true"} for a YAML true
 */
public record BuildExtras(
    Optional<String> dockerfileInline,
    Map<String, String> ssh,
    List<String> cacheFrom,
    List<String> cacheTo,
    List<String> noCacheFilter,
    Map<String, String> additionalContexts,
    List<String> extraHosts,
    Optional<String> isolation,
    boolean privileged,
    List<FileReference> secrets,
    Optional<Long> shmSize,
    Map<String, List<Long>> ulimits,
    List<String> platforms,
    List<String> entitlements,
    Optional<String> provenance,
    Optional<String> sbom) {

  public BuildExtras {
    // ssh keeps null values (the default agent), which Map.copyOf would refuse.
    ssh = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(ssh));
    cacheFrom = List.copyOf(cacheFrom);
    cacheTo = List.copyOf(cacheTo);
    noCacheFilter = List.copyOf(noCacheFilter);
    additionalContexts = Maps.sortedCopy(additionalContexts);
    extraHosts = List.copyOf(extraHosts);
    secrets = List.copyOf(secrets);
    ulimits = Maps.sortedCopy(ulimits);
    platforms = List.copyOf(platforms);
    entitlements = List.copyOf(entitlements);
  }

  public static BuildExtras none() {
    return new BuildExtras(Optional.empty(), Map.of(), List.of(), List.of(), List.of(), Map.of(), List.of(), Optional.empty(),
        false, List.of(), Optional.empty(), Map.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
  }
}
