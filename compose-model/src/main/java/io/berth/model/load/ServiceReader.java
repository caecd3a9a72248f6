package io.berth.model.load;

import io.berth.model.ComposeLoader;
import io.berth.model.diag.ComposeModelException;
import io.berth.model.diag.SourcePos;
import io.berth.model.spec.BuildExtras;
import io.berth.model.spec.BuildSpec;
import io.berth.model.spec.ContainerOptions;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.FileReference;
import io.berth.model.spec.Healthcheck;
import io.berth.model.spec.Links;
import io.berth.model.spec.Mount;
import io.berth.model.spec.PortMapping;
import io.berth.model.spec.Service;
import io.berth.model.spec.ServiceExtras;
import io.berth.model.yaml.Scalars;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads one merged service mapping into a {@link Service}, checking every value it reads. */
final class ServiceReader {
  private final Path projectDir;
  private final Function<String, Optional<String>> environment;
  private final Declared declared;
  private final Map<String, ComposeModelException> missingEnvFiles;
  private final boolean consistency;

  /** The names a service may refer to: other services (and which of them build), top-level volumes, networks, ... */
  record Declared(Set<String> services, Set<String> volumes, Set<String> networks, Set<String> secrets, Set<String> configs,
      Set<String> models, Set<String> buildable) {}

  /**
   * @param projectDir what relative bind sources resolve against
   * @param environment for bare {@code environment} entries and {@code ~} in paths
   */
  ServiceReader(Path projectDir, Function<String, Optional<String>> environment, Declared declared) {
    this(projectDir, environment, declared, null);
  }

  /**
   * @param missingEnvFiles where a service's missing required env file is noted (by service name)
   *     instead of failing the load; null to fail
   */
  ServiceReader(Path projectDir, Function<String, Optional<String>> environment, Declared declared,
      Map<String, ComposeModelException> missingEnvFiles) {
    this(projectDir, environment, declared, missingEnvFiles, true);
  }

  /** @param consistency false for {@code config --no-consistency}: a service may lack an image */
  ServiceReader(Path projectDir, Function<String, Optional<String>> environment, Declared declared,
      Map<String, ComposeModelException> missingEnvFiles, boolean consistency) {
    this.consistency = consistency;
    this.projectDir = projectDir;
    this.environment = environment;
    this.declared = declared;
    this.missingEnvFiles = missingEnvFiles;
  }

  Service read(String name, YNode node) {
    String path = "services." + name;
    YMap m = Nodes.mapOrNull(node, path); // its keys were checked by SchemaCheck
    if (m.get("extends") != null) {
      throw new ComposeModelException(m.posOf("extends"), path + ".extends", "extends left unresolved");
    }
    Optional<String> image = optional(m, "image").map(n -> Nodes.text(n, path + ".image"));
    Optional<BuildSpec> build = optional(m, "build").map(n -> build(n, path + ".build"));
    Optional<String> pullPolicy = optional(m, "pull_policy").map(n -> pullPolicy(n, path + ".pull_policy"));
    ExtrasReader extrasReader = new ExtrasReader(environment, declared, this::resolveHostPath);
    ServiceExtras extras = extrasReader.read(m, path);
    if (consistency && image.isEmpty() && build.isEmpty() && extras.provider().isEmpty()) {
      throw new ComposeModelException(m.pos(), path, "service \"" + name + "\" has neither an image nor a build context specified");
    }
    if (image.isPresent() && image.get().isBlank()) {
      throw new ComposeModelException(m.posOf("image"), path + ".image", "must not be empty");
    }
    DeployConsistency.check(m, path, extras.deploy());
    BuildExtrasReader.checkPlatform(m, path, build, extras.engine().platform());
    return new Service(
        name,
        image,
        optional(m, "command").map(n -> words(n, path + ".command")),
        optional(m, "entrypoint").map(n -> words(n, path + ".entrypoint")),
        environment(m, path),
        ports(m, path),
        volumes(m, path),
        withImplicitDependencies(dependsOn(m, path), extras.links()),
        optional(m, "restart").map(n -> restart(n, path + ".restart")),
        optional(m, "container_name").map(n -> Nodes.text(n, path + ".container_name")),
        labels(m, path, extrasReader),
        optional(m, "working_dir").map(n -> Nodes.text(n, path + ".working_dir")),
        optional(m, "user").map(n -> Nodes.text(n, path + ".user")),
        extras.provider().isPresent() && m.get("networks") == null ? List.of() : networks(m, path),
        build,
        pullPolicy,
        scale(m, path),
        optional(m, "healthcheck").map(n -> healthcheck(n, path + ".healthcheck")),
        strings(m, "profiles", path),
        options(m, path),
        fileReferences(m, "secrets", path, declared.secrets(), "/run/secrets/"),
        fileReferences(m, "configs", path, declared.configs(), "/"),
        extras,
        m.pos());
  }

