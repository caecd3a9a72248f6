package io.berth.executor.create;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import io.berth.model.spec.ContainerOptions;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.FileObject;
import io.berth.model.spec.FileReference;
import io.berth.model.spec.Healthcheck;
import io.berth.model.spec.Mount;
import io.berth.model.spec.PortMapping;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.executor.engine.EngineReads;
import io.berth.planner.labels.Labels;
import io.berth.planner.plan.Action;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates a service's container: maps the service's attributes onto the Engine's create call and
 * joins its networks. Decides nothing: the plan said what to create and under which name.
 */
public final class ContainerFactory {
  private final DockerClient client;
  private final Project project;

  public ContainerFactory(DockerClient client, Project project) {
    this.client = client;
    this.project = project;
  }

  /** Creates the container and connects it to all of its networks; returns its id. */
  public String create(Action.CreateContainer action) {
    Service service = project.service(action.service());
    return create(action, service, false, false, service.options().tty(), false, false);
  }

  /**
   * Creates a one-off container ({@code run}) from {@code service} as the command line changed it:
   * labelled {@code oneoff=True} and with no replica number, as Compose's run, and known on its
   * networks by its own name only unless {@link OneOff#useAliases}.
   */
  public String createOneOff(Service service, String name, OneOff settings) {
    return create(new Action.CreateContainer(service.name(), 1, name, "", ""), service, !settings.useAliases(),
        settings.interactive(), settings.tty(), true, settings.autoRemove());
  }

  /**
   * How {@code run} wants its one-off container.
   *
   * @param interactive keep the container's standard input open until the one attached client
   *     closes it ({@code run}'s default {@code -i}, as {@code docker run -i}), so piped input
   *     reaches its end; detached too, as Compose, so that a {@code cat} waits for input
   * @param tty give it a TTY, whatever the service's {@code tty:} says: {@code run} decides by its terminal and {@code -T}
   * @param useAliases {@code --use-aliases}: also the service's name and its aliases on each network
   * @param autoRemove {@code --rm}: the Engine removes it when it stops, however it was stopped
   */
  public record OneOff(boolean interactive, boolean tty, boolean useAliases, boolean autoRemove) {}

  /** The service's network keys in the order its containers join them, the first at create. */
  public List<String> networkKeys(Service service) {
    return NetworkEndpoints.ordered(service);
  }

  /**
   * The network mode a container of the service is created with: its {@code network_mode}
   * ({@code service:NAME} as that service's container), else its first network, else none.
   */
  public String networkMode(Service service) {
    List<String> keys = NetworkEndpoints.ordered(service);
    return service.options().networkMode().map(this::namespace)
        .orElse(keys.isEmpty() ? "none" : project.networks().get(keys.get(0)).name());
  }

