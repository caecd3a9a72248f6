package io.berth.model.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order in which {@code docker compose config} prints keys: the field order of compose-go's
 * structs ({@code types/types.go}, {@code build.go}, {@code develop.go}, ...), which go-yaml and
 * Go's JSON encoder follow, and sorted keys for the fields that are Go maps. Applied to a canonical
 * map after it is built, so an attribute falls into its place whatever order it was put in. A key
 * no struct names (an {@code x-*} extension) comes after the struct's fields, sorted, as go-yaml
 * prints an inline map.
 *
 * <p>"Sorted" differs between the two outputs: go-yaml sorts map keys in its own natural order
 * ({@link #GO_YAML_KEYS}: {@code web9} before {@code web10}, {@code A_B} before {@code AB}), Go's
 * JSON encoder by bytes ({@link #GO_JSON_KEYS}).
 */
public final class CanonicalOrder {
  /** How a value's keys are ordered. */
  sealed interface Shape permits Leaf, Struct, MapOf, ListOf {}

  /** A scalar, or a value whose order is left as it is. */
  record Leaf() implements Shape {}

  /** A Go struct: its fields in declaration order, some with a shape of their own. */
  record Struct(List<String> fields, Map<String, Shape> nested) implements Shape {
    Struct with(String field, Shape shape) {
      Map<String, Shape> more = new LinkedHashMap<>(nested);
      more.put(field, shape);
      return new Struct(fields, more);
    }
  }

  /** A Go map: keys sorted, every value of one shape. */
  record MapOf(Shape value) implements Shape {}

  /** A Go slice: every item of one shape. */
  record ListOf(Shape item) implements Shape {}

  private static final Shape LEAF = new Leaf();
  private static final Shape MAP = new MapOf(LEAF);

  private static Struct struct(String... fields) {
    return new Struct(List.of(fields), Map.of());
  }

  private static Shape listOf(Shape item) {
    return new ListOf(item);
  }

  private static Shape mapOf(Shape value) {
    return new MapOf(value);
  }

  static final Struct ULIMIT = struct("single", "soft", "hard");
  static final Struct FILE_REFERENCE = struct("source", "target", "uid", "gid", "mode");
  static final Struct DEVICE_REQUEST = struct("capabilities", "driver", "count", "device_ids", "options")
      .with("options", MAP);
  static final Struct HOOK = struct("command", "image", "user", "privileged", "working_dir", "environment", "per_replica")
      .with("environment", MAP);

  static final Struct BUILD = struct("context", "dockerfile", "dockerfile_inline", "entitlements", "args", "provenance",
      "sbom", "ssh", "labels", "cache_from", "cache_to", "no_cache", "no_cache_filter", "additional_contexts", "pull",
      "extra_hosts", "isolation", "network", "target", "secrets", "shm_size", "tags", "ulimits", "platforms", "privileged")
      .with("args", MAP).with("labels", MAP).with("additional_contexts", MAP)
      .with("secrets", listOf(FILE_REFERENCE)).with("ulimits", mapOf(ULIMIT));

  static final Struct DEVELOP = struct("watch")
      .with("watch", listOf(struct("path", "action", "target", "exec", "include", "ignore", "initial_sync")
          .with("exec", HOOK)));

  private static final Struct WEIGHT_DEVICE = struct("path", "weight");
  private static final Struct THROTTLE_DEVICE = struct("path", "rate");
  static final Struct BLKIO = struct("weight", "weight_device", "device_read_bps", "device_read_iops",
      "device_write_bps", "device_write_iops")
      .with("weight_device", listOf(WEIGHT_DEVICE)).with("device_read_bps", listOf(THROTTLE_DEVICE))
      .with("device_read_iops", listOf(THROTTLE_DEVICE)).with("device_write_bps", listOf(THROTTLE_DEVICE))
      .with("device_write_iops", listOf(THROTTLE_DEVICE));

  private static final Struct UPDATE = struct("parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order");
  private static final Struct RESOURCE = struct("cpus", "memory", "pids", "devices", "generic_resources")
      .with("devices", listOf(DEVICE_REQUEST))
      .with("generic_resources", listOf(struct("discrete_resource_spec").with("discrete_resource_spec", struct("kind", "value"))));
  static final Struct DEPLOY = struct("mode", "replicas", "labels", "update_config", "rollback_config", "resources",
      "restart_policy", "placement", "endpoint_mode")
      .with("labels", MAP).with("update_config", UPDATE).with("rollback_config", UPDATE)
      .with("resources", struct("limits", "reservations").with("limits", RESOURCE).with("reservations", RESOURCE))
      .with("restart_policy", struct("condition", "delay", "max_attempts", "window"))
      .with("placement", struct("constraints", "preferences", "max_replicas_per_node")
          .with("preferences", listOf(struct("spread"))));

  static final Struct PORT = struct("name", "mode", "host_ip", "target", "published", "protocol", "app_protocol");
  static final Struct HEALTHCHECK = struct("test", "timeout", "interval", "retries", "start_period", "start_interval", "disable");
  static final Struct DEPENDENCY = struct("condition", "restart", "required");
  static final Struct SERVICE_VOLUME = struct("type", "source", "target", "read_only", "consistency", "bind", "volume",
      "tmpfs", "image")
      .with("bind", struct("selinux", "propagation", "create_host_path", "recursive"))
      .with("volume", struct("labels", "nocopy", "subpath").with("labels", MAP))
      .with("tmpfs", struct("size", "mode"))
      .with("image", struct("subpath"));
  static final Struct SERVICE_NETWORK = struct("aliases", "driver_opts", "gw_priority", "interface_name", "ipv4_address",
      "ipv6_address", "link_local_ips", "mac_address", "priority")
      .with("driver_opts", MAP);

  /** compose-go's {@code ServiceConfig}, field by field. */
  public static final Struct SERVICE = struct(
      "profiles", "annotations", "attach", "build", "develop", "blkio_config", "cap_add", "cap_drop", "cgroup_parent",
      "cgroup", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset",
      "cpu_shares", "command", "configs", "container_name", "credential_spec", "depends_on", "deploy",
      "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "dockerfile", "domainname", "entrypoint",
      "provider", "environment", "env_file", "expose", "extends", "external_links", "extra_hosts", "group_add", "gpus",
      "hostname", "healthcheck", "image", "init", "ipc", "isolation", "labels", "label_file", "links", "logging",
      "log_driver", "log_opt", "mem_limit", "mem_reservation", "memswap_limit", "mem_swappiness", "mac_address", "models",
      "net", "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports",
      "privileged", "pull_policy", "read_only", "restart", "runtime", "scale", "secrets", "security_opt", "shm_size",
      "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits",
      "use_api_socket", "user", "userns_mode", "uts", "volume_driver", "volumes", "volumes_from", "working_dir",
      "pre_start", "post_start", "pre_stop")
      .with("annotations", MAP).with("build", BUILD).with("develop", DEVELOP).with("blkio_config", BLKIO)
      .with("configs", listOf(FILE_REFERENCE)).with("credential_spec", struct("config", "file", "registry"))
      .with("depends_on", mapOf(DEPENDENCY)).with("deploy", DEPLOY)
      .with("devices", listOf(struct("source", "target", "permissions")))
      .with("provider", struct("type", "options").with("options", MAP))
      .with("environment", MAP).with("env_file", listOf(struct("path", "required", "format")))
      .with("extends", struct("file", "service")).with("gpus", listOf(DEVICE_REQUEST))
      .with("healthcheck", HEALTHCHECK).with("labels", MAP)
      .with("logging", struct("driver", "options").with("options", MAP)).with("log_opt", MAP)
      .with("models", mapOf(struct("endpoint_var", "model_var")))
      .with("networks", mapOf(SERVICE_NETWORK)).with("ports", listOf(PORT))
      .with("secrets", listOf(FILE_REFERENCE)).with("storage_opt", MAP).with("sysctls", MAP)
      .with("ulimits", mapOf(ULIMIT)).with("volumes", listOf(SERVICE_VOLUME))
      .with("pre_start", listOf(HOOK)).with("post_start", listOf(HOOK)).with("pre_stop", listOf(HOOK));

  static final Struct NETWORK = struct("name", "driver", "driver_opts", "ipam", "external", "internal", "attachable",
      "labels", "enable_ipv4", "enable_ipv6")
      .with("driver_opts", MAP).with("labels", MAP)
      .with("ipam", struct("driver", "config", "options")
          .with("config", listOf(struct("subnet", "gateway", "ip_range", "aux_addresses").with("aux_addresses", MAP)))
          .with("options", MAP));
  static final Struct VOLUME = struct("name", "driver", "driver_opts", "external", "labels")
      .with("driver_opts", MAP).with("labels", MAP);
  static final Struct FILE_OBJECT = struct("name", "file", "environment", "content", "external", "labels", "driver",
      "driver_opts", "template_driver")
      .with("labels", MAP).with("driver_opts", MAP);
  static final Struct MODEL = struct("name", "model", "context_size", "runtime_flags");

  /** compose-go's {@code Project}: then {@code x-*} keys, sorted. */
  public static final Struct PROJECT = struct("name", "services", "networks", "volumes", "secrets", "configs", "models")
      .with("services", mapOf(SERVICE)).with("networks", mapOf(NETWORK)).with("volumes", mapOf(VOLUME))
      .with("secrets", mapOf(FILE_OBJECT)).with("configs", mapOf(FILE_OBJECT)).with("models", mapOf(MODEL));

  /** Go's string order, byte by byte (code point by code point), as {@code encoding/json} sorts map keys. */
  public static final Comparator<String> GO_JSON_KEYS = (a, b) -> {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    for (int i = 0; i < x.length && i < y.length; i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return Integer.compare(x.length, y.length);
  };

  /** go-yaml's {@code keyList.Less} for string keys: letters after other characters, runs of digits by value. */
  public static final Comparator<String> GO_YAML_KEYS =
      (a, b) -> less(a, b) ? -1 : less(b, a) ? 1 : GO_JSON_KEYS.compare(a, b); // never 0 for two keys, so none is lost

  private CanonicalOrder() {}

  private static boolean less(String a, String b) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    boolean digits = false;
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        digits = Character.isDigit(ar[i]);
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return ar[i] < br[i];
      }
      if (al || bl) {
        return digits ? al : bl;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      int bi = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
        an = an * 10 + (ar[ai] - '0');
      }
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
        bn = bn * 10 + (br[bi] - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ar[i] < br[i];
    }
    return ar.length < br.length;
  }

  /** A copy of {@code value} with every map's keys in the order the shape gives, maps sorted as go-yaml sorts them. */
  public static <T> T apply(Shape shape, T value) {
    return apply(shape, value, GO_YAML_KEYS);
  }

  /** As {@link #apply(Shape, Object)}, with map keys sorted by {@code keys}. */
  @SuppressWarnings("unchecked")
  public static <T> T apply(Shape shape, T value, Comparator<String> keys) {
    return (T) order(shape, value, keys);
  }

  @SuppressWarnings("unchecked")
  private static Object order(Shape shape, Object value, Comparator<String> keys) {
    if (value instanceof Map<?, ?> raw) {
      Map<String, Object> map = (Map<String, Object>) raw;
      if (shape instanceof Struct s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : s.fields()) {
          if (map.containsKey(field)) {
            out.put(field, order(s.nested().getOrDefault(field, LEAF), map.get(field), keys));
          }
        }
        sorted(map, keys).forEach((k, v) -> out.putIfAbsent(k, v));
        return out;
      }
      if (shape instanceof MapOf m) {
        Map<String, Object> out = new LinkedHashMap<>();
        sorted(map, keys).forEach((k, v) -> out.put(k, order(m.value(), v, keys)));
        return out;
      }
      return new LinkedHashMap<>(map);
    }
    if (value instanceof List<?> list && shape instanceof ListOf l) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(order(l.item(), item, keys)));
      return out;
    }
    return value;
  }

  private static Map<String, Object> sorted(Map<String, Object> map, Comparator<String> keys) {
    Map<String, Object> out = new TreeMap<>(keys);
    out.putAll(map);
    return out;
  }
}