  /**
   * {@code secrets: [name]} or the long form; a secret's default target is
   * {@code /run/secrets/<source>} (a relative target goes under it), a config's {@code /<source>}.
   */
  static List<FileReference> fileReferences(YMap m, String key, String path, Set<String> declared, String base) {
    List<FileReference> out = new ArrayList<>();
    Optional<YNode> node = optional(m, key);
    if (node.isEmpty()) {
      return out;
    }
    YSeq seq = Nodes.seq(node.get(), path + "." + key);
    for (int i = 0; i < seq.items().size(); i++) {
      YNode item = seq.items().get(i);
      String at = path + "." + key + "[" + i + "]";
      String source;
      Optional<String> target = Optional.empty();
      Optional<String> uid = Optional.empty();
      Optional<String> gid = Optional.empty();
      Optional<Integer> mode = Optional.empty();
      if (item instanceof YMap ref) {
        KeyCheck.check(ref, at, Set.of("source", "target", "uid", "gid", "mode"), Set.of(), key.substring(0, key.length() - 1));
        source = Nodes.text(optional(ref, "source").orElseThrow(() -> new ComposeModelException(ref.pos(), at, "source is required")), at + ".source");
        target = optional(ref, "target").map(n -> Nodes.text(n, at + ".target"));
        uid = optional(ref, "uid").map(n -> Nodes.text(n, at + ".uid"));
        gid = optional(ref, "gid").map(n -> Nodes.text(n, at + ".gid"));
        mode = optional(ref, "mode").map(n -> fileMode(n, at + ".mode"));
      } else {
        source = Nodes.text(item, at);
      }
      if (!declared.contains(source)) {
        throw new ComposeModelException(item.pos(), at, "service \"" + path.substring("services.".length()) + "\" refers to undefined "
            + key.substring(0, key.length() - 1) + " " + source + ": invalid compose project");
      }
      String resolved = target.map(t -> t.startsWith("/") ? t : base + t).orElse(base + source);
      out.add(new FileReference(source, resolved, uid, gid, mode));
    }
    return out;
  }

  /** A file mode: a YAML number as read ({@code 0440} is octal), or a string of octal digits. */
  private static int fileMode(YNode node, String path) {
    if (node instanceof YScalar s && Scalars.resolve(s) instanceof Long l) {
      return l.intValue();
    }
    String text = Nodes.text(node, path);
    if (!text.matches("0?[0-7]{1,4}")) {
      throw new ComposeModelException(node.pos(), path, "invalid file mode \"" + text + "\" (accepted: an octal mode such as 0440)");
    }
    return Integer.parseInt(text, 8);
  }

  /** {@code build: ./dir} or the long form; the context resolves against the project directory. */
  private BuildSpec build(YNode node, String path) {
    if (node instanceof YScalar) {
      return new BuildSpec(Path.of(resolveHostPath(Nodes.path(node, path))), "Dockerfile", Map.of(), Optional.empty(),
          Map.of(), Optional.empty(), false, false, List.of());
    }
    YMap m = Nodes.map(node, path);
    KeyCheck.check(m, path, Set.of("context", "dockerfile", "args", "target", "labels", "network", "no_cache", "pull", "tags",
        "dockerfile_inline", "ssh", "cache_from", "cache_to", "additional_contexts", "extra_hosts", "isolation",
        "privileged", "secrets", "shm_size", "ulimits", "platforms", "entitlements", "provenance", "sbom", "no_cache_filter"),
        Set.of(), "build");
    String context = optional(m, "context").map(n -> Nodes.path(n, path + ".context")).orElse(".");
    if (context.contains("://") || context.startsWith("git@")) {
      throw new ComposeModelException(m.posOf("context"), path + ".context", "remote build contexts are not supported yet by berth");
    }
    Map<String, String> args = new LinkedHashMap<>();
    optional(m, "args").ifPresent(n -> Nodes.keyValues(n, path + ".args").forEach((k, v) -> {
      if (v instanceof YScalar s && s.isNull()) {
        environment.apply(k).ifPresent(value -> args.put(k, value));
      } else {
        args.put(k, Nodes.text(v, path + ".args." + k));
      }
    }));
    Map<String, String> labels = new LinkedHashMap<>();
    optional(m, "labels").ifPresent(n -> labels.putAll(Nodes.stringMap(n, path + ".labels")));
    BuildExtras extras = new BuildExtrasReader(declared, this::resolveHostPath).read(m, path);
    if (extras.dockerfileInline().isPresent() && optional(m, "dockerfile").isPresent()) {
      throw new ComposeModelException(m.posOf("dockerfile_inline"), path + ".dockerfile_inline", "service \""
          + path.substring("services.".length(), path.length() - ".build".length())
          + "\" declares mutually exclusive dockerfile and dockerfile_inline");
    }
    return new BuildSpec(
        Path.of(resolveHostPath(context)),
        optional(m, "dockerfile").map(n -> Nodes.text(n, path + ".dockerfile"))
            .orElse(extras.dockerfileInline().isPresent() ? "" : "Dockerfile"),
        args,
        optional(m, "target").map(n -> Nodes.text(n, path + ".target")),
        labels,
        optional(m, "network").map(n -> Nodes.text(n, path + ".network")),
        flag(m, "no_cache", path),
        flag(m, "pull", path),
        strings(m, "tags", path),
        extras);
  }

