package io.berth.model.load;

import java.util.Set;

/** Which keys the loader reads, and which other keys the Compose Specification defines. */
final class Keys {
  private Keys() {}

  static final Set<String> TOP_SUPPORTED = Set.of("name", "services", "networks", "volumes", "version", "secrets", "configs",
      "include", "models");
  static final Set<String> TOP_SPEC = Set.of();

  /** Every service attribute of compose-go's schema (the Compose Specification's, and pre_start). */
  static final Set<String> SERVICE_SPEC = Set.of(
      "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command",
      "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
      "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop",
      "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "entrypoint", "env_file",
      "environment", "expose", "extends", "external_links", "extra_hosts", "gpus", "group_add", "healthcheck",
      "hostname", "image", "init", "ipc", "isolation", "label_file", "labels", "links", "logging", "mac_address",
      "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models", "network_mode", "networks",
      "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start", "pre_start", "pre_stop",
      "privileged", "profiles", "provider", "pull_policy", "pull_refresh_after", "read_only", "restart", "runtime",
      "scale", "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal",
      "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes",
      "volumes_from", "working_dir");

  /** The loader reads every service attribute the specification defines. */
  static final Set<String> SERVICE_SUPPORTED = SERVICE_SPEC;

  static final Set<String> NETWORK_SUPPORTED = Set.of("name", "driver", "external", "labels", "attachable", "driver_opts",
      "enable_ipv6", "enable_ipv4", "internal", "ipam");
  static final Set<String> NETWORK_SPEC = Set.of();
  static final Set<String> VOLUME_SUPPORTED = Set.of("name", "driver", "external", "labels", "driver_opts");
  static final Set<String> VOLUME_SPEC = Set.of();

  static final Set<String> SECRET_SUPPORTED = Set.of("file", "environment", "external", "name", "labels");
  static final Set<String> CONFIG_SUPPORTED = Set.of("file", "environment", "content", "external", "name", "labels");
  /** Swarm's, which the specification lists for secrets and configs. */
  static final Set<String> FILE_OBJECT_SPEC = Set.of("driver", "driver_opts", "template_driver");

  static final Set<String> RESTART = Set.of("no", "always", "on-failure", "unless-stopped");
  static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy", "service_completed_successfully");
}