  /** @param nameOnly known on its networks by the container's name alone, not the service's names */
  private String create(Action.CreateContainer action, Service service, boolean nameOnly, boolean interactive, boolean tty,
      boolean oneoff, boolean autoRemove) {
    String image = service.imageName(project.name());
    List<String> networkKeys = NetworkEndpoints.ordered(service);
    List<String> networks = networkKeys.stream().map(key -> project.networks().get(key).name()).toList();
    ContainerOptions o = service.options();
    Map<String, Path> files = new LinkedHashMap<>();
    for (FileReference ref : fileRefs(service)) {
      fileObject(ref).file().ifPresent(file -> files.put(ref.target(), file));
    }
    ContainerMounts volumes = ContainerMounts.of(project, service, inheritedVolumes(action, service, image), files);
    HostConfig host = HostConfig.newHostConfig()
        .withPortBindings(portBindings(service))
        .withRestartPolicy(restartPolicy(service))
        .withNetworkMode(networkMode(service))
        .withPrivileged(o.privileged())
        .withReadonlyRootfs(o.readOnly());
    if (autoRemove) {
      host.withAutoRemove(true);
    }
    o.init().ifPresent(host::withInit);
    if (!o.capAdd().isEmpty()) {
      host.withCapAdd(Capabilities.of(o.capAdd()));
    }
    if (!o.capDrop().isEmpty()) {
      host.withCapDrop(Capabilities.of(o.capDrop()));
    }
    if (!o.extraHosts().isEmpty()) {
      host.withExtraHosts(o.extraHosts().toArray(String[]::new));
    }
    if (!o.dns().isEmpty()) {
      host.withDns(o.dns());
    }
    if (!o.dnsSearch().isEmpty()) {
      host.withDnsSearch(o.dnsSearch());
    }
    o.ipc().map(this::namespace).ifPresent(host::withIpcMode);
    o.pid().map(this::namespace).ifPresent(host::withPidMode);
    o.usernsMode().ifPresent(host::withUsernsMode);
    o.cgroupParent().ifPresent(host::withCgroupParent);
    o.runtime().ifPresent(host::withRuntime);
    if (!o.securityOpt().isEmpty()) {
      host.withSecurityOpts(o.securityOpt());
    }
    if (!o.groupAdd().isEmpty()) {
      host.withGroupAdd(o.groupAdd());
    }
    if (!o.dnsOpt().isEmpty()) {
      host.withDnsOptions(o.dnsOpt());
    }
    if (!o.sysctls().isEmpty()) {
      host.withSysctls(o.sysctls());
    }
    if (!o.ulimits().isEmpty()) {
      host.withUlimits(o.ulimits().entrySet().stream()
          .map(e -> new Ulimit(e.getKey(), e.getValue().get(0), e.getValue().get(e.getValue().size() - 1))).toList());
    }
    o.shmSize().ifPresent(host::withShmSize);
    o.memLimit().ifPresent(host::withMemory);
    o.memReservation().ifPresent(host::withMemoryReservation);
    o.memswapLimit().ifPresent(host::withMemorySwap);
    o.cpus().ifPresent(c -> host.withNanoCPUs((long) (c * 1_000_000_000L)));
    o.cpuShares().ifPresent(c -> host.withCpuShares(c.intValue()));
    o.cpuset().ifPresent(host::withCpusetCpus);
    o.pidsLimit().ifPresent(host::withPidsLimit);
    if (o.oomKillDisable()) {
      host.withOomKillDisable(true);
    }
    o.oomScoreAdj().ifPresent(host::withOomScoreAdj);
    o.logging().ifPresent(l -> host.withLogConfig(new LogConfig(
        l.driver().map(LogConfig.LoggingType::fromValue).orElse(LogConfig.LoggingType.DEFAULT), l.options())));
    Map<String, String> tmpfs = new LinkedHashMap<>();
    for (String t : o.tmpfs()) {
      int colon = t.indexOf(':');
      tmpfs.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
    }
    service.volumes().stream().filter(m -> m.type() == Mount.Type.TMPFS)
        .forEach(m -> tmpfs.put(m.target(), m.readOnly() ? join(m.tmpfsOptions(), "ro") : m.tmpfsOptions()));
    if (!tmpfs.isEmpty()) {
      host.withTmpFs(tmpfs);
    }

    CreateContainerCmd cmd = client.createContainerCmd(image)
        .withName(action.name())
        .withLabels(labels(service, action, oneoff))
        .withEnv(engineEnv(service.environment()))
        .withExposedPorts(exposedPorts(service))
        .withHostConfig(host);
    service.command().ifPresent(cmd::withCmd);
    service.entrypoint().ifPresent(e -> cmd.withEntrypoint(e.isEmpty() ? List.of("") : e));
    service.workingDir().ifPresent(cmd::withWorkingDir);
    service.user().ifPresent(cmd::withUser);
    o.hostname().ifPresent(cmd::withHostName);
    o.domainname().ifPresent(cmd::withDomainName);
    o.stopSignal().ifPresent(cmd::withStopSignal);
    // The Engine's own stop uses this when no timeout is given, so down and stop honour it.
    o.stopGracePeriod().ifPresent(d -> cmd.withStopTimeout((int) Math.max(0, d.toSeconds())));
    cmd.withTty(tty).withStdinOpen(o.stdinOpen() || interactive);
    if (interactive) {
      cmd.withStdInOnce(true).withAttachStdin(true);
    }
    service.healthcheck().ifPresent(h -> cmd.withHealthcheck(healthCheck(h)));
    new EngineSettingsMapper(project).apply(service, action.number(), host, cmd);
    if (!networks.isEmpty() && o.networkMode().isEmpty()) {
      String first = networkKeys.get(0);
      NetworkEndpoints.macAddress(service, first).ifPresent(cmd::withMacAddress);
      cmd.withAliases(aliases(service, action, first, nameOnly));
      Optional.ofNullable(o.ipv4Addresses().get(first)).ifPresent(cmd::withIpv4Address);
      Optional.ofNullable(o.ipv6Addresses().get(first)).ifPresent(cmd::withIpv6Address);
    }
    host.withBinds(volumes.binds());
    if (!volumes.mounts().isEmpty()) {
      host.withMounts(volumes.mounts());
    }
    volumes.createHostPaths();
    String id = cmd.exec().getId();
    copyFileObjects(service, id);
    if (!networks.isEmpty() && o.networkMode().isEmpty() && NetworkEndpoints.hasSettingsBeyondAddresses(service, networkKeys.get(0))) {
      // docker-java's create sends only the first network's aliases and addresses; the container,
      // not yet started, joins that network again with the whole endpoint, as Compose sends it.
      String first = networks.get(0);
      List<String> aliases = aliases(service, action, networkKeys.get(0), nameOnly);
      client.disconnectFromNetworkCmd().withContainerId(id).withNetworkId(first).exec();
      client.connectToNetworkCmd()
          .withContainerId(id)
          .withNetworkId(first)
          .withContainerNetwork(endpoint(service, action, networkKeys.get(0)).withAliases(aliases).withLinks(linksOf(host)))
          .exec();
    }
    for (int i = 1; i < networks.size(); i++) {
      client.connectToNetworkCmd()
          .withContainerId(id)
          .withNetworkId(networks.get(i))
          .withContainerNetwork(endpoint(service, action, networkKeys.get(i))
              .withAliases(aliases(service, action, networkKeys.get(i), nameOnly)).withLinks(linksOf(host)))
          .exec();
    }
    return id;
  }

