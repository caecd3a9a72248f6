package io.berth.model.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build attributes beyond context, Dockerfile, args, target, labels, network, cache and
 * tags: most need BuildKit, some the classic builder takes too.
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

  /** The attributes only BuildKit can honour, by their compose names, for those that are set. */
  public List<String> buildKitOnly() {
    List<String> out = new java.util.ArrayList<>();
    dockerfileInline.ifPresent(x -> out.add("dockerfile_inline"));
    if (!ssh.isEmpty()) {
      out.add("ssh");
    }
    if (!cacheTo.isEmpty()) {
      out.add("cache_to");
    }
    if (!noCacheFilter.isEmpty()) {
      out.add("no_cache_filter");
    }
    if (!additionalContexts.isEmpty()) {
      out.add("additional_contexts");
    }
    if (privileged) {
      out.add("privileged");
    }
    if (!secrets.isEmpty()) {
      out.add("secrets");
    }
    if (!entitlements.isEmpty()) {
      out.add("entitlements");
    }
    if (platforms.size() > 1) {
      out.add("platforms (more than one)");
    }
    provenance.filter(p -> !p.equals("false")).ifPresent(x -> out.add("provenance"));
    sbom.filter(p -> !p.equals("false")).ifPresent(x -> out.add("sbom"));
    return out;
  }
}
