package io.berth.model.load;

import io.berth.model.spec.Blkio;
import io.berth.model.spec.BuildExtras;
import io.berth.model.spec.Deploy;
import io.berth.model.spec.Develop;
import io.berth.model.spec.DeviceMapping;
import io.berth.model.spec.DeviceRequest;
import io.berth.model.spec.EngineSettings;
import io.berth.model.spec.Endpoint;
import io.berth.model.spec.Hook;
import io.berth.model.spec.Model;
import io.berth.model.spec.ServiceExtras;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ServiceExtras} attributes and top-level models in Compose's canonical form, for
 * {@link CanonicalForm}: long syntax, durations as Go prints them, byte sizes as decimal strings
 * (compose-go's {@code UnitBytes}), zero values left out.
 */
final class CanonicalExtras {
  private CanonicalExtras() {}

  static void put(ServiceExtras x, Map<String, Object> out) {
    engine(x.engine(), out);
    putList(out, "links", x.links().links());
    putList(out, "external_links", x.links().externalLinks());
    putList(out, "volumes_from", x.links().volumesFrom());
    x.deploy().ifPresent(d -> out.put("deploy", deploy(d)));
    if (!x.attach()) {
      out.put("attach", false);
    }
    if (!x.postStart().isEmpty()) {
      out.put("post_start", x.postStart().stream().map(h -> (Object) hook(h)).toList());
    }
    if (!x.preStart().isEmpty()) {
      out.put("pre_start", x.preStart().stream().map(p -> {
        Map<String, Object> m = new LinkedHashMap<>();
        p.command().ifPresent(c -> m.put("command", c));
        p.image().ifPresent(v -> m.put("image", v));
        p.user().ifPresent(v -> m.put("user", v));
        if (p.privileged()) {
          m.put("privileged", true);
        }
        p.workingDir().ifPresent(v -> m.put("working_dir", v));
        putMap(m, "environment", p.environment());
        if (p.perReplica()) {
          m.put("per_replica", true);
        }
        return (Object) m;
      }).toList());
    }
    if (!x.preStop().isEmpty()) {
      out.put("pre_stop", x.preStop().stream().map(h -> (Object) hook(h)).toList());
    }
    x.develop().ifPresent(d -> out.put("develop", develop(d)));
    x.provider().ifPresent(p -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", p.type());
      if (!p.options().isEmpty()) {
        m.put("options", new LinkedHashMap<>(p.options()));
      }
      out.put("provider", m);
    });
    if (!x.models().isEmpty()) {
      Map<String, Object> models = new LinkedHashMap<>();
      x.models().forEach((key, use) -> {
        Map<String, Object> m = new LinkedHashMap<>();
        use.endpointVar().ifPresent(v -> m.put("endpoint_var", v));
        use.modelVar().ifPresent(v -> m.put("model_var", v));
        models.put(key, m.isEmpty() ? null : m);
      });
      out.put("models", models);
    }
    if (x.useApiSocket()) {
      out.put("use_api_socket", true);
    }
    x.pullRefreshAfter().ifPresent(v -> out.put("pull_refresh_after", v));
  }

  private static void engine(EngineSettings e, Map<String, Object> out) {
    putMap(out, "annotations", e.annotations());
    e.cgroup().ifPresent(v -> out.put("cgroup", v));
    e.cpuCount().ifPresent(v -> out.put("cpu_count", v));
    e.cpuPercent().ifPresent(v -> out.put("cpu_percent", v));
    e.cpuPeriod().ifPresent(v -> out.put("cpu_period", v));
    e.cpuQuota().ifPresent(v -> out.put("cpu_quota", v));
    e.cpuRtPeriod().ifPresent(v -> out.put("cpu_rt_period", v));
    e.cpuRtRuntime().ifPresent(v -> out.put("cpu_rt_runtime", v));
    e.memSwappiness().ifPresent(v -> out.put("mem_swappiness", v));
    e.blkio().ifPresent(b -> out.put("blkio_config", blkio(b)));
    putList(out, "device_cgroup_rules", e.deviceCgroupRules());
    putMap(out, "storage_opt", e.storageOpt());
    if (!e.gpus().isEmpty()) {
      out.put("gpus", deviceRequests(e.gpus()));
    }
    e.uts().ifPresent(v -> out.put("uts", v));
    e.isolation().ifPresent(v -> out.put("isolation", v));
    e.platform().ifPresent(v -> out.put("platform", v));
    e.macAddress().ifPresent(v -> out.put("mac_address", v));
    e.credentialSpec().ifPresent(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      c.config().ifPresent(v -> m.put("config", v));
      c.file().ifPresent(v -> m.put("file", v));
      c.registry().ifPresent(v -> m.put("registry", v));
      out.put("credential_spec", m);
    });
  }

  static void build(BuildExtras b, Map<String, Object> out) {
    b.dockerfileInline().ifPresent(v -> out.put("dockerfile_inline", v));
    putList(out, "entitlements", b.entitlements());
    b.provenance().ifPresent(v -> out.put("provenance", v));
    b.sbom().ifPresent(v -> out.put("sbom", v));
    if (!b.ssh().isEmpty()) {
      out.put("ssh", new LinkedHashMap<>(b.ssh()));
    }
    putList(out, "cache_from", b.cacheFrom());
    putList(out, "cache_to", b.cacheTo());
    putList(out, "no_cache_filter", b.noCacheFilter());
    putMap(out, "additional_contexts", b.additionalContexts());
    putList(out, "extra_hosts", hosts(b.extraHosts()));
    b.isolation().ifPresent(v -> out.put("isolation", v));
    if (!b.secrets().isEmpty()) {
      out.put("secrets", CanonicalForm.fileReferences(b.secrets(), false));
    }
    b.shmSize().ifPresent(v -> out.put("shm_size", Long.toString(v)));
    if (!b.ulimits().isEmpty()) {
      out.put("ulimits", CanonicalForm.ulimits(b.ulimits()));
    }
    putList(out, "platforms", b.platforms());
    if (b.privileged()) {
      out.put("privileged", true);
    }
  }

  /** {@code host:address} entries as compose-go prints them: {@code host=address}, sorted. */
  static List<String> hosts(List<String> extraHosts) {
    return extraHosts.stream().map(h -> h.replaceFirst(":", "=")).sorted().toList();
  }

  /** A service network's endpoint settings, into that network's entry. */
  static void endpoint(Endpoint e, Map<String, Object> out) {
    if (e == null) {
      return;
    }
    putMap(out, "driver_opts", e.driverOpts());
    e.gwPriority().ifPresent(v -> out.put("gw_priority", v));
    e.interfaceName().ifPresent(v -> out.put("interface_name", v));
    putList(out, "link_local_ips", e.linkLocalIps());
    e.macAddress().ifPresent(v -> out.put("mac_address", v));
    e.priority().ifPresent(v -> out.put("priority", v));
  }

  static List<Object> devices(List<DeviceMapping> devices) {
    return devices.stream().map(d -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", d.source());
      m.put("target", d.target());
      m.put("permissions", d.permissions());
      return (Object) m;
    }).toList();
  }

  private static Map<String, Object> blkio(Blkio b) {
    Map<String, Object> m = new LinkedHashMap<>();
    b.weight().ifPresent(w -> m.put("weight", w));
    if (!b.weightDevice().isEmpty()) {
      m.put("weight_device", b.weightDevice().stream().map(d -> (Object) pair("path", d.path(), "weight", d.weight())).toList());
    }
    throttles(m, "device_read_bps", b.deviceReadBps());
    throttles(m, "device_read_iops", b.deviceReadIops());
    throttles(m, "device_write_bps", b.deviceWriteBps());
    throttles(m, "device_write_iops", b.deviceWriteIops());
    return m;
  }

  private static void throttles(Map<String, Object> m, String key, List<Blkio.Throttle> throttles) {
    if (!throttles.isEmpty()) {
      m.put(key, throttles.stream().map(t -> (Object) pair("path", t.path(), "rate", Long.toString(t.rate()))).toList());
    }
  }

  private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static List<Object> deviceRequests(List<DeviceRequest> requests) {
    return requests.stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      putList(m, "capabilities", r.capabilities());
      r.driver().ifPresent(v -> m.put("driver", v));
      r.count().ifPresent(v -> m.put("count", v));
      putList(m, "device_ids", r.deviceIds());
      putMap(m, "options", r.options());
      return (Object) m;
    }).toList();
  }

  private static Map<String, Object> deploy(Deploy d) {
    Map<String, Object> m = new LinkedHashMap<>();
    d.mode().ifPresent(v -> m.put("mode", v));
    d.replicas().ifPresent(v -> m.put("replicas", v));
    putMap(m, "labels", d.labels());
    d.updateConfig().ifPresent(u -> m.put("update_config", updateConfig(u)));
    d.rollbackConfig().ifPresent(u -> m.put("rollback_config", updateConfig(u)));
    if (d.limits().isPresent() || d.reservations().isPresent()) {
      Map<String, Object> resources = new LinkedHashMap<>();
      d.limits().ifPresent(r -> resources.put("limits", resource(r)));
      d.reservations().ifPresent(r -> resources.put("reservations", resource(r)));
      m.put("resources", resources);
    }
    d.restartPolicy().ifPresent(r -> {
      Map<String, Object> p = new LinkedHashMap<>();
      r.condition().ifPresent(v -> p.put("condition", v));
      putDuration(p, "delay", r.delay());
      r.maxAttempts().ifPresent(v -> p.put("max_attempts", v));
      putDuration(p, "window", r.window());
      m.put("restart_policy", p);
    });
    d.placement().ifPresent(p -> {
      Map<String, Object> pm = new LinkedHashMap<>();
      putList(pm, "constraints", p.constraints());
      if (!p.preferences().isEmpty()) {
        pm.put("preferences", p.preferences().stream().map(s -> (Object) Map.of("spread", s)).toList());
      }
      p.maxReplicasPerNode().ifPresent(v -> pm.put("max_replicas_per_node", v));
      m.put("placement", pm);
    });
    d.endpointMode().ifPresent(v -> m.put("endpoint_mode", v));
    return m;
  }

  private static Map<String, Object> resource(Deploy.Resource r) {
    Map<String, Object> m = new LinkedHashMap<>();
    r.cpus().ifPresent(v -> m.put("cpus", v));
    r.memory().ifPresent(v -> m.put("memory", Long.toString(v)));
    r.pids().ifPresent(v -> m.put("pids", v));
    if (!r.devices().isEmpty()) {
      m.put("devices", deviceRequests(r.devices()));
    }
    if (!r.genericResources().isEmpty()) {
      m.put("generic_resources", r.genericResources().stream()
          .map(g -> (Object) Map.of("discrete_resource_spec", pair("kind", g.kind(), "value", g.value()))).toList());
    }
    return m;
  }

  private static Map<String, Object> updateConfig(Deploy.UpdateConfig u) {
    Map<String, Object> m = new LinkedHashMap<>();
    u.parallelism().ifPresent(v -> m.put("parallelism", v));
    putDuration(m, "delay", u.delay());
    u.failureAction().ifPresent(v -> m.put("failure_action", v));
    putDuration(m, "monitor", u.monitor());
    u.maxFailureRatio().ifPresent(v -> m.put("max_failure_ratio", v));
    u.order().ifPresent(v -> m.put("order", v));
    return m;
  }

  private static Map<String, Object> hook(Hook h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", h.command());
    h.user().ifPresent(v -> m.put("user", v));
    if (h.privileged()) {
      m.put("privileged", true);
    }
    h.workingDir().ifPresent(v -> m.put("working_dir", v));
    putMap(m, "environment", h.environment());
    return m;
  }

  private static Map<String, Object> develop(Develop d) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!d.watch().isEmpty()) {
      m.put("watch", d.watch().stream().map(w -> {
        Map<String, Object> wm = new LinkedHashMap<>();
        wm.put("path", w.path());
        wm.put("action", w.action());
        w.target().ifPresent(v -> wm.put("target", v));
        w.exec().ifPresent(h -> wm.put("exec", hook(h)));
        putList(wm, "include", w.include());
        putList(wm, "ignore", w.ignore());
        if (w.initialSync()) {
          wm.put("initial_sync", true);
        }
        return (Object) wm;
      }).toList());
    }
    return m;
  }

  static Map<String, Object> models(Map<String, Model> models) {
    Map<String, Object> out = new LinkedHashMap<>();
    models.forEach((key, model) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      model.name().ifPresent(v -> m.put("name", v));
      m.put("model", model.model());
      model.contextSize().ifPresent(v -> m.put("context_size", v));
      putList(m, "runtime_flags", model.runtimeFlags());
      out.put(key, m);
    });
    return out;
  }

  private static void putDuration(Map<String, Object> m, String key, Optional<Duration> d) {
    d.ifPresent(v -> m.put(key, GoDurations.format(v)));
  }

  private static void putList(Map<String, Object> m, String key, List<String> values) {
    if (!values.isEmpty()) {
      m.put(key, values);
    }
  }

  private static void putMap(Map<String, Object> m, String key, Map<String, String> values) {
    if (!values.isEmpty()) {
      m.put(key, new LinkedHashMap<>(values));
    }
  }
}