  /** As compose, a container's legacy links hold on each network it joins. */
  private static List<com.github.dockerjava.api.model.Link> linksOf(HostConfig host) {
    return host.getLinks() == null ? List.of() : List.of(host.getLinks());
  }

  private static String join(String options, String extra) {
    return options.isEmpty() ? extra : options + "," + extra;
  }

  private List<FileReference> fileRefs(Service service) {
    List<FileReference> all = new ArrayList<>(service.secrets());
    all.addAll(service.configs());
    return all;
  }

  private FileObject fileObject(FileReference ref) {
    FileObject o = project.secrets().get(ref.source());
    return o != null ? o : project.configs().get(ref.source());
  }

  /**
   * Secrets and configs whose content is not a file on the host go into the container before it
   * starts, as a tar through the API, as Compose does: they never touch the host's disk.
   */
  private void copyFileObjects(Service service, String containerId) {
    for (FileReference ref : fileRefs(service)) {
      FileObject object = fileObject(ref);
      if (object.file().isPresent()) {
        continue;
      }
      String content = object.resolvedContent(project.environment());
      if (content.isEmpty()) {
        continue; // as Compose: nothing to copy
      }
      byte[] tar = FileArchive.single(ref.target(), content.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          ref.mode().orElse(0444), ref.uid().map(Integer::parseInt).orElse(0), ref.gid().map(Integer::parseInt).orElse(0));
      client.copyArchiveToContainerCmd(containerId)
          .withTarInputStream(new java.io.ByteArrayInputStream(tar))
          .withRemotePath("/")
          .exec();
    }
  }

  private static ContainerNetwork endpoint(Service service, Action.CreateContainer action, String networkKey) {
    ContainerNetwork endpoint = new NetworkEndpoints.WithDriverOpts(NetworkEndpoints.driverOpts(service, networkKey))
        .withAliases(aliases(service, action, networkKey));
    NetworkEndpoints.macAddress(service, networkKey).ifPresent(endpoint::withMacAddress);
    String v4 = service.options().ipv4Addresses().get(networkKey);
    String v6 = service.options().ipv6Addresses().get(networkKey);
    List<String> linkLocal = NetworkEndpoints.linkLocalIps(service, networkKey);
    if (v4 != null || v6 != null || !linkLocal.isEmpty()) {
      ContainerNetwork.Ipam ipam = new NetworkEndpoints.WithLinkLocalIps(linkLocal);
      if (v4 != null) {
        ipam.withIpv4Address(v4);
      }
      if (v6 != null) {
        ipam.withIpv6Address(v6);
      }
      endpoint.withIpamConfig(ipam);
    }
    return endpoint;
  }

