package io.berth.model.load;

import static io.berth.model.load.ServiceReader.decimal;
import static io.berth.model.load.ServiceReader.duration;
import static io.berth.model.load.ServiceReader.flag;
import static io.berth.model.load.ServiceReader.optional;
import static io.berth.model.load.ServiceReader.signedLong;
import static io.berth.model.load.ServiceReader.stringOrList;
import static io.berth.model.load.ServiceReader.strings;
import static io.berth.model.load.ServiceReader.text;
import static io.berth.model.load.ServiceReader.words;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import io.berth.model.spec.Blkio;
import io.berth.model.spec.Deploy;
import io.berth.model.spec.Develop;
import io.berth.model.spec.DeviceMapping;
import io.berth.model.spec.DeviceRequest;
import io.berth.model.spec.EngineSettings;
import io.berth.model.spec.Endpoint;
import io.berth.model.spec.Hook;
import io.berth.model.spec.Links;
import io.berth.model.spec.Model;
import io.berth.model.spec.PreStartStep;
import io.berth.model.spec.Provider;
import io.berth.model.spec.ServiceExtras;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads the attributes of {@link ServiceExtras} from a service mapping, in every syntax Compose
 * accepts, checking each value and each reference to another service or model.
 */
final class ExtrasReader {
  private static final Set<String> WATCH_ACTIONS = Set.of("rebuild", "sync", "restart", "sync+restart", "sync+exec");

  private final Function<String, Optional<String>> environment;
  private final ServiceReader.Declared declared;
  private final UnaryOperator<String> resolveHostPath;

  ExtrasReader(Function<String, Optional<String>> environment, ServiceReader.Declared declared,
      UnaryOperator<String> resolveHostPath) {
    this.environment = environment;
    this.declared = declared;
    this.resolveHostPath = resolveHostPath;
  }

  ServiceExtras read(YMap m, String path) {
    return new ServiceExtras(
        engine(m, path),
        links(m, path),
        optional(m, "deploy").map(n -> deploy(n, path + ".deploy")),
        optional(m, "attach").map(n -> Nodes.bool(n, path + ".attach")).orElse(true),
        hooks(m, "post_start", path),
        hooks(m, "pre_stop", path),
        optional(m, "develop").map(n -> develop(n, path + ".develop")),
        optional(m, "provider").map(n -> provider(n, path + ".provider")),
        models(m, path),
        flag(m, "use_api_socket", path),
        text(m, "pull_refresh_after", path),
        endpoints(m, path),
        preStart(m, path),
        Nodes.extensions(m));
  }

  private List<PreStartStep> preStart(YMap m, String path) {
    List<PreStartStep> out = new ArrayList<>();
    Optional<String> serviceImage = text(m, "image", path);
    optional(m, "pre_start").ifPresent(n -> forEachMap(n, path + ".pre_start", (h, at) -> {
      KeyCheck.check(h, at, Set.of("command", "image", "user", "privileged", "working_dir", "environment", "per_replica"),
          Set.of(), "pre_start");
      out.add(new PreStartStep(optional(h, "command").map(c -> words(c, at + ".command")),
          text(h, "image", at).or(() -> serviceImage), text(h, "user", at), flag(h, "privileged", at),
          text(h, "working_dir", at), hookEnvironment(h, at), flag(h, "per_replica", at)));
    }));
    return out;
  }

  /** The endpoint settings of each network in the mapping form of {@code networks}. */
  private static Map<String, Endpoint> endpoints(YMap m, String path) {
    Map<String, Endpoint> out = new LinkedHashMap<>();
    if (optional(m, "networks").orElse(null) instanceof YMap networks) {
      networks.entries().forEach((network, value) -> {
        String at = path + ".networks." + network;
        if (value instanceof YMap o) {
          Endpoint e = new Endpoint(text(o, "mac_address", at), strings(o, "link_local_ips", at),
              optional(o, "driver_opts").map(n -> Nodes.stringMap(n, at + ".driver_opts")).orElse(Map.of()),
              optional(o, "priority").map(n -> (int) signedLong(n, at + ".priority")),
              optional(o, "gw_priority").map(n -> (int) signedLong(n, at + ".gw_priority")),
              text(o, "interface_name", at));
          // Kept even when empty: `x: {}` is printed and hashed as {}, unlike `x:` or `[x]` (null), as in compose-go.
          out.put(network, e);
        }
      });
    }
    return out;
  }