  /** {@code scale}, or {@code deploy.replicas}; when both are given they must agree, as in Compose. */
  private static Optional<Integer> scale(YMap m, String path) {
    Optional<Integer> scale = optional(m, "scale").map(n -> count(n, path + ".scale"));
    Optional<Integer> replicas = optional(m, "deploy").flatMap(deploy -> {
      YMap d = Nodes.map(deploy, path + ".deploy");
      return optional(d, "replicas").map(n -> count(n, path + ".deploy.replicas"));
    });
    if (scale.isPresent() && replicas.isPresent() && !scale.equals(replicas)) {
      throw new ComposeModelException(m.posOf("scale"), path + ".scale",
          "can't set distinct values on 'scale' and 'deploy.replicas': " + scale.get() + " and " + replicas.get());
    }
    Optional<Integer> n = scale.or(() -> replicas);
    if (n.isPresent() && n.get() > 1 && m.get("container_name") != null) {
      throw new ComposeModelException(m.posOf("container_name"), path + ".container_name",
          "a service with container_name cannot have more than one replica (scale " + n.get() + ")");
    }
    return n;
  }

  static int count(YNode node, String path) {
    String text = Nodes.text(node, path);
    if (!text.matches("[0-9]{1,6}")) {
      throw new ComposeModelException(node.pos(), path, "must be a whole number, found \"" + text + "\"");
    }
    return Integer.parseInt(text);
  }

  private static String pullPolicy(YNode node, String path) {
    String policy = Nodes.text(node, path);
    if (!policy.matches("always|never|missing|if_not_present|build|daily|weekly|every_([0-9]+[smhdw])+")) {
      throw new ComposeModelException(node.pos(), path, "invalid pull policy \"" + policy
          + "\" (accepted: always, never, missing, if_not_present, build, daily, weekly, every_<duration>)");
    }
    return policy.equals("if_not_present") ? "missing" : policy;
  }

  private ContainerOptions options(YMap m, String path) {
    return new ContainerOptions(
        optional(m, "hostname").map(n -> Nodes.text(n, path + ".hostname")),
        optional(m, "domainname").map(n -> Nodes.text(n, path + ".domainname")),
        optional(m, "stop_signal").map(n -> Nodes.text(n, path + ".stop_signal")),
        optional(m, "stop_grace_period").map(n -> duration(n, path + ".stop_grace_period")),
        optional(m, "init").map(n -> Nodes.bool(n, path + ".init")),
        flag(m, "tty", path),
        flag(m, "stdin_open", path),
        flag(m, "privileged", path),
        flag(m, "read_only", path),
        strings(m, "cap_add", path),
        strings(m, "cap_drop", path),
        extraHosts(m, path),
        stringOrList(m, "dns", path),
        stringOrList(m, "dns_search", path),
        expose(m, path),
        stringOrList(m, "tmpfs", path),
        aliases(m, path),
        networkMode(m, path),
        text(m, "ipc", path),
        text(m, "pid", path),
        text(m, "userns_mode", path),
        text(m, "cgroup_parent", path),
        text(m, "runtime", path),
        strings(m, "security_opt", path),
        strings(m, "group_add", path),
        ExtrasReader.devices(m, path),
        strings(m, "dns_opt", path),
        sysctls(m, path),
        ulimits(m, path),
        optional(m, "shm_size").map(n -> bytes(n, path + ".shm_size")),
        optional(m, "mem_limit").map(n -> bytes(n, path + ".mem_limit")),
        optional(m, "mem_reservation").map(n -> bytes(n, path + ".mem_reservation")),
        optional(m, "memswap_limit").map(n -> bytes(n, path + ".memswap_limit")),
        optional(m, "cpus").map(n -> decimal(n, path + ".cpus")),
        optional(m, "cpu_shares").map(n -> (long) count(n, path + ".cpu_shares")),
        text(m, "cpuset", path),
        optional(m, "pids_limit").map(n -> signedLong(n, path + ".pids_limit")),
        flag(m, "oom_kill_disable", path),
        optional(m, "oom_score_adj").map(n -> (int) signedLong(n, path + ".oom_score_adj")),
        logging(m, path),
        networkOption(m, "ipv4_address", path),
        networkOption(m, "ipv6_address", path));
  }

  static Optional<String> text(YMap m, String key, String path) {
    return optional(m, key).map(n -> Nodes.text(n, path + "." + key));
  }

  private Optional<String> networkMode(YMap m, String path) {
    Optional<String> mode = text(m, "network_mode", path);
    mode.ifPresent(v -> {
      if (m.get("networks") != null) {
        throw new ComposeModelException(m.posOf("network_mode"), path + ".network_mode",
            "service cannot declare both network_mode and networks");
      }
      if (v.startsWith("service:") && !declared.services().contains(v.substring("service:".length()))) {
        throw new ComposeModelException(m.get("network_mode").pos(), path + ".network_mode",
            // compose-go turns service:NAME into a dependency, so it is that check that refuses it.
            "service \"" + path.substring("services.".length()) + "\" depends on undefined service \"" + v.substring("service:".length())
                + "\": invalid compose project");
      }
    });
    return mode;
  }

  private static Map<String, String> sysctls(YMap m, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    optional(m, "sysctls").ifPresent(n -> out.putAll(Nodes.stringMap(n, path + ".sysctls")));
    return out;
  }