  /** {@code service:db} becomes {@code container:<project>-db-1}; other modes pass through. */
  private String namespace(String mode) {
    if (!mode.startsWith("service:")) {
      return mode;
    }
    Service other = project.service(mode.substring("service:".length()));
    return "container:" + io.berth.planner.Names.container(project, other, 1);
  }

  /**
   * The planner's hash, except for a service that references another's container: Compose hashes
   * those references resolved to the container's id, which only exists once that container is
   * created, so the hash is taken here, from the containers as they are now.
   */
  private String configHash(Service service, Action.CreateContainer action) {
    var o = service.options();
    java.util.Set<String> referenced = new java.util.TreeSet<>(service.extras().links().volumesFromServices());
    java.util.stream.Stream.of(o.networkMode(), o.ipc(), o.pid())
        .forEach(m -> m.filter(v -> v.startsWith("service:")).ifPresent(v -> referenced.add(v.substring("service:".length()))));
    if (referenced.isEmpty() && service.extras().links().volumesFrom().isEmpty()) {
      return action.configHash();
    }
    Map<String, String> ids = new LinkedHashMap<>();
    for (String other : referenced) {
      Map<String, String> idsByName = new LinkedHashMap<>();
      client.listContainersCmd().withShowAll(true)
          .withLabelFilter(Map.of(Labels.PROJECT, project.name(), Labels.SERVICE, other, Labels.ONEOFF, "False"))
          .exec().forEach(c -> idsByName.put(io.berth.executor.observe.StateCollector.name(c), c.getId()));
      io.berth.model.hash.ConfigHash.referencedContainer(idsByName).ifPresent(id -> ids.put(other, id));
    }
    return io.berth.model.hash.ConfigHash.of(service, ids);
  }

  private Map<String, String> labels(Service service, Action.CreateContainer action, boolean oneoff) {
    Map<String, String> labels = new LinkedHashMap<>(service.labels());
    labels.put(Labels.PROJECT, project.name());
    labels.put(Labels.SERVICE, service.name());
    if (!oneoff) {
      // As Compose: a one-off is no replica, so exec --index and the replica slots never count it.
      labels.put(Labels.CONTAINER_NUMBER, Integer.toString(action.number()));
    }
    labels.put(Labels.ONEOFF, oneoff ? "True" : "False");
    if (oneoff) {
      labels.put(Labels.SLUG, action.name().substring(action.name().lastIndexOf('-') + 1));
    }
    labels.put(Labels.CONFIG_HASH, configHash(service, action));
    labels.put(Labels.WORKING_DIR, project.workingDir().toString());
    labels.put(Labels.CONFIG_FILES, project.configFiles().stream().map(Path::toString).collect(Collectors.joining(",")));
    labels.put(Labels.VERSION, Labels.BERTH_VERSION);
    labels.put(Labels.DEPENDS_ON, dependsOnLabel(service));
    if (!action.inheritFrom().isEmpty()) {
      labels.put(Labels.REPLACE, action.inheritFrom());
    }
    return labels;
  }

  /** {@code db:service_started:false,cache:service_healthy:true}, as Compose writes it. */
  private static String dependsOnLabel(Service service) {
    return service.dependsOn().entrySet().stream()
        .map(e -> {
          Dependency d = e.getValue();
          return e.getKey() + ":" + d.condition() + ":" + d.restart();
        })
        .collect(Collectors.joining(","));
  }

  private static List<String> aliases(Service service, Action.CreateContainer action, String networkKey, boolean nameOnly) {
    if (nameOnly) {
      return List.of(action.name());
    }
    return aliases(service, action, networkKey);
  }

  private static List<String> aliases(Service service, Action.CreateContainer action, String networkKey) {
    Set<String> aliases = new LinkedHashSet<>();
    aliases.add(service.containerName().orElse(action.name()));
    aliases.add(service.name());
    aliases.addAll(service.options().aliases().getOrDefault(networkKey, List.of()));
    return List.copyOf(aliases);
  }