  private EngineSettings engine(YMap m, String path) {
    return new EngineSettings(
        optional(m, "annotations").map(n -> Nodes.stringMap(n, path + ".annotations")).orElse(Map.of()),
        optional(m, "cgroup").map(n -> oneOf(n, path + ".cgroup", Set.of("host", "private"))),
        longValue(m, "cpu_count", path, 0, Long.MAX_VALUE),
        longValue(m, "cpu_percent", path, 0, 100),
        longValue(m, "cpu_period", path, Long.MIN_VALUE, Long.MAX_VALUE),
        longValue(m, "cpu_quota", path, Long.MIN_VALUE, Long.MAX_VALUE),
        longValue(m, "cpu_rt_period", path, Long.MIN_VALUE, Long.MAX_VALUE),
        longValue(m, "cpu_rt_runtime", path, Long.MIN_VALUE, Long.MAX_VALUE),
        longValue(m, "mem_swappiness", path, 0, 100),
        optional(m, "blkio_config").map(n -> blkio(n, path + ".blkio_config")),
        strings(m, "device_cgroup_rules", path),
        optional(m, "storage_opt").map(n -> Nodes.stringMap(n, path + ".storage_opt")).orElse(Map.of()),
        gpus(m, path),
        text(m, "uts", path),
        text(m, "isolation", path),
        text(m, "platform", path),
        text(m, "mac_address", path),
        optional(m, "credential_spec").map(n -> {
          String at = path + ".credential_spec";
          YMap c = Nodes.map(n, at);
          KeyCheck.check(c, at, Set.of("config", "file", "registry"), Set.of(), "credential_spec");
          return new EngineSettings.CredentialSpec(text(c, "config", at), text(c, "file", at), text(c, "registry", at));
        }));
  }

  private static Optional<Long> longValue(YMap m, String key, String path, long min, long max) {
    return optional(m, key).map(n -> {
      long v = signedLong(n, path + "." + key);
      if (v < min || v > max) {
        throw new ComposeModelException(n.pos(), path + "." + key, "must be between " + min + " and " + max + ", found " + v);
      }
      return v;
    });
  }

  private static String oneOf(YNode node, String path, Set<String> accepted) {
    String v = Nodes.text(node, path);
    if (!accepted.contains(v)) {
      throw new ComposeModelException(node.pos(), path, "invalid value \"" + v + "\" (accepted: "
          + String.join(", ", new java.util.TreeSet<>(accepted)) + ")");
    }
    return v;
  }

  private static Blkio blkio(YNode node, String path) {
    YMap b = Nodes.map(node, path);
    KeyCheck.check(b, path, Set.of("weight", "weight_device", "device_read_bps", "device_read_iops", "device_write_bps",
        "device_write_iops"), Set.of(), "blkio_config");
    List<Blkio.WeightDevice> weights = new ArrayList<>();
    optional(b, "weight_device").ifPresent(n -> forEachMap(n, path + ".weight_device", (d, at) -> {
      KeyCheck.check(d, at, Set.of("path", "weight"), Set.of(), "weight_device");
      weights.add(new Blkio.WeightDevice(required(d, "path", at), (int) weight(requiredNode(d, "weight", at), at + ".weight")));
    }));
    return new Blkio(
        optional(b, "weight").map(n -> (int) weight(n, path + ".weight")),
        weights,
        throttles(b, "device_read_bps", path, true),
        throttles(b, "device_read_iops", path, false),
        throttles(b, "device_write_bps", path, true),
        throttles(b, "device_write_iops", path, false));
  }

  private static long weight(YNode n, String path) {
    long w = signedLong(n, path);
    if (w < 10 || w > 1000) {
      throw new ComposeModelException(n.pos(), path, "must be between 10 and 1000, found " + w);
    }
    return w;
  }

  private static List<Blkio.Throttle> throttles(YMap b, String key, String path, boolean bytes) {
    List<Blkio.Throttle> out = new ArrayList<>();
    optional(b, key).ifPresent(n -> forEachMap(n, path + "." + key, (d, at) -> {
      KeyCheck.check(d, at, Set.of("path", "rate"), Set.of(), key);
      YNode rate = requiredNode(d, "rate", at);
      out.add(new Blkio.Throttle(required(d, "path", at), bytes ? ServiceReader.bytes(rate, at + ".rate") : signedLong(rate, at + ".rate")));
    }));
    return out;
  }

  private interface MapItem {
    void accept(YMap item, String at);
  }

