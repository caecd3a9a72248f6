package io.berth.cli;

import io.berth.model.ComposeLoader;
import io.berth.model.LoadRequest;
import io.berth.model.spec.Project;
import io.berth.planner.graph.ServiceGraph;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/** Turns the global flags into a loader request and loads the project, printing warnings as Compose does. */
public final class ProjectLoading {
  private ProjectLoading() {}

  /**
   * Loads the project and checks its dependency graph, so that a cycle is reported like any other
   * mistake in the file, before any command contacts the Engine.
   */
  public static Project load(BerthCommand root) {
    return load(root, List.of());
  }

  /**
   * As {@link #load(BerthCommand)}, with the {@code services} the command names enabled whatever
   * their profiles, as Compose's ToProject does ({@code up foo} for a foo of an inactive profile).
   */
  public static Project load(BerthCommand root, Collection<String> services) {
    return load(root, services, true);
  }

  /**
   * For commands that only act on existing containers (ps, logs, exec, stop, down...): as
   * {@link #load(BerthCommand, Collection)}, but only the named services need their env files,
   * none when none is named.
   */
  public static Project loadForRuntime(BerthCommand root, Collection<String> services) {
    return load(root, services, false);
  }

  /**
   * As Compose, a missing required env file fails only a command that needs that service: one it
   * names, or what those depend on when {@code withDependencies} (all services when none is named).
   */
  private static Project load(BerthCommand root, Collection<String> services, boolean withDependencies) {
    ComposeLoader.Lenient loaded = ComposeLoader.loadNotingMissingEnvFiles(request(root), Set.copyOf(services),
        warning -> warn(root.invocation(), warning));
    Project project = loaded.project();
    ServiceGraph graph = ServiceGraph.of(project);
    if (!loaded.missingEnvFiles().isEmpty()) {
      Collection<String> needed = !withDependencies ? services
          : services.isEmpty() ? project.services().keySet()
          : graph.withDependencies(Set.copyOf(services.stream().filter(graph::contains).toList()));
      for (String s : new java.util.TreeSet<>(needed)) {
        if (loaded.missingEnvFiles().containsKey(s)) {
          throw loaded.missingEnvFiles().get(s);
        }
      }
    }
    return project;
  }

  /**
   * The project, or, where no compose file is found but a project name is given ({@code -p} or
   * COMPOSE_PROJECT_NAME), just that name: enough for commands that act on what the Engine holds.
   */
  public static ProjectOrName loadOrName(BerthCommand root) {
    return loadOrName(root, List.of());
  }

  /** As {@link #loadOrName(BerthCommand)}, with the named {@code services} enabled. */
  public static ProjectOrName loadOrName(BerthCommand root, Collection<String> services) {
    try {
      Project p = loadForRuntime(root, services);
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
    Map<String, String> environment = inv.environment();
    if (g.compatibility) {
      // The flag is COMPOSE_COMPATIBILITY's, as in Compose; the project carries it to the names it gives.
      environment = new java.util.HashMap<>(environment);
      environment.put("COMPOSE_COMPATIBILITY", "true");
    }
    return new LoadRequest(inv.workingDir(), files,
        Optional.ofNullable(g.projectDirectory).map(d -> inv.workingDir().resolve(d).normalize()),
        Optional.ofNullable(g.projectName), envFiles, environment, g.profiles);
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
