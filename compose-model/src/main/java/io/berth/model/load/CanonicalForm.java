package io.berth.model.load;

import io.berth.model.spec.BuildSpec;
import io.berth.model.spec.ContainerOptions;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.FileObject;
import io.berth.model.spec.FileReference;
import io.berth.model.spec.Healthcheck;
import io.berth.model.spec.Mount;
import io.berth.model.spec.Network;
import io.berth.model.spec.PortMapping;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.model.spec.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project as plain maps, lists and scalars in Compose's canonical long syntax: what
 * {@code config} prints and what the config hash is computed over. Keys come in the order
 * {@link CanonicalOrder} gives (compose-go's struct order); values are formatted as compose-go
 * marshals them (durations {@code 1m30s}, byte sizes and file modes as strings, {@code published}
 * a string); {@code $} is not yet re-escaped.
 */
public final class CanonicalForm {
  private CanonicalForm() {}

  public static Map<String, Object> project(Project p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.name());
    Map<String, Object> services = new LinkedHashMap<>();
    p.services().forEach((name, s) -> services.put(name, service(s)));
    out.put("services", services);
    if (!p.networks().isEmpty()) {
      Map<String, Object> networks = new LinkedHashMap<>();
      p.networks().forEach((key, n) -> networks.put(key, network(n)));
      out.put("networks", networks);
    }
    if (!p.volumes().isEmpty()) {
      Map<String, Object> volumes = new LinkedHashMap<>();
      p.volumes().forEach((key, v) -> volumes.put(key, volume(v)));
      out.put("volumes", volumes);
    }
    fileObjects(out, "secrets", p.secrets(), p.name());
    fileObjects(out, "configs", p.configs(), p.name());
    if (!p.models().isEmpty()) {
      out.put("models", CanonicalExtras.models(p.models()));
    }
    out.putAll(p.extensions());
    return CanonicalOrder.apply(CanonicalOrder.PROJECT, out);
  }

  /** The source of each, never a secret's value: {@code config} shows {@code environment: NAME}, not what it holds. */
  private static void fileObjects(Map<String, Object> out, String section, Map<String, FileObject> objects, String project) {
    if (objects.isEmpty()) {
      return;
    }
    Map<String, Object> all = new LinkedHashMap<>();
    objects.forEach((key, o) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      // As compose-go's normalization names it, unless the file does.
      m.put("name", o.name().orElse(o.external() ? key : project + "_" + key));
      if (o.external()) {
        m.put("external", true);
      }
      if (!o.labels().isEmpty()) {
        m.put("labels", new LinkedHashMap<>(o.labels()));
      }
      o.file().ifPresent(f -> m.put("file", f.toString()));
      o.environment().ifPresent(e -> m.put("environment", e));
      o.content().ifPresent(c -> m.put("content", c));
      all.put(key, m);
    });
    out.put(section, all);
  }

  /** A config's default target ({@code /<source>}) is one compose-go leaves unset, so it is not printed. */
  static List<Object> fileReferences(List<FileReference> refs, boolean configs) {
    return refs.stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", r.source());
      if (!(configs && r.target().equals("/" + r.source()))) {
        m.put("target", r.target());
      }
      r.uid().ifPresent(u -> m.put("uid", u));
      r.gid().ifPresent(g -> m.put("gid", g));
      // compose-go's FileMode marshals as an octal string.
      r.mode().ifPresent(mode -> m.put("mode", "0" + Integer.toOctalString(mode)));
      return (Object) m;
    }).toList();
  }

  public static Map<String, Object> service(Service s) {
    Map<String, Object> out = new TreeMap<>();
    if (!s.secrets().isEmpty()) {
      out.put("secrets", fileReferences(s.secrets(), false));
    }
    if (!s.configs().isEmpty()) {
      out.put("configs", fileReferences(s.configs(), true));
    }
    options(s.options(), out);
    CanonicalExtras.put(s.extras(), out);
    s.healthcheck().ifPresent(h -> out.put("healthcheck", healthcheck(h)));
    s.build().ifPresent(b -> out.put("build", build(b)));
    s.pullPolicy().ifPresent(p -> out.put("pull_policy", p));
    s.scale().ifPresent(n -> out.put("scale", n));
    if (!s.profiles().isEmpty()) {
      out.put("profiles", s.profiles());
    }
    s.command().ifPresent(c -> out.put("command", c));
    s.containerName().ifPresent(c -> out.put("container_name", c));
    if (!s.dependsOn().isEmpty()) {
      Map<String, Object> deps = new LinkedHashMap<>();
      s.dependsOn().forEach((name, d) -> deps.put(name, dependency(d)));
      out.put("depends_on", deps);
    }
    s.entrypoint().ifPresent(e -> out.put("entrypoint", e));
    if (!s.environment().isEmpty()) {
      out.put("environment", new LinkedHashMap<>(s.environment()));
    }
    s.image().ifPresent(i -> out.put("image", i));
    if (!s.labels().isEmpty()) {
      out.put("labels", new LinkedHashMap<>(s.labels()));
    }
    Map<String, Object> networks = new LinkedHashMap<>();
    for (String n : s.networks()) {
      Map<String, Object> options = new LinkedHashMap<>();
      if (s.options().aliases().containsKey(n)) {
        options.put("aliases", s.options().aliases().get(n));
      }
      if (s.options().ipv4Addresses().containsKey(n)) {
        options.put("ipv4_address", s.options().ipv4Addresses().get(n));
      }
      if (s.options().ipv6Addresses().containsKey(n)) {
        options.put("ipv6_address", s.options().ipv6Addresses().get(n));
      }
      CanonicalExtras.endpoint(s.extras().endpoints().get(n), options);
      networks.put(n, options.isEmpty() && !s.extras().endpoints().containsKey(n) ? null : options);
    }
    if (!networks.isEmpty()) {
      out.put("networks", networks);
    }
    if (!s.ports().isEmpty()) {
      List<Object> ports = new ArrayList<>();
      s.ports().forEach(p -> ports.add(port(p)));
      out.put("ports", ports);
    }
    s.restart().ifPresent(r -> out.put("restart", r));
    s.user().ifPresent(u -> out.put("user", u));
    if (!s.volumes().isEmpty()) {
      List<Object> volumes = new ArrayList<>();
      s.volumes().forEach(m -> volumes.add(mount(m)));
      out.put("volumes", volumes);
    }
    s.workingDir().ifPresent(w -> out.put("working_dir", w));
    out.putAll(s.extras().extensions());
    return CanonicalOrder.apply(CanonicalOrder.SERVICE, out);
  }

  private static void options(ContainerOptions o, Map<String, Object> out) {
    o.hostname().ifPresent(v -> out.put("hostname", v));
    o.domainname().ifPresent(v -> out.put("domainname", v));
    o.stopSignal().ifPresent(v -> out.put("stop_signal", v));
    o.stopGracePeriod().ifPresent(v -> out.put("stop_grace_period", GoDurations.format(v)));
    o.init().ifPresent(v -> out.put("init", v));
    putIf(out, "tty", o.tty());
    putIf(out, "stdin_open", o.stdinOpen());
    putIf(out, "privileged", o.privileged());
    putIf(out, "read_only", o.readOnly());
    putIf(out, "cap_add", o.capAdd());
    putIf(out, "cap_drop", o.capDrop());
    putIf(out, "extra_hosts", CanonicalExtras.hosts(o.extraHosts()));
    putIf(out, "dns", o.dns());
    putIf(out, "dns_search", o.dnsSearch());
    putIf(out, "expose", o.expose());
    putIf(out, "tmpfs", o.tmpfs());
    o.networkMode().ifPresent(v -> out.put("network_mode", v));
    o.ipc().ifPresent(v -> out.put("ipc", v));
    o.pid().ifPresent(v -> out.put("pid", v));
    o.usernsMode().ifPresent(v -> out.put("userns_mode", v));
    o.cgroupParent().ifPresent(v -> out.put("cgroup_parent", v));
    o.runtime().ifPresent(v -> out.put("runtime", v));
    putIf(out, "security_opt", o.securityOpt());
    putIf(out, "group_add", o.groupAdd());
    if (!o.devices().isEmpty()) {
      out.put("devices", CanonicalExtras.devices(o.devices()));
    }
    putIf(out, "dns_opt", o.dnsOpt());
    if (!o.sysctls().isEmpty()) {
      out.put("sysctls", new LinkedHashMap<>(o.sysctls()));
    }
    if (!o.ulimits().isEmpty()) {
      out.put("ulimits", ulimits(o.ulimits()));
    }
    // compose-go's UnitBytes marshals as a decimal string; cpus is a float32.
    o.shmSize().ifPresent(v -> out.put("shm_size", Long.toString(v)));
    o.memLimit().ifPresent(v -> out.put("mem_limit", Long.toString(v)));
    o.memReservation().ifPresent(v -> out.put("mem_reservation", Long.toString(v)));
    o.memswapLimit().ifPresent(v -> out.put("memswap_limit", Long.toString(v)));
    o.cpus().ifPresent(v -> out.put("cpus", v.floatValue()));
    o.cpuShares().ifPresent(v -> out.put("cpu_shares", v));
    o.cpuset().ifPresent(v -> out.put("cpuset", v));
    o.pidsLimit().ifPresent(v -> out.put("pids_limit", v));
    putIf(out, "oom_kill_disable", o.oomKillDisable());
    o.oomScoreAdj().ifPresent(v -> out.put("oom_score_adj", v));
    o.logging().ifPresent(l -> {
      Map<String, Object> logging = new LinkedHashMap<>();
      l.driver().ifPresent(d -> logging.put("driver", d));
      if (!l.options().isEmpty()) {
        logging.put("options", new LinkedHashMap<>(l.options()));
      }
      out.put("logging", logging);
    });
  }

  private static void putIf(Map<String, Object> out, String key, boolean value) {
    if (value) {
      out.put(key, true);
    }
  }

  private static void putIf(Map<String, Object> out, String key, List<String> value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }

  private static Map<String, Object> build(BuildSpec b) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("context", b.context().toString());
    if (!b.dockerfile().isEmpty()) {
      out.put("dockerfile", b.dockerfile());
    }
    if (!b.args().isEmpty()) {
      out.put("args", new LinkedHashMap<>(b.args()));
    }
    b.target().ifPresent(t -> out.put("target", t));
    if (!b.labels().isEmpty()) {
      out.put("labels", new LinkedHashMap<>(b.labels()));
    }
    b.network().ifPresent(n -> out.put("network", n));
    putIf(out, "no_cache", b.noCache());
    putIf(out, "pull", b.pull());
    putIf(out, "tags", b.tags());
    CanonicalExtras.build(b.extras(), out);
    return out;
  }

  private static Map<String, Object> healthcheck(Healthcheck h) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!h.test().isEmpty()) {
      out.put("test", h.test());
    }
    h.timeout().ifPresent(d -> out.put("timeout", GoDurations.format(d)));
    h.interval().ifPresent(d -> out.put("interval", GoDurations.format(d)));
    h.retries().ifPresent(r -> out.put("retries", r));
    h.startPeriod().ifPresent(d -> out.put("start_period", GoDurations.format(d)));
    h.startInterval().ifPresent(d -> out.put("start_interval", GoDurations.format(d)));
    if (h.disable()) {
      out.put("disable", true);
    }
    return out;
  }

  private static Map<String, Object> dependency(Dependency d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("condition", d.condition());
    if (d.restart()) {
      out.put("restart", true);
    }
    out.put("required", d.required());
    return out;
  }

  private static Map<String, Object> port(PortMapping p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", "ingress");
    if (!p.hostIp().isEmpty()) {
      out.put("host_ip", p.hostIp());
    }
    out.put("target", p.target());
    if (!p.published().isEmpty()) {
      out.put("published", p.published());
    }
    out.put("protocol", p.protocol());
    return out;
  }

  private static Map<String, Object> mount(Mount m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", m.type().name().toLowerCase());
    if (!m.source().isEmpty()) {
      out.put("source", m.source());
    }
    out.put("target", m.target());
    if (m.readOnly()) {
      out.put("read_only", true);
    }
    // The short syntax, compose-go's usual input, gives a bind an empty bind: and a volume an
    // empty volume: (create_host_path is true, which prints as nothing).
    Mount.Options options = m.options();
    if (m.type() == Mount.Type.BIND) {
      Map<String, Object> bind = new LinkedHashMap<>();
      options.selinux().ifPresent(v -> bind.put("selinux", v));
      options.propagation().ifPresent(v -> bind.put("propagation", v));
      if (!m.createHostPath()) {
        bind.put("create_host_path", false);
      }
      options.recursive().ifPresent(v -> bind.put("recursive", v));
      out.put("bind", bind);
    }
    if (m.type() == Mount.Type.VOLUME) {
      Map<String, Object> volume = new LinkedHashMap<>();
      if (!options.labels().isEmpty()) {
        volume.put("labels", new LinkedHashMap<>(options.labels()));
      }
      if (options.noCopy()) {
        volume.put("nocopy", true);
      }
      options.subpath().ifPresent(v -> volume.put("subpath", v));
      out.put("volume", volume);
    }
    if (m.type() == Mount.Type.TMPFS && !m.tmpfsOptions().isEmpty()) {
      // size is UnitBytes (a decimal string), mode a plain uint32 (0755 prints as 493).
      Map<String, Object> tmpfs = new LinkedHashMap<>();
      for (String o : m.tmpfsOptions().split(",")) {
        String[] kv = o.split("=", 2);
        tmpfs.put(kv[0], kv[0].equals("size") ? (Object) kv[1] : (Object) Integer.parseInt(kv[1], 8));
      }
      out.put("tmpfs", tmpfs);
    }
    return out;
  }

  private static Map<String, Object> network(Network n) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", n.name());
    if (!n.driver().isEmpty()) {
      out.put("driver", n.driver());
    }
    if (!n.driverOpts().isEmpty()) {
      out.put("driver_opts", new LinkedHashMap<>(n.driverOpts()));
    }
    n.ipam().ifPresent(ipam -> {
      Map<String, Object> m = new LinkedHashMap<>();
      ipam.driver().ifPresent(d -> m.put("driver", d));
      if (!ipam.config().isEmpty()) {
        m.put("config", ipam.config().stream().map(c -> (Object) new LinkedHashMap<>(c)).toList());
      }
      out.put("ipam", m);
    });
    putIf(out, "internal", n.internal());
    putIf(out, "attachable", n.attachable());
    putIf(out, "enable_ipv6", n.enableIpv6());
    n.enableIpv4().ifPresent(v -> out.put("enable_ipv4", v));
    if (n.external()) {
      out.put("external", true);
    }
    if (!n.labels().isEmpty()) {
      out.put("labels", new LinkedHashMap<>(n.labels()));
    }
    return out;
  }

  private static Map<String, Object> volume(Volume v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", v.name());
    if (!v.driver().isEmpty()) {
      out.put("driver", v.driver());
    }
    if (!v.driverOpts().isEmpty()) {
      out.put("driver_opts", new LinkedHashMap<>(v.driverOpts()));
    }
    if (v.external()) {
      out.put("external", true);
    }
    if (!v.labels().isEmpty()) {
      out.put("labels", new LinkedHashMap<>(v.labels()));
    }
    return out;
  }

  /** Each limit as written: {@code nofile: 1024} (a one-element list) or {@code {soft, hard}}, as compose-go keeps them. */
  static Map<String, Object> ulimits(Map<String, List<Long>> limits) {
    Map<String, Object> out = new LinkedHashMap<>();
    limits.forEach((k, v) -> {
      if (v.size() == 1) {
        out.put(k, v.get(0));
        return;
      }
      Map<String, Object> limit = new LinkedHashMap<>();
      limit.put("soft", v.get(0));
      limit.put("hard", v.get(1));
      out.put(k, limit);
    });
    return out;
  }
}