  private static void forEachMap(YNode node, String path, MapItem each) {
    YSeq seq = Nodes.seq(node, path);
    for (int i = 0; i < seq.items().size(); i++) {
      String at = path + "[" + i + "]";
      each.accept(Nodes.map(seq.items().get(i), at), at);
    }
  }

  private static String required(YMap m, String key, String path) {
    return Nodes.text(requiredNode(m, key, path), path + "." + key);
  }

  private static YNode requiredNode(YMap m, String key, String path) {
    return optional(m, key).orElseThrow(() -> new ComposeModelException(m.pos(), path, key + " is required"));
  }

  /** {@code gpus: all}, or a list of device requests. */
  private static List<DeviceRequest> gpus(YMap m, String path) {
    Optional<YNode> node = optional(m, "gpus");
    if (node.isEmpty()) {
      return List.of();
    }
    if (node.get() instanceof YScalar s) {
      if (!Nodes.text(s, path + ".gpus").equalsIgnoreCase("all")) {
        throw new ComposeModelException(s.pos(), path + ".gpus", "invalid value \"" + s.value() + "\" (accepted: all, or a list of device requests)");
      }
      return List.of(new DeviceRequest(List.of(), Optional.empty(), Optional.of(-1L), List.of(), Map.of()));
    }
    return deviceRequests(node.get(), path + ".gpus", false);
  }

  private static List<DeviceRequest> deviceRequests(YNode node, String path, boolean capabilitiesRequired) {
    List<DeviceRequest> out = new ArrayList<>();
    forEachMap(node, path, (d, at) -> {
      KeyCheck.check(d, at, Set.of("capabilities", "driver", "count", "device_ids", "options"), Set.of(), "device request");
      if (optional(d, "count").isPresent() && optional(d, "device_ids").isPresent()) {
        throw new ComposeModelException(d.posOf("device_ids"), at, "\"count\" and \"device_ids\" attributes are exclusive");
      }
      if (capabilitiesRequired && optional(d, "capabilities").isEmpty()) {
        throw new ComposeModelException(d.pos(), at, "capabilities is required");
      }
      Optional<Long> count = optional(d, "count").map(n -> {
        String text = Nodes.text(n, at + ".count");
        if (text.equalsIgnoreCase("all")) {
          return -1L;
        }
        if (!text.matches("-?[0-9]{1,18}")) {
          throw new ComposeModelException(n.pos(), at + ".count", "invalid value \"" + text + "\", the only value allowed is 'all' or a number");
        }
        return Long.parseLong(text);
      });
      List<String> ids = strings(d, "device_ids", at);
      // Neither a count nor ids means every device, as compose-go's defaults say.
      out.add(new DeviceRequest(strings(d, "capabilities", at), text(d, "driver", at),
          count.isEmpty() && ids.isEmpty() ? Optional.of(-1L) : count, ids,
          optional(d, "options").map(n -> Nodes.stringMap(n, at + ".options")).orElse(Map.of())));
    });
    return out;
  }

  /** {@code /dev/x[:/dev/y[:rwm]]} or {@code {source, target, permissions}}. */
  static List<DeviceMapping> devices(YMap m, String path) {
    List<DeviceMapping> out = new ArrayList<>();
    optional(m, "devices").ifPresent(n -> {
      YSeq seq = Nodes.seq(n, path + ".devices");
      for (int i = 0; i < seq.items().size(); i++) {
        YNode item = seq.items().get(i);
        String at = path + ".devices[" + i + "]";
        DeviceMapping d;
        if (item instanceof YMap long_) {
          KeyCheck.check(long_, at, Set.of("source", "target", "permissions"), Set.of(), "device");
          String source = required(long_, "source", at);
          d = new DeviceMapping(source, text(long_, "target", at).orElse(source), text(long_, "permissions", at).orElse("rwm"));
        } else {
          String spec = Nodes.text(item, at);
          String[] parts = spec.split(":", -1);
          if (parts.length > 3 || parts[0].isEmpty()) {
            throw new ComposeModelException(item.pos(), at, "confusing device mapping \"" + spec + "\", please use long syntax");
          }
          // As compose-go: the second part is always the target, even when it reads like permissions.
          String target = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : parts[0];
          d = new DeviceMapping(parts[0], target, parts.length > 2 ? parts[2] : "rwm");
        }
        // A later entry for the same target replaces the earlier one, as when files merge.
        final String target = d.target();
        out.removeIf(e -> e.target().equals(target));
        out.add(d);
      }
    });
    return out;
  }