  /**
   * The anonymous volumes of the container being replaced, by target, so that the new container
   * keeps their data as Compose does on recreate: those the file declares and those its image does.
   */
  private Map<String, String> inheritedVolumes(Action.CreateContainer action, Service service, String image) {
    if (action.inheritFrom().isEmpty() || !action.inheritAnonymousVolumes()) {
      return Map.of();
    }
    InspectContainerResponse old = client.inspectContainerCmd(action.inheritFrom()).exec();
    Map<String, String> oldVolumes = new LinkedHashMap<>();
    if (old.getMounts() != null) {
      for (InspectContainerResponse.Mount m : old.getMounts()) {
        if (m.getName() != null && !m.getName().isEmpty() && m.getDestination() != null) {
          oldVolumes.put(m.getDestination().getPath(), m.getName());
        }
      }
    }
    return InheritedVolumes.of(service, imageVolumes(image), oldVolumes);
  }

  /** The paths {@code image} declares with {@code VOLUME}; none when the Engine has no such image. */
  private Set<String> imageVolumes(String image) {
    return new EngineReads(client).get("/images/" + image + "/json", Map.of(), json -> {
      Set<String> paths = new java.util.TreeSet<>();
      EngineReads.object(json, (field, value) -> {
        if (field.equals("Config")) {
          EngineReads.object(value, (key, config) -> {
            if (key.equals("Volumes")) {
              EngineReads.object(config, (path, empty) -> {
                paths.add(path);
                empty.skipChildren();
              });
            } else {
              config.skipChildren();
            }
          });
        } else {
          value.skipChildren();
        }
      });
      return paths;
    }).orElse(Set.of());
  }

  private static List<ExposedPort> exposedPorts(Service service) {
    List<ExposedPort> out = new ArrayList<>(service.ports().stream().map(ContainerFactory::exposedPort).toList());
    for (String spec : service.options().expose()) {
      int slash = spec.indexOf('/');
      String range = slash < 0 ? spec : spec.substring(0, slash);
      InternetProtocol protocol = InternetProtocol.parse(slash < 0 ? "tcp" : spec.substring(slash + 1));
      int dash = range.indexOf('-');
      int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
      int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
      for (int port = from; port <= to; port++) {
        out.add(new ExposedPort(port, protocol));
      }
    }
    return out.stream().distinct().toList();
  }

  private static HealthCheck healthCheck(Healthcheck h) {
    HealthCheck check = new HealthCheck();
    if (h.disable()) {
      return check.withTest(List.of("NONE"));
    }
    if (!h.test().isEmpty()) {
      check.withTest(h.test());
    }
    h.interval().ifPresent(d -> check.withInterval(d.toNanos()));
    h.timeout().ifPresent(d -> check.withTimeout(d.toNanos()));
    h.startPeriod().ifPresent(d -> check.withStartPeriod(d.toNanos()));
    h.retries().ifPresent(check::withRetries);
    return check;
  }

  /** {@code NET_ADMIN} or {@code CAP_NET_ADMIN}, as the docker CLI accepts them. */
  private static ExposedPort exposedPort(PortMapping p) {
    return new ExposedPort(p.target(), InternetProtocol.parse(p.protocol()));
  }

  private static Ports portBindings(Service service) {
    Ports ports = new Ports();
    for (PortMapping p : service.ports()) {
      String hostIp = p.hostIp().isEmpty() ? null : p.hostIp();
      String published = p.published().isEmpty() ? null : p.published();
      ports.bind(exposedPort(p), new Ports.Binding(hostIp, published));
    }
    return ports;
  }

  private static RestartPolicy restartPolicy(Service service) {
    String policy = service.restart().orElse("no");
    return policy.equals("no") ? RestartPolicy.noRestart() : RestartPolicy.parse(policy);
  }

  /**
   * The environment as the Engine takes it. An entry without a value ({@code environment: [FOO]}
   * with FOO unset) is sent as the bare name, as Compose's ToMobyEnv does: the Engine then unsets
   * the image's own FOO instead of keeping it.
   */
  static List<String> engineEnv(Map<String, String> environment) {
    return environment.entrySet().stream()
        .map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue()).toList();
  }
}