  /** {@code nofile: 1024} ({@code [1024]}: soft and hard) or {@code nofile: {soft: 1024, hard: 2048}} ({@code [1024, 2048]}). */
  static Map<String, List<Long>> ulimits(YMap m, String path) {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    optional(m, "ulimits").ifPresent(n -> Nodes.map(n, path + ".ulimits").entries().forEach((name, v) -> {
      String at = path + ".ulimits." + name;
      if (v instanceof YMap lm) {
        KeyCheck.check(lm, at, Set.of("soft", "hard"), Set.of(), "ulimit");
        long soft = signedLong(Optional.ofNullable(lm.get("soft")).orElseThrow(() -> new ComposeModelException(lm.pos(), at, "soft is required")), at + ".soft");
        long hard = signedLong(Optional.ofNullable(lm.get("hard")).orElseThrow(() -> new ComposeModelException(lm.pos(), at, "hard is required")), at + ".hard");
        out.put(name, List.of(soft, hard));
      } else {
        out.put(name, List.of(signedLong(v, at)));
      }
    }));
    return out;
  }

  private static Optional<ContainerOptions.Logging> logging(YMap m, String path) {
    return optional(m, "logging").map(n -> {
      YMap l = Nodes.map(n, path + ".logging");
      KeyCheck.check(l, path + ".logging", Set.of("driver", "options"), Set.of(), "logging");
      Map<String, String> options = new LinkedHashMap<>();
      optional(l, "options").ifPresent(o -> options.putAll(Nodes.stringMap(o, path + ".logging.options")));
      return new ContainerOptions.Logging(text(l, "driver", path + ".logging"), options);
    });
  }

  /** Byte values as compose writes them: {@code 512}, {@code 64m}, {@code 1.5g}, {@code 2gb}. */
  static long bytes(YNode node, String path) {
    String text = Nodes.text(node, path).strip().toLowerCase();
    java.util.regex.Matcher mm = java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([kmgtp]?)(b|i?b)?").matcher(text);
    if (!mm.matches()) {
      throw new ComposeModelException(node.pos(), path, "invalid size \"" + text + "\" (accepted: bytes, or a number with b, k, m, g, t suffix)");
    }
    double unit = switch (mm.group(2)) {
      case "k" -> 1024d;
      case "m" -> 1024d * 1024;
      case "g" -> 1024d * 1024 * 1024;
      case "t" -> 1024d * 1024 * 1024 * 1024;
      case "p" -> 1024d * 1024 * 1024 * 1024 * 1024;
      default -> 1d;
    };
    return (long) (Double.parseDouble(mm.group(1)) * unit);
  }