  private Links links(YMap m, String path) {
    String service = path.substring("services.".length());
    List<String> links = strings(m, "links", path);
    for (int i = 0; i < links.size(); i++) {
      String link = links.get(i);
      String target = link.split(":", 2)[0];
      YNode item = ((YSeq) m.get("links")).items().get(i);
      if (target.isEmpty() || link.split(":", -1).length > 2) {
        throw new ComposeModelException(item.pos(), path + ".links[" + i + "]", "invalid link \"" + link + "\" (accepted: SERVICE[:ALIAS])");
      }
      if (!declared.services().contains(target)) {
        throw new ComposeModelException(item.pos(), path + ".links[" + i + "]",
            "service \"" + service + "\" depends on undefined service \"" + target + "\": invalid compose project");
      }
    }
    List<String> volumesFrom = strings(m, "volumes_from", path);
    for (int i = 0; i < volumesFrom.size(); i++) {
      String entry = volumesFrom.get(i);
      YNode item = ((YSeq) m.get("volumes_from")).items().get(i);
      String at = path + ".volumes_from[" + i + "]";
      String[] parts = entry.split(":", -1);
      boolean container = parts[0].equals("container");
      int modeAt = container ? 2 : 1;
      boolean valid = parts.length <= modeAt + 1 && !parts[0].isEmpty() && (!container || parts.length >= 2 && !parts[1].isEmpty())
          && (parts.length <= modeAt || parts[modeAt].equals("ro") || parts[modeAt].equals("rw"));
      if (!valid) {
        throw new ComposeModelException(item.pos(), at,
            "invalid volumes_from \"" + entry + "\" (accepted: SERVICE[:ro|rw] or container:NAME[:ro|rw])");
      }
      if (!container && !declared.services().contains(parts[0])) {
        throw new ComposeModelException(item.pos(), at,
            "service \"" + service + "\" depends on undefined service \"" + parts[0] + "\": invalid compose project");
      }
    }
    // links de-duplicate by value, as when files merge; the rest keep every entry.
    return new Links(links.stream().distinct().toList(), strings(m, "external_links", path), volumesFrom);
  }

  /** {@code deploy}, every key the Compose Specification allows. */
  static Deploy deploy(YNode node, String path) {
    YMap d = Nodes.map(node, path);
    KeyCheck.check(d, path, Set.of("mode", "replicas", "endpoint_mode", "labels", "placement", "resources",
        "restart_policy", "rollback_config", "update_config"), Set.of(), "deploy");
    Optional<Deploy.Resource> limits = Optional.empty();
    Optional<Deploy.Resource> reservations = Optional.empty();
    if (optional(d, "resources").isPresent()) {
      String at = path + ".resources";
      YMap r = Nodes.map(d.get("resources"), at);
      KeyCheck.check(r, at, Set.of("limits", "reservations"), Set.of(), "resources");
      limits = optional(r, "limits").map(n -> resource(n, at + ".limits", false));
      reservations = optional(r, "reservations").map(n -> resource(n, at + ".reservations", true));
    }
    return new Deploy(
        optional(d, "mode").map(n -> oneOf(n, path + ".mode", Set.of("replicated", "global", "replicated-job", "global-job"))),
        optional(d, "replicas").map(n -> ServiceReader.count(n, path + ".replicas")),
        optional(d, "endpoint_mode").map(n -> oneOf(n, path + ".endpoint_mode", Set.of("vip", "dnsrr"))),
        optional(d, "labels").map(n -> Nodes.stringMap(n, path + ".labels")).orElse(Map.of()),
        limits,
        reservations,
        optional(d, "restart_policy").map(n -> restartPolicy(n, path + ".restart_policy")),
        optional(d, "placement").map(n -> placement(n, path + ".placement")),
        optional(d, "update_config").map(n -> updateConfig(n, path + ".update_config")),
        optional(d, "rollback_config").map(n -> updateConfig(n, path + ".rollback_config")));
  }

