package io.berth.executor;

import com.fasterxml.jackson.core.JsonParser;
import io.berth.executor.engine.EngineReads;
import io.berth.planner.labels.Labels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code volumes}: the project's volumes, by Compose's labels, as the Engine lists them. */
public final class Volumes {
  private final EngineSession session;

  public Volumes(EngineSession session) {
    this.session = session;
  }

  /** One volume, with the fields the docker CLI's volume table can show. */
  public record Summary(String name, String driver, String scope, String mountpoint, Map<String, String> labels) {
    public Summary {
      labels = Map.copyOf(labels);
    }
  }

  /**
   * @param services only the volumes the running containers of these services mount, as Compose
   *     narrows it; empty for every volume of the project
   */
  public List<Summary> list(String project, Set<String> services) {
    EngineReads engine = new EngineReads(session.engine().client());
    Map<String, List<String>> labelled = Map.of("label", List.of(Labels.PROJECT + "=" + project));
    List<Summary> volumes = new ArrayList<>();
    engine.get("/volumes", labelled, json -> {
      EngineReads.object(json, (field, value) -> {
        if (field.equals("Volumes")) {
          volumes.addAll(EngineReads.array(value, Volumes::volume));
        } else {
          value.skipChildren();
        }
      });
      return volumes;
    });
    Set<String> mounted = new HashSet<>();
    if (!services.isEmpty()) {
      // Running containers only: Compose lists them without "all".
      engine.get("/containers/json", labelled, json -> EngineReads.array(json, c -> {
        var container = new Object() {
          Map<String, String> labels = Map.of();
          List<String> mounts = List.of();
        };
        EngineReads.object(c, (field, value) -> {
          switch (field) {
            case "Labels" -> container.labels = EngineReads.strings(value);
            case "Mounts" -> container.mounts = EngineReads.array(value, Volumes::mountName);
            default -> value.skipChildren();
          }
        });
        if (project.equals(container.labels.get(Labels.PROJECT)) && services.contains(container.labels.get(Labels.SERVICE))) {
          mounted.addAll(container.mounts);
        }
        return container;
      }));
    }
    return volumes.stream()
        .filter(v -> project.equals(v.labels().get(Labels.PROJECT)))
        .filter(v -> services.isEmpty() || mounted.contains(v.name()))
        .sorted(Comparator.comparing(Summary::name))
        .toList();
  }

  private static Summary volume(JsonParser json) throws IOException {
    var v = new Object() {
      String name = "";
      String driver = "";
      String scope = "";
      String mountpoint = "";
      Map<String, String> labels = Map.of();
    };
    EngineReads.object(json, (field, value) -> {
      switch (field) {
        case "Name" -> v.name = EngineReads.text(value);
        case "Driver" -> v.driver = EngineReads.text(value);
        case "Scope" -> v.scope = EngineReads.text(value);
        case "Mountpoint" -> v.mountpoint = EngineReads.text(value);
        case "Labels" -> v.labels = EngineReads.strings(value);
        default -> value.skipChildren();
      }
    });
    return new Summary(v.name, v.driver, v.scope, v.mountpoint, v.labels);
  }

  /** A mount's volume name; empty for a bind mount, which has none. */
  private static String mountName(JsonParser json) throws IOException {
    StringBuilder name = new StringBuilder();
    EngineReads.object(json, (field, value) -> {
      if (field.equals("Name")) {
        name.append(EngineReads.text(value));
      } else {
        value.skipChildren();
      }
    });
    return name.toString();
  }
}
