package io.berth.executor.create;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.Mount;
import io.berth.model.spec.PortMapping;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.labels.Labels;
import io.berth.planner.plan.Action;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    String image = service.image().orElseThrow(() -> new IllegalStateException(
        "service " + service.name() + " has no image"));
    List<String> networks = networkNames(service);
    HostConfig host = HostConfig.newHostConfig()
        .withBinds(binds(service, inheritedVolumes(action, service)))
        .withPortBindings(portBindings(service))
        .withRestartPolicy(restartPolicy(service))
        .withNetworkMode(networks.isEmpty() ? "none" : networks.get(0));

    CreateContainerCmd cmd = client.createContainerCmd(image)
        .withName(action.name())
        .withLabels(labels(service, action))
        .withEnv(service.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
        .withExposedPorts(exposedPorts(service))
        .withVolumes(anonymousVolumes(service))
        .withHostConfig(host);
    service.command().ifPresent(cmd::withCmd);
    service.entrypoint().ifPresent(e -> cmd.withEntrypoint(e.isEmpty() ? List.of("") : e));
    service.workingDir().ifPresent(cmd::withWorkingDir);
    service.user().ifPresent(cmd::withUser);
    if (!networks.isEmpty()) {
      cmd.withAliases(aliases(service, action));
    }
    String id = cmd.exec().getId();
    for (String network : networks.subList(Math.min(1, networks.size()), networks.size())) {
      client.connectToNetworkCmd()
          .withContainerId(id)
          .withNetworkId(network)
          .withContainerNetwork(new ContainerNetwork().withAliases(aliases(service, action)))
          .exec();
    }
    return id;
  }

  private Map<String, String> labels(Service service, Action.CreateContainer action) {
    Map<String, String> labels = new LinkedHashMap<>(service.labels());
    labels.put(Labels.PROJECT, project.name());
    labels.put(Labels.SERVICE, service.name());
    labels.put(Labels.CONTAINER_NUMBER, Integer.toString(action.number()));
    labels.put(Labels.ONEOFF, "False");
    labels.put(Labels.CONFIG_HASH, action.configHash());
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

  private List<String> networkNames(Service service) {
    return service.networks().stream().map(key -> project.networks().get(key).name()).toList();
  }

  private static List<String> aliases(Service service, Action.CreateContainer action) {
    Set<String> aliases = new LinkedHashSet<>();
    aliases.add(service.containerName().orElse(action.name()));
    aliases.add(service.name());
    return List.copyOf(aliases);
  }

  private List<Bind> binds(Service service, Map<String, String> inherited) {
    List<Bind> binds = new ArrayList<>();
    for (Mount m : service.volumes()) {
      AccessMode mode = m.readOnly() ? AccessMode.ro : AccessMode.rw;
      String source = switch (m.type()) {
        case BIND -> m.source();
        case VOLUME -> m.source().isEmpty() ? inherited.get(m.target()) : project.volumes().get(m.source()).name();
      };
      if (source != null) {
        binds.add(new Bind(source, new Volume(m.target()), mode));
      }
    }
    return binds;
  }

  private static List<Volume> anonymousVolumes(Service service) {
    return service.volumes().stream()
        .filter(m -> m.type() == Mount.Type.VOLUME && m.source().isEmpty())
        .map(m -> new Volume(m.target()))
        .toList();
  }

  /**
   * The anonymous volumes of the container being replaced, by target, so that the new container
   * keeps their data as Compose does on recreate.
   */
  private Map<String, String> inheritedVolumes(Action.CreateContainer action, Service service) {
    if (action.inheritFrom().isEmpty()) {
      return Map.of();
    }
    Set<String> anonymousTargets = anonymousVolumes(service).stream().map(Volume::getPath).collect(Collectors.toSet());
    InspectContainerResponse old = client.inspectContainerCmd(action.inheritFrom()).exec();
    Map<String, String> out = new LinkedHashMap<>();
    if (old.getMounts() != null) {
      for (InspectContainerResponse.Mount m : old.getMounts()) {
        if (m.getName() != null && m.getDestination() != null && anonymousTargets.contains(m.getDestination().getPath())) {
          out.put(m.getDestination().getPath(), m.getName());
        }
      }
    }
    return out;
  }

  private static List<ExposedPort> exposedPorts(Service service) {
    return service.ports().stream().map(ContainerFactory::exposedPort).distinct().toList();
  }

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
}