  private static Deploy.Resource resource(YNode node, String path, boolean reservation) {
    YMap r = Nodes.map(node, path);
    KeyCheck.check(r, path, reservation ? Set.of("cpus", "memory", "pids", "devices", "generic_resources")
        : Set.of("cpus", "memory", "pids"), Set.of(), reservation ? "reservations" : "limits");
    List<Deploy.GenericResource> generic = new ArrayList<>();
    optional(r, "generic_resources").ifPresent(n -> forEachMap(n, path + ".generic_resources", (g, at) -> {
      KeyCheck.check(g, at, Set.of("discrete_resource_spec"), Set.of(), "generic resource");
      String spec = at + ".discrete_resource_spec";
      YMap s = Nodes.map(requiredNode(g, "discrete_resource_spec", at), spec);
      KeyCheck.check(s, spec, Set.of("kind", "value"), Set.of(), "discrete_resource_spec");
      generic.add(new Deploy.GenericResource(required(s, "kind", spec), signedLong(requiredNode(s, "value", spec), spec + ".value")));
    }));
    return new Deploy.Resource(
        optional(r, "cpus").map(n -> decimal(n, path + ".cpus")),
        optional(r, "memory").map(n -> ServiceReader.bytes(n, path + ".memory")),
        optional(r, "pids").map(n -> signedLong(n, path + ".pids")),
        optional(r, "devices").map(n -> deviceRequests(n, path + ".devices", true)).orElse(List.of()),
        generic);
  }

  private static Deploy.RestartPolicy restartPolicy(YNode node, String path) {
    YMap r = Nodes.map(node, path);
    KeyCheck.check(r, path, Set.of("condition", "delay", "max_attempts", "window"), Set.of(), "restart_policy");
    return new Deploy.RestartPolicy(
        optional(r, "condition").map(n -> oneOf(n, path + ".condition", Set.of("none", "on-failure", "any"))),
        optional(r, "delay").map(n -> duration(n, path + ".delay")),
        optional(r, "max_attempts").map(n -> (long) ServiceReader.count(n, path + ".max_attempts")),
        optional(r, "window").map(n -> duration(n, path + ".window")));
  }

  private static Deploy.Placement placement(YNode node, String path) {
    YMap p = Nodes.map(node, path);
    KeyCheck.check(p, path, Set.of("constraints", "preferences", "max_replicas_per_node"), Set.of(), "placement");
    List<String> preferences = new ArrayList<>();
    optional(p, "preferences").ifPresent(n -> forEachMap(n, path + ".preferences", (pref, at) -> {
      KeyCheck.check(pref, at, Set.of("spread"), Set.of(), "placement preference");
      preferences.add(required(pref, "spread", at));
    }));
    return new Deploy.Placement(strings(p, "constraints", path), preferences,
        optional(p, "max_replicas_per_node").map(n -> (long) ServiceReader.count(n, path + ".max_replicas_per_node")));
  }

  private static Deploy.UpdateConfig updateConfig(YNode node, String path) {
    YMap u = Nodes.map(node, path);
    KeyCheck.check(u, path, Set.of("parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order"),
        Set.of(), "update_config");
    return new Deploy.UpdateConfig(
        optional(u, "parallelism").map(n -> (long) ServiceReader.count(n, path + ".parallelism")),
        optional(u, "delay").map(n -> duration(n, path + ".delay")),
        optional(u, "failure_action").map(n -> oneOf(n, path + ".failure_action", Set.of("continue", "rollback", "pause"))),
        optional(u, "monitor").map(n -> duration(n, path + ".monitor")),
        optional(u, "max_failure_ratio").map(n -> decimal(n, path + ".max_failure_ratio")),
        optional(u, "order").map(n -> oneOf(n, path + ".order", Set.of("start-first", "stop-first"))));
  }

  private List<Hook> hooks(YMap m, String key, String path) {
    List<Hook> out = new ArrayList<>();
    optional(m, key).ifPresent(n -> forEachMap(n, path + "." + key, (h, at) -> out.add(hook(h, at))));
    return out;
  }

  private Hook hook(YMap h, String path) {
    KeyCheck.check(h, path, Set.of("command", "user", "privileged", "working_dir", "environment"), Set.of(), "hook");
    return new Hook(words(requiredNode(h, "command", path), path + ".command"), text(h, "user", path),
        flag(h, "privileged", path), text(h, "working_dir", path), hookEnvironment(h, path));
  }

  /** A hook's {@code environment}; a bare name takes its value from the project environment, or is left out. */
  private Map<String, String> hookEnvironment(YMap h, String path) {
    Map<String, String> env = new LinkedHashMap<>();
    optional(h, "environment").ifPresent(n -> Nodes.keyValues(n, path + ".environment").forEach((k, v) -> {
      if (v instanceof YScalar s && s.isNull()) {
        environment.apply(k).ifPresent(value -> env.put(k, value));
      } else {
        env.put(k, Nodes.text(v, path + ".environment." + k));
      }
    }));
    return env;
  }

