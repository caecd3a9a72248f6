package io.berth.executor;

import com.github.dockerjava.api.model.Container;
import io.berth.planner.labels.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code ls}: the Compose projects the Engine holds containers for, found by their labels. */
public final class Projects {
  private final EngineSession session;

  public Projects(EngineSession session) {
    this.session = session;
  }

  /**
   * @param status Compose's summary, e.g. {@code running(2), exited(1)}
   * @param configFiles the compose files the containers were created from, comma-separated
   */
  public record Summary(String name, String status, String configFiles) {}

  /** @param all also projects with no running container */
  public List<Summary> list(boolean all) {
    List<Container> containers = session.engine().client().listContainersCmd().withShowAll(true)
        .withLabelFilter(List.of(Labels.PROJECT)).exec();
    Map<String, List<Container>> byProject = new TreeMap<>(containers.stream()
        .filter(c -> c.getLabels() != null && c.getLabels().containsKey(Labels.PROJECT))
        .collect(Collectors.groupingBy(c -> c.getLabels().get(Labels.PROJECT))));
    List<Summary> out = new ArrayList<>();
    byProject.forEach((name, list) -> {
      Map<String, Long> states = new TreeMap<>(list.stream().collect(Collectors.groupingBy(Container::getState, Collectors.counting())));
      if (!all && !states.containsKey("running")) {
        return;
      }
      String status = states.entrySet().stream().map(e -> e.getKey() + "(" + e.getValue() + ")").collect(Collectors.joining(", "));
      String files = list.stream().map(c -> c.getLabels().getOrDefault(Labels.CONFIG_FILES, "")).filter(f -> !f.isEmpty())
          .distinct().collect(Collectors.joining(","));
      out.add(new Summary(name, status, files));
    });
    return out;
  }
}
