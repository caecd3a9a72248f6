package io.berth.cli;

import io.berth.model.ComposeLoader;
import io.berth.model.LoadRequest;
import io.berth.model.spec.Project;
import io.berth.planner.graph.ServiceGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Turns the global flags into a loader request and loads the project, printing warnings as Compose does. */
public final class ProjectLoading {
  private ProjectLoading() {}

  /**
   * Loads the project and checks its dependency graph, so that a cycle is reported like any other
   * mistake in the file, before any command contacts the Engine.
   */
  public static Project load(BerthCommand root) {
    Project project = ComposeLoader.load(request(root), warning -> warn(root.invocation(), warning));
    ServiceGraph.of(project);
    return project;
  }

  /**
   * The project with {@code service} enabled even where its profiles are not, as Compose enables a
   * service a command names ({@code run}): its profiles join those given, for this load only.
   */
  public static Project loadEnabling(BerthCommand root, String service) {
    Project project = load(root);
    if (project.services().containsKey(service)) {
      return project;
    }
    LoadRequest request = request(root);
    Project all = ComposeLoader.load(withProfiles(request, List.of("*")), warning -> {});
    if (!all.services().containsKey(service)) {
      return project;
    }
    List<String> active = new java.util.ArrayList<>(request.profiles().isEmpty()
        ? java.util.Arrays.stream(all.environment().getOrDefault("COMPOSE_PROFILES", "").split(","))
            .map(String::strip).filter(p -> !p.isEmpty()).toList()
        : request.profiles());
    active.addAll(all.service(service).profiles());
    Project enabled = ComposeLoader.load(withProfiles(request, active), warning -> {});
    ServiceGraph.of(enabled);
    return enabled;
  }

  private static LoadRequest withProfiles(LoadRequest r, List<String> profiles) {
    return new LoadRequest(r.workingDir(), r.files(), r.projectDirectory(), r.projectName(), r.envFiles(), r.environment(),
        profiles);
  }

  /**
   * The project, or, where no compose file is found but a project name is given ({@code -p} or
   * COMPOSE_PROJECT_NAME), just that name: enough for commands that act on what the Engine holds.
   */
  public static ProjectOrName loadOrName(BerthCommand root) {
    try {
      Project p = load(root);
      return new ProjectOrName(p.name(), java.util.Optional.of(p));
    } catch (io.berth.model.diag.NoComposeFileException e) {
      String name = root.global.projectName != null ? root.global.projectName
          : root.invocation().environment().get("COMPOSE_PROJECT_NAME");
      if (name == null || name.isEmpty()) {
        throw e;
      }
      return new ProjectOrName(io.berth.model.load.ProjectNames.validate(name), java.util.Optional.empty());
    }
  }

  /** A project's name, and the project itself when its files were found. */
  public record ProjectOrName(String name, java.util.Optional<Project> project) {}

  public static LoadRequest request(BerthCommand root) {
    Invocation inv = root.invocation();
    GlobalOptions g = root.global;
    List<Path> files = g.files.stream().map(f -> inv.workingDir().resolve(f)).toList();
    List<Path> envFiles = g.envFiles.stream().map(f -> inv.workingDir().resolve(f)).toList();
    return new LoadRequest(inv.workingDir(), files,
        Optional.ofNullable(g.projectDirectory).map(d -> inv.workingDir().resolve(d).normalize()),
        Optional.ofNullable(g.projectName), envFiles, inv.environment(), g.profiles);
  }

  /** Compose prints warnings in logrus' text form; users grep for {@code WARN}. */
  public static void warn(Invocation inv, String warning) {
    inv.err().println("WARN[0000] " + warning);
    inv.err().flush();
  }

  /** {@code --parallel}, else COMPOSE_PARALLEL_LIMIT, else Compose's default. */
  public static int parallelism(BerthCommand root) {
    if (root.global.parallel != null) {
      return Math.max(1, root.global.parallel);
    }
    String limit = root.invocation().environment().get("COMPOSE_PARALLEL_LIMIT");
    if (limit != null && limit.matches("\\d+") && Integer.parseInt(limit) > 0) {
      return Integer.parseInt(limit);
    }
    return io.berth.executor.EngineSession.DEFAULT_PARALLELISM;
  }
}