  private Develop develop(YNode node, String path) {
    YMap d = Nodes.map(node, path);
    KeyCheck.check(d, path, Set.of("watch"), Set.of(), "develop");
    List<Develop.Watch> watch = new ArrayList<>();
    optional(d, "watch").ifPresent(n -> forEachMap(n, path + ".watch", (w, at) -> {
      KeyCheck.check(w, at, Set.of("path", "action", "target", "ignore", "include", "initial_sync", "exec"), Set.of(), "watch");
      YNode p = requiredNode(w, "path", at);
      String rawPath = Nodes.text(p, at + ".path");
      if (rawPath.isBlank()) {
        throw new ComposeModelException(p.pos(), at + ".path", "value can't be blank");
      }
      YNode a = requiredNode(w, "action", at);
      String action = oneOf(a, at + ".action", WATCH_ACTIONS);
      Optional<String> target = text(w, "target", at).filter(t -> !t.isEmpty());
      if (target.isEmpty() && !action.equals("rebuild") && !action.equals("restart")) {
        throw new ComposeModelException(w.pos(), at, "target is required for non-rebuild actions");
      }
      watch.add(new Develop.Watch(resolveHostPath.apply(rawPath), action, target, stringOrList(w, "ignore", at),
          stringOrList(w, "include", at), flag(w, "initial_sync", at),
          optional(w, "exec").map(e -> hook(Nodes.map(e, at + ".exec"), at + ".exec"))));
    }));
    return new Develop(watch);
  }

  private static Provider provider(YNode node, String path) {
    YMap p = Nodes.map(node, path);
    KeyCheck.check(p, path, Set.of("type", "options"), Set.of(), "provider");
    Map<String, List<String>> options = new LinkedHashMap<>();
    optional(p, "options").ifPresent(n -> Nodes.map(n, path + ".options").entries().forEach((k, v) -> {
      String at = path + ".options." + k;
      if (v instanceof YSeq seq) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
          values.add(Nodes.text(seq.items().get(i), at + "[" + i + "]"));
        }
        options.put(k, values);
      } else {
        options.put(k, List.of(Nodes.text(v, at)));
      }
    }));
    return new Provider(required(p, "type", path), options);
  }

  /** {@code models: [name]} or a mapping of name to null or {@code {endpoint_var, model_var}}. */
  private Map<String, Model.Use> models(YMap m, String path) {
    Map<String, Model.Use> out = new LinkedHashMap<>();
    Optional<YNode> node = optional(m, "models");
    if (node.isEmpty()) {
      return out;
    }
    String at = path + ".models";
    Map<String, SourcePos> positions = new LinkedHashMap<>();
    if (node.get() instanceof YSeq seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        String key = Nodes.text(seq.items().get(i), at + "[" + i + "]");
        out.put(key, new Model.Use(Optional.empty(), Optional.empty()));
        positions.put(key, seq.items().get(i).pos());
      }
    } else {
      YMap map = Nodes.map(node.get(), at);
      map.entries().forEach((key, value) -> {
        YMap use = Nodes.mapOrNull(value, at + "." + key);
        KeyCheck.check(use, at + "." + key, Set.of("endpoint_var", "model_var"), Set.of(), "service model");
        out.put(key, new Model.Use(text(use, "endpoint_var", at + "." + key), text(use, "model_var", at + "." + key)));
        positions.put(key, map.posOf(key));
      });
    }
    positions.forEach((key, pos) -> {
      if (!declared.models().contains(key)) {
        throw new ComposeModelException(pos, at, "service \"" + path.substring("services.".length())
            + "\" refers to undefined model " + key + ": invalid compose project");
      }
    });
    return out;
  }

  /**
   * {@code label_file}: dotenv files read in order, a later file winning; {@code labels} is laid
   * over them by the caller. A missing file is an error.
   */
  Map<String, String> labelFiles(YMap m, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<YNode> node = optional(m, "label_file");
    if (node.isEmpty()) {
      return out;
    }
    List<YNode> entries = node.get() instanceof YSeq seq ? seq.items() : List.of(node.get());
    for (int i = 0; i < entries.size(); i++) {
      YNode entry = entries.get(i);
      String at = node.get() instanceof YSeq ? path + ".label_file[" + i + "]" : path + ".label_file";
      Path resolved = Path.of(resolveHostPath.apply(Nodes.text(entry, at)));
      if (!Files.isRegularFile(resolved)) {
        throw new ComposeModelException(entry.pos(), at, "label file " + resolved + " not found");
      }
      out.putAll(ProjectEnvironment.dotEnv(resolved, environment, w -> {}));
    }
    return out;
  }
}
