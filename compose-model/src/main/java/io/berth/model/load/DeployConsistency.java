package io.berth.model.load;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.Deploy;
import io.berth.model.yaml.YNode.YMap;
import java.util.Optional;
import java.util.function.Function;

/**
 * The service-level resource attributes and their {@code deploy.resources} twins must agree when
 * both are set, as compose-go checks: one container cannot have two memory limits.
 */
final class DeployConsistency {
  private DeployConsistency() {}

  static void check(YMap m, String path, Optional<Deploy> deploy) {
    if (deploy.isEmpty()) {
      return;
    }
    Optional<Deploy.Resource> limits = deploy.get().limits();
    Optional<Deploy.Resource> reservations = deploy.get().reservations();
    same(m, path, "cpus", "deploy.resources.limits.cpus", limits.flatMap(Deploy.Resource::cpus),
        n -> ServiceReader.decimal(n, path + ".cpus"));
    same(m, path, "mem_limit", "deploy.resources.limits.memory", limits.flatMap(Deploy.Resource::memory),
        n -> ServiceReader.bytes(n, path + ".mem_limit"));
    same(m, path, "mem_reservation", "deploy.resources.reservations.memory", reservations.flatMap(Deploy.Resource::memory),
        n -> ServiceReader.bytes(n, path + ".mem_reservation"));
    same(m, path, "pids_limit", "deploy.resources.limits.pids", limits.flatMap(Deploy.Resource::pids),
        n -> ServiceReader.signedLong(n, path + ".pids_limit"));
  }

  private static <T> void same(YMap m, String path, String key, String deployKey, Optional<T> deployValue,
      Function<io.berth.model.yaml.YNode, T> read) {
    Optional<T> value = ServiceReader.optional(m, key).map(read);
    if (value.isPresent() && deployValue.isPresent() && !value.get().equals(deployValue.get())) {
      throw new ComposeModelException(m.posOf(key), path + "." + key, "can't set distinct values on '" + key + "' and '"
          + deployKey + "': " + value.get() + " and " + deployValue.get());
    }
  }
}
