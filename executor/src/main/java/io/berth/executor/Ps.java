package io.berth.executor;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import com.github.dockerjava.api.model.ContainerPort;
import io.berth.executor.observe.StateCollector;
import io.berth.planner.labels.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code ps}: the project's containers as the Engine lists them. */
public final class Ps {
  private final EngineSession session;

  public Ps(EngineSession session) {
    this.session = session;
  }

  /**
   * @param all include stopped containers ({@code -a})
   * @param services only these services; empty for all
   */
  public List<ContainerSummary> list(String project, boolean all, Set<String> services) {
    List<Container> containers = session.engine().client().listContainersCmd()
        .withShowAll(all)
        .withLabelFilter(Map.of(Labels.PROJECT, project))
        .exec();
    List<ContainerSummary> out = new ArrayList<>();
    for (Container c : containers) {
      Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
      String service = labels.getOrDefault(Labels.SERVICE, "");
      if (!project.equals(labels.get(Labels.PROJECT)) || (!services.isEmpty() && !services.contains(service))) {
        continue;
      }
      List<String> mounts = new ArrayList<>();
      int local = 0;
      for (ContainerMount m : c.getMounts() == null ? List.<ContainerMount>of() : c.getMounts()) {
        mounts.add(m.getName() == null || m.getName().isEmpty() ? Objects.requireNonNullElse(m.getSource(), "") : m.getName());
        local += "local".equals(m.getDriver()) ? 1 : 0;
      }
      List<String> networks = c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null ? List.of()
          : c.getNetworkSettings().getNetworks().keySet().stream().sorted().toList();
      List<String> names = c.getNames() == null ? List.of()
          : Arrays.stream(c.getNames()).map(n -> n.startsWith("/") ? n.substring(1) : n).toList();
      out.add(new ContainerSummary(c.getId(), StateCollector.name(c), names, Objects.requireNonNullElse(c.getImage(), ""),
          Objects.requireNonNullElse(c.getCommand(), ""), project, service,
          c.getCreated() == null ? 0 : c.getCreated(), Objects.requireNonNullElse(c.getState(), ""),
          Objects.requireNonNullElse(c.getStatus(), ""), publishers(c), labels, mounts, local, networks));
    }
    out.sort(Comparator.comparing(ContainerSummary::name));
    return out;
  }

  private static List<ContainerSummary.Publisher> publishers(Container c) {
    List<ContainerSummary.Publisher> out = new ArrayList<>();
    if (c.getPorts() == null) {
      return out;
    }
    for (ContainerPort p : c.getPorts()) {
      out.add(new ContainerSummary.Publisher(Objects.requireNonNullElse(p.getIp(), ""),
          p.getPrivatePort() == null ? 0 : p.getPrivatePort(),
          p.getPublicPort() == null ? 0 : p.getPublicPort(),
          Objects.requireNonNullElse(p.getType(), "tcp")));
    }
    out.sort(Comparator.comparingInt(ContainerSummary.Publisher::targetPort).thenComparing(ContainerSummary.Publisher::url));
    return out;
  }
}