  static double decimal(YNode node, String path) {
    String text = Nodes.text(node, path);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new ComposeModelException(node.pos(), path, "must be a number, found \"" + text + "\"");
    }
  }

  static long signedLong(YNode node, String path) {
    String text = Nodes.text(node, path);
    if (!text.matches("-?[0-9]{1,18}")) {
      throw new ComposeModelException(node.pos(), path, "must be a whole number, found \"" + text + "\"");
    }
    return Long.parseLong(text);
  }

  static boolean flag(YMap m, String key, String path) {
    return optional(m, key).map(n -> Nodes.bool(n, path + "." + key)).orElse(false);
  }

  /** A list of strings (numbers are taken as written). */
  static List<String> strings(YMap m, String key, String path) {
    List<String> out = new ArrayList<>();
    optional(m, key).ifPresent(n -> {
      YSeq seq = Nodes.seq(n, path + "." + key);
      for (int i = 0; i < seq.items().size(); i++) {
        out.add(Nodes.text(seq.items().get(i), path + "." + key + "[" + i + "]"));
      }
    });
    return out;
  }

  /** A single string or a list of them, as {@code dns} and {@code tmpfs} allow. */
  static List<String> stringOrList(YMap m, String key, String path) {
    Optional<YNode> node = optional(m, key);
    if (node.isPresent() && node.get() instanceof YScalar) {
      return List.of(Nodes.text(node.get(), path + "." + key));
    }
    return strings(m, key, path);
  }

  private static List<String> expose(YMap m, String path) {
    List<String> out = strings(m, "expose", path);
    for (int i = 0; i < out.size(); i++) {
      String spec = out.get(i);
      if (!spec.matches("[0-9]{1,5}(-[0-9]{1,5})?(/(tcp|udp|sctp))?")) {
        YNode item = ((YSeq) m.get("expose")).items().get(i);
        throw new ComposeModelException(item.pos(), path + ".expose[" + i + "]",
            "invalid port \"" + spec + "\" (accepted: PORT, PORT-PORT, optionally /tcp, /udp or /sctp)");
      }
    }
    return out;
  }

  /** {@code host:address} or {@code host=address}, as a list or a mapping; the Engine takes {@code host:address}. */
  static List<String> extraHosts(YMap m, String path) {
    List<String> out = new ArrayList<>();
    Optional<YNode> node = optional(m, "extra_hosts");
    if (node.isEmpty()) {
      return out;
    }
    String at = path + ".extra_hosts";
    if (node.get() instanceof YMap map) {
      map.entries().forEach((host, value) -> {
        if (value instanceof YSeq seq) {
          for (int i = 0; i < seq.items().size(); i++) {
            out.add(host + ":" + Nodes.text(seq.items().get(i), at + "." + host + "[" + i + "]"));
          }
        } else {
          out.add(host + ":" + Nodes.text(value, at + "." + host));
        }
      });
      return out;
    }
    YSeq seq = Nodes.seq(node.get(), at);
    for (int i = 0; i < seq.items().size(); i++) {
      String entry = Nodes.text(seq.items().get(i), at + "[" + i + "]");
      int eq = entry.indexOf('=');
      int colon = entry.indexOf(':');
      int sep = eq >= 0 ? eq : colon;
      if (sep <= 0 || sep == entry.length() - 1) {
        throw new ComposeModelException(seq.items().get(i).pos(), at + "[" + i + "]",
            "invalid extra host \"" + entry + "\" (accepted: HOST:ADDRESS or HOST=ADDRESS)");
      }
      out.add(entry.substring(0, sep) + ":" + entry.substring(sep + 1));
    }
    return out;
  }

  /** One scalar option of each network a service joins, by network key ({@code ipv4_address}). */
  private static Map<String, String> networkOption(YMap m, String key, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    if (optional(m, "networks").orElse(null) instanceof YMap networks) {
      networks.entries().forEach((network, value) -> {
        if (value instanceof YMap options && optional(options, key).isPresent()) {
          out.put(network, Nodes.text(options.get(key), path + ".networks." + network + "." + key));
        }
      });
    }
    return out;
  }

  private static Map<String, List<String>> aliases(YMap m, String path) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (optional(m, "networks").orElse(null) instanceof YMap networks) {
      networks.entries().forEach((network, value) -> {
        if (value instanceof YMap options) {
          List<String> aliases = strings(options, "aliases", path + ".networks." + network);
          if (!aliases.isEmpty()) {
            out.put(network, aliases);
          }
        }
      });
    }
    return out;
  }

  static Duration duration(YNode node, String path) {
    String text = Nodes.text(node, path);
    try {
      return GoDurations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ComposeModelException(node.pos(), path, e.getMessage());
    }
  }

  private static Healthcheck healthcheck(YNode node, String path) {
    YMap m = Nodes.mapOrNull(node, path);
    KeyCheck.check(m, path, Set.of("test", "interval", "timeout", "start_period", "start_interval", "retries", "disable"),
        Set.of(), "healthcheck");
    List<String> test = new ArrayList<>();
    optional(m, "test").ifPresent(t -> {
      if (t instanceof YSeq seq) {
        for (int i = 0; i < seq.items().size(); i++) {
          test.add(Nodes.text(seq.items().get(i), path + ".test[" + i + "]"));
        }
        if (!test.isEmpty() && !Set.of("CMD", "CMD-SHELL", "NONE").contains(test.get(0))) {
          throw new ComposeModelException(t.pos(), path + ".test",
              "must start with CMD, CMD-SHELL or NONE, found \"" + test.get(0) + "\"");
        }
      } else {
        test.add("CMD-SHELL");
        test.add(Nodes.text(t, path + ".test"));
      }
    });
    Optional<Integer> retries = optional(m, "retries").map(n -> {
      String text = Nodes.text(n, path + ".retries");
      if (!text.matches("[0-9]{1,9}")) {
        throw new ComposeModelException(n.pos(), path + ".retries", "must be a whole number, found \"" + text + "\"");
      }
      return Integer.parseInt(text);
    });
    return new Healthcheck(test,
        optional(m, "interval").map(n -> duration(n, path + ".interval")),
        optional(m, "timeout").map(n -> duration(n, path + ".timeout")),
        optional(m, "start_period").map(n -> duration(n, path + ".start_period")),
        optional(m, "start_interval").map(n -> duration(n, path + ".start_interval")),
        retries,
        flag(m, "disable", path));
  }

  /** A key that is absent or null counts as not set. */
  static Optional<YNode> optional(YMap m, String key) {
    YNode n = m.get(key);
    return n == null || (n instanceof YScalar s && s.isNull()) ? Optional.empty() : Optional.of(n);
  }

  static List<String> words(YNode node, String path) {
    if (node instanceof YSeq seq) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < seq.items().size(); i++) {
        out.add(Nodes.text(seq.items().get(i), path + "[" + i + "]"));
      }
      return out;
    }
    String line = Nodes.text(node, path);
    try {
      return ShellWords.split(line);
    } catch (IllegalArgumentException e) {
      throw new ComposeModelException(node.pos(), path, e.getMessage() + " in \"" + line + "\"");
    }
  }

  private Map<String, String> environment(YMap m, String path) {
    Map<String, String> out = new LinkedHashMap<>(envFiles(m, path));
    optional(m, "environment").ifPresent(n -> Nodes.keyValues(n, path + ".environment").forEach((k, v) -> {
      if (v instanceof YScalar s && s.isNull()) {
        // A bare KEY takes its value from the environment compose runs in; unset, it stays a null
        // that config prints, that beats an env_file's value, and that the container does not get.
        out.put(k, environment.apply(k).orElse(null));
      } else {
        out.put(k, Nodes.text(v, path + ".environment." + k));
      }
    }));
    return out;
  }

  /** {@code env_file} entries in order, later files winning; {@code environment} is applied over them. */
  private Map<String, String> envFiles(YMap m, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<YNode> node = optional(m, "env_file");
    if (node.isEmpty()) {
      return out;
    }
    String at = path + ".env_file";
    List<YNode> entries = node.get() instanceof YSeq seq ? seq.items() : List.of(node.get());
    for (int i = 0; i < entries.size(); i++) {
      YNode entry = entries.get(i);
      String ep = node.get() instanceof YSeq ? at + "[" + i + "]" : at;
      String file;
      boolean required = true;
      boolean raw = false;
      if (entry instanceof YMap em) {
        KeyCheck.check(em, ep, Set.of("path", "required", "format"), Set.of(), "env_file");
        file = Nodes.path(optional(em, "path").orElseThrow(() -> new ComposeModelException(em.pos(), ep, "path is required")), ep + ".path");
        required = optional(em, "required").map(n -> Nodes.bool(n, ep + ".required")).orElse(true);
        raw = envFileFormat(em, ep).equals("raw");
      } else {
        file = Nodes.path(entry, ep);
      }
      Path resolved = projectDir.resolve(resolveHostPath(file));
      if (!java.nio.file.Files.isRegularFile(resolved)) {
        if (required) {
          ComposeModelException missing = new ComposeModelException(entry.pos(), ep, "env file " + resolved + " not found");
          if (missingEnvFiles == null) {
            throw missing;
          }
          missingEnvFiles.putIfAbsent(path.substring("services.".length()), missing);
        }
        continue;
      }
      out.putAll(raw ? KvFile.parse(resolved, ComposeLoader.readText(resolved), environment)
          : ProjectEnvironment.dotEnv(resolved, environment, w -> {}));
    }
    return out;
  }

  /** Compose knows two formats: the default {@code .env} one and {@code raw} (docker run's --env-file). */
  private static String envFileFormat(YMap entry, String path) {
    Optional<YNode> node = optional(entry, "format");
    if (node.isEmpty()) {
      return "";
    }
    String format = Nodes.text(node.get(), path + ".format");
    if (!format.isEmpty() && !format.equals(".env") && !format.equals("raw")) {
      throw new ComposeModelException(node.get().pos(), path + ".format",
          "unsupported env_file format \"" + format + "\" (accepted: .env, raw)");
    }
    return format;
  }

  /** {@code label_file} entries first, {@code labels} laid over them. */
  private static Map<String, String> labels(YMap m, String path, ExtrasReader extras) {
    Map<String, String> out = new LinkedHashMap<>(extras.labelFiles(m, path));
    optional(m, "labels").ifPresent(n -> out.putAll(Nodes.stringMap(n, path + ".labels")));
    return out;
  }

  private static String restart(YNode node, String path) {
    String value = Nodes.text(node, path);
    String policy = value.startsWith("on-failure:") ? "on-failure" : value;
    boolean validCount = !value.startsWith("on-failure:") || value.substring("on-failure:".length()).matches("[0-9]+");
    if (!Keys.RESTART.contains(policy) || !validCount) {
      throw new ComposeModelException(node.pos(), path,
          "invalid restart policy \"" + value + "\" (accepted: no, always, on-failure[:MAX_RETRIES], unless-stopped)");
    }
    return value;
  }

  private static List<PortMapping> ports(YMap m, String path) {
    List<PortMapping> out = new ArrayList<>();
    Optional<YNode> node = optional(m, "ports");
    if (node.isEmpty()) {
      return out;
    }
    YSeq seq = Nodes.seq(node.get(), path + ".ports");
    for (int i = 0; i < seq.items().size(); i++) {
      YNode item = seq.items().get(i);
      String at = path + ".ports[" + i + "]";
      if (item instanceof YMap long_) {
        out.add(longPort(long_, at));
        continue;
      }
      String spec = Nodes.text(item, at);
      try {
        for (PortMapping p : PortParser.parse(spec)) {
          if (!out.contains(p)) {
            out.add(p);
          }
        }
      } catch (IllegalArgumentException e) {
        throw new ComposeModelException(item.pos(), at, "invalid port \"" + spec + "\": " + e.getMessage() + "; " + PortParser.SYNTAX);
      }
    }
    return out;
  }

  private static PortMapping longPort(YMap m, String path) {
    KeyCheck.check(m, path, Set.of("target", "published", "host_ip", "protocol", "mode", "name", "app_protocol"),
        Set.of(), "port");
    YNode target = m.get("target");
    if (target == null) {
      throw new ComposeModelException(m.pos(), path, "target is required");
    }
    try {
      int t = PortParser.port(Nodes.text(target, path + ".target"), "container port", 1);
      String published = optional(m, "published").map(n -> Nodes.text(n, path + ".published")).orElse("");
      if (!published.isEmpty()) {
        PortParser.parse(published + ":" + t);
      }
      String protocol = optional(m, "protocol").map(n -> Nodes.text(n, path + ".protocol")).orElse("tcp");
      PortParser.parse(t + "/" + protocol);
      String hostIp = optional(m, "host_ip").map(n -> Nodes.text(n, path + ".host_ip")).orElse("");
      return new PortMapping(hostIp, published, t, protocol);
    } catch (IllegalArgumentException e) {
      throw new ComposeModelException(m.pos(), path, "invalid port: " + e.getMessage());
    }
  }

  private List<Mount> volumes(YMap m, String path) {
    List<Mount> out = new ArrayList<>();
    Optional<YNode> node = optional(m, "volumes");
    if (node.isEmpty()) {
      return out;
    }
    YSeq seq = Nodes.seq(node.get(), path + ".volumes");
    for (int i = 0; i < seq.items().size(); i++) {
      YNode item = seq.items().get(i);
      String at = path + ".volumes[" + i + "]";
      Mount mount = item instanceof YMap long_ ? longVolume(long_, at) : shortVolume(Nodes.path(item, at), item, at);
      if (mount.type() == Mount.Type.VOLUME && !mount.source().isEmpty() && !declared.volumes().contains(mount.source())) {
        throw new ComposeModelException(item.pos(), at, "service \"" + path.substring("services.".length())
            + "\" refers to undefined volume " + mount.source() + ": invalid compose project");
      }
      // A later entry for the same target replaces the earlier one in place, as when files merge.
      int same = -1;
      for (int j = 0; j < out.size(); j++) {
        if (out.get(j).target().equals(mount.target())) {
          same = j;
        }
      }
      if (same >= 0) {
        out.set(same, mount);
      } else {
        out.add(mount);
      }
    }
    return out;
  }

  private Mount shortVolume(String spec, YNode node, String path) {
    try {
      return ShortVolumes.parse(spec, this::resolveHostPath);
    } catch (ShortVolumes.Invalid e) {
      throw new ComposeModelException(node.pos(), path, e.getMessage());
    }
  }

  private Mount longVolume(YMap m, String path) {
    KeyCheck.check(m, path, Set.of("type", "source", "target", "read_only", "bind", "tmpfs", "consistency", "volume"),
        Set.of("image"), "volume");
    String type = optional(m, "type").map(n -> Nodes.text(n, path + ".type")).orElse("volume");
    String target = absoluteTarget(Nodes.text(optional(m, "target").orElseThrow(() ->
        new ComposeModelException(m.pos(), path, "target is required")), path + ".target"), m, path);
    String source = optional(m, "source").map(n -> Nodes.path(n, path + ".source")).orElse("");
    boolean readOnly = optional(m, "read_only").map(n -> Nodes.bool(n, path + ".read_only")).orElse(false);
    switch (type) {
      case "volume":
        return new Mount(Mount.Type.VOLUME, source, target, readOnly, true, "", volumeOptions(m, path));
      case "bind":
        if (source.isEmpty()) {
          throw new ComposeModelException(m.pos(), path, "a bind mount needs a source");
        }
        boolean create = true;
        Mount.Options bindOptions = Mount.Options.none();
        YMap bind = optional(m, "bind").map(n -> Nodes.mapOrNull(n, path + ".bind")).orElse(null);
        if (bind != null) {
          KeyCheck.check(bind, path + ".bind", Set.of("create_host_path", "propagation", "selinux", "recursive"), Set.of(), "bind");
          create = optional(bind, "create_host_path").map(n -> Nodes.bool(n, path + ".bind.create_host_path")).orElse(true);
          bindOptions = new Mount.Options(
              choice(bind, "selinux", path + ".bind", Set.of("z", "Z")),
              choice(bind, "propagation", path + ".bind", Set.of("private", "rprivate", "shared", "rshared", "slave", "rslave")),
              choice(bind, "recursive", path + ".bind", Set.of("enabled", "disabled", "writable", "readonly")),
              false, Optional.empty(), Map.of());
        }
        return new Mount(Mount.Type.BIND, resolveHostPath(source), target, readOnly, create, "", bindOptions);
      case "tmpfs":
        String options = "";
        if (optional(m, "tmpfs").isPresent()) {
          YMap tmpfs = Nodes.map(m.get("tmpfs"), path + ".tmpfs");
          KeyCheck.check(tmpfs, path + ".tmpfs", Set.of("size", "mode"), Set.of(), "tmpfs");
          List<String> opts = new ArrayList<>();
          optional(tmpfs, "size").ifPresent(n -> opts.add("size=" + bytes(n, path + ".tmpfs.size")));
          optional(tmpfs, "mode").ifPresent(n -> opts.add("mode=" + Integer.toOctalString(fileMode(n, path + ".tmpfs.mode"))));
          options = String.join(",", opts);
        }
        return new Mount(Mount.Type.TMPFS, "", target, readOnly, false, options);
      case "npipe", "cluster", "image":
        throw new ComposeModelException(m.posOf("type"), path + ".type", "volume type " + type + " is not supported yet by berth");
      default:
        throw new ComposeModelException(m.posOf("type"), path + ".type", "invalid volume type \"" + type + "\" (accepted: volume, bind, tmpfs, npipe, cluster, image)");
    }
  }

  /** {@code volume:}: {@code nocopy}, {@code subpath}, {@code labels}; empty or absent for none. */
  private Mount.Options volumeOptions(YMap m, String path) {
    YMap volume = optional(m, "volume").map(n -> Nodes.mapOrNull(n, path + ".volume")).orElse(null);
    if (volume == null) {
      return Mount.Options.none();
    }
    String at = path + ".volume";
    KeyCheck.check(volume, at, Set.of("nocopy", "subpath", "labels"), Set.of(), "volume option");
    return new Mount.Options(Optional.empty(), Optional.empty(), Optional.empty(),
        optional(volume, "nocopy").map(n -> Nodes.bool(n, at + ".nocopy")).orElse(false),
        optional(volume, "subpath").map(n -> Nodes.text(n, at + ".subpath")),
        optional(volume, "labels").map(n -> Nodes.stringMap(n, at + ".labels")).orElse(Map.of()));
  }

  /** One of {@code accepted}, or an error naming them. */
  private static Optional<String> choice(YMap m, String key, String path, Set<String> accepted) {
    return optional(m, key).map(n -> {
      String value = Nodes.text(n, path + "." + key);
      if (!accepted.contains(value)) {
        throw new ComposeModelException(n.pos(), path + "." + key,
            "invalid value \"" + value + "\" (accepted: " + String.join(", ", new java.util.TreeSet<>(accepted)) + ")");
      }
      return value;
    });
  }

  private static String absoluteTarget(String target, YNode node, String path) {
    if (!target.startsWith("/")) {
      throw new ComposeModelException(node.pos(), path, "the mount target \"" + target + "\" must be an absolute path");
    }
    return target;
  }

  String resolveHostPath(String source) {
    if (source.equals("~") || source.startsWith("~/")) {
      String home = environment.apply("HOME").orElse(System.getProperty("user.home"));
      return Path.of(home + source.substring(1)).normalize().toString();
    }
    return projectDir.resolve(source).normalize().toString();
  }

  private Map<String, Dependency> dependsOn(YMap m, String path) {
    Map<String, Dependency> out = new LinkedHashMap<>();
    Optional<YNode> node = optional(m, "depends_on");
    if (node.isEmpty()) {
      return out;
    }
    String at = path + ".depends_on";
    if (node.get() instanceof YSeq seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        String service = Nodes.string(seq.items().get(i), at + "[" + i + "]");
        requireService(service, seq.items().get(i).pos(), at + "[" + i + "]", path);
        out.put(service, Dependency.started());
      }
      return out;
    }
    YMap map = Nodes.map(node.get(), at);
    map.entries().forEach((service, value) -> {
      String vp = at + "." + service;
      requireService(service, map.posOf(service), vp, path);
      YMap d = Nodes.mapOrNull(value, vp);
      KeyCheck.check(d, vp, Set.of("condition", "required", "restart"), Set.of(), "depends_on");
      String condition = optional(d, "condition").map(n -> Nodes.text(n, vp + ".condition")).orElse(Dependency.SERVICE_STARTED);
      if (!Keys.CONDITIONS.contains(condition)) {
        throw new ComposeModelException(d.posOf("condition"), vp + ".condition", "invalid condition \"" + condition
            + "\" (accepted: service_started, service_healthy, service_completed_successfully)");
      }
      boolean required = optional(d, "required").map(n -> Nodes.bool(n, vp + ".required")).orElse(true);
      boolean restart = optional(d, "restart").map(n -> Nodes.bool(n, vp + ".restart")).orElse(false);
      out.put(service, new Dependency(condition, required, restart));
    });
    return out;
  }

  /**
   * As compose-go's normalization: a linked service is a dependency that restarts this one, a
   * service whose volumes are mounted one that does not; an explicit {@code depends_on} entry wins.
   */
  private static Map<String, Dependency> withImplicitDependencies(Map<String, Dependency> explicit, Links links) {
    Map<String, Dependency> out = new LinkedHashMap<>(explicit);
    links.linkedServices().forEach(s -> out.putIfAbsent(s, new Dependency(Dependency.SERVICE_STARTED, true, true)));
    links.volumesFromServices().forEach(s -> out.putIfAbsent(s, Dependency.started()));
    return out;
  }

  private void requireService(String dependency, SourcePos pos, String at, String servicePath) {
    if (!declared.services().contains(dependency)) {
      String name = servicePath.substring("services.".length());
      throw new ComposeModelException(pos, at,
          "service \"" + name + "\" depends on undefined service \"" + dependency + "\": invalid compose project");
    }
  }

  private void requireNetwork(String network, SourcePos pos, String at, String servicePath) {
    if (!network.equals("default") && !declared.networks().contains(network)) {
      String name = servicePath.substring("services.".length());
      throw new ComposeModelException(pos, at,
          "service \"" + name + "\" refers to undefined network " + network + ": invalid compose project");
    }
  }

  private List<String> networks(YMap m, String path) {
    Optional<YNode> node = optional(m, "networks");
    if (node.isEmpty()) {
      return m.get("network_mode") != null ? List.of() : List.of("default");
    }
    String at = path + ".networks";
    List<String> out = new ArrayList<>();
    if (node.get() instanceof YSeq seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        String network = Nodes.string(seq.items().get(i), at + "[" + i + "]");
        requireNetwork(network, seq.items().get(i).pos(), at + "[" + i + "]", path);
        out.add(network);
      }
    } else {
      YMap map = Nodes.map(node.get(), at);
      map.entries().forEach((network, value) -> {
        requireNetwork(network, map.posOf(network), at + "." + network, path);
        YMap options = Nodes.mapOrNull(value, at + "." + network);
        KeyCheck.check(options, at + "." + network, Set.of("aliases", "ipv4_address", "ipv6_address", "link_local_ips",
            "mac_address", "driver_opts", "priority", "gw_priority", "interface_name"), Set.of(), "service network");
        out.add(network);
      });
    }
    return out;
  }
}
