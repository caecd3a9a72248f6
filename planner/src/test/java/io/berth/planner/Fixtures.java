package io.berth.planner;

import io.berth.model.diag.SourcePos;
import io.berth.model.hash.ConfigHash;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.Mount;
import io.berth.model.spec.Network;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.model.spec.Volume;
import io.berth.planner.labels.Labels;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedNetwork;
import io.berth.planner.observed.ObservedVolume;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small projects and observed states for planner tests, built in code rather than loaded. */
final class Fixtures {
  static final String PROJECT = "demo";

  private Fixtures() {}

  static Service service(String name, String... dependsOn) {
    Map<String, Dependency> deps = new LinkedHashMap<>();
    for (String d : dependsOn) {
      deps.put(d, Dependency.started());
    }
    return new Service(name, Optional.of("busybox:stable"), Optional.empty(), Optional.empty(), Map.of(),
        List.of(), List.of(), deps, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
        List.of("default"), new SourcePos(Path.of("/p/compose.yaml"), 2, 3));
  }

  static Service withVolume(Service s, String volume, String target) {
    return new Service(s.name(), s.image(), s.command(), s.entrypoint(), s.environment(), s.ports(),
        List.of(new Mount(Mount.Type.VOLUME, volume, target, false)), s.dependsOn(), s.restart(), s.containerName(),
        s.labels(), s.workingDir(), s.user(), s.networks(), s.pos());
  }

  static Service withEnvironment(Service s, String key, String value) {
    Map<String, String> env = new LinkedHashMap<>(s.environment());
    env.put(key, value);
    return new Service(s.name(), s.image(), s.command(), s.entrypoint(), env, s.ports(), s.volumes(), s.dependsOn(),
        s.restart(), s.containerName(), s.labels(), s.workingDir(), s.user(), s.networks(), s.pos());
  }

  static Service withScale(Service s, int replicas) {
    return new Service(s.name(), s.image(), s.command(), s.entrypoint(), s.environment(), s.ports(), s.volumes(),
        s.dependsOn(), s.restart(), s.containerName(), s.labels(), s.workingDir(), s.user(), s.networks(), s.build(),
        s.pullPolicy(), Optional.of(replicas), s.healthcheck(), s.profiles(), s.options(), s.secrets(), s.configs(),
        s.extras(), s.pos());
  }

  static Project project(Service... services) {
    Map<String, Service> byName = new LinkedHashMap<>();
    Map<String, Volume> volumes = new LinkedHashMap<>();
    for (Service s : services) {
      byName.put(s.name(), s);
      for (Mount m : s.volumes()) {
        if (m.type() == Mount.Type.VOLUME && !m.source().isEmpty()) {
          volumes.put(m.source(), new Volume(m.source(), PROJECT + "_" + m.source(), "", false, Map.of()));
        }
      }
    }
    return new Project(PROJECT, Path.of("/p"), List.of(Path.of("/p/compose.yaml")), byName,
        Map.of("default", new Network("default", PROJECT + "_default", "", false, Map.of())), volumes, Map.of());
  }

  /** A running container of {@code service} replica 1, created from {@code s} as it is now. */
  static ObservedContainer running(Service s) {
    return container(s, "running", ConfigHash.of(s));
  }

  static ObservedContainer container(Service s, String state, String hash) {
    return containerOf(s.name(), 1, state, hash);
  }

  static ObservedContainer containerOf(String service, int number, String state, String hash) {
    Map<String, String> labels = Map.of(
        Labels.PROJECT, PROJECT,
        Labels.SERVICE, service,
        Labels.CONTAINER_NUMBER, Integer.toString(number),
        Labels.ONEOFF, "False",
        Labels.CONFIG_HASH, hash);
    String id = String.format("%064x", (service + number).hashCode() & 0xffffffffL);
    return new ObservedContainer(id, PROJECT + "-" + service + "-" + number, state, "sha256:img", labels);
  }

  static ObservedNetwork defaultNetwork() {
    return new ObservedNetwork("n1", PROJECT + "_default", "bridge",
        Map.of(Labels.PROJECT, PROJECT, Labels.NETWORK, "default"));
  }

  static ObservedVolume volume(String key) {
    return new ObservedVolume(PROJECT + "_" + key, "local", Map.of(Labels.PROJECT, PROJECT, Labels.VOLUME, key));
  }
}
