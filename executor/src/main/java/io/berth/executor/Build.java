package io.berth.executor;

import io.berth.executor.create.BuildOptions;
import io.berth.executor.create.ImageBuilder;
import io.berth.executor.create.ImagePusher;
import io.berth.executor.create.Images;
import io.berth.executor.engine.EngineException;
import io.berth.model.spec.Project;
import io.berth.planner.graph.ServiceGraph;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code build}: the images of the given services, each after the builds of the services it
 * depends on (a Dockerfile may start {@code FROM} a dependency's image), the independent ones at
 * once up to the session's parallelism, as Compose's classic builder does.
 */
public final class Build {
  private final EngineSession session;

  public Build(EngineSession session) {
    this.session = session;
  }

  /**
   * @param services services that have a {@code build} section
   * @param parallel build independent images at once; false: one at a time
   * @param push push each built image that names one ({@code image}), with its {@code build.tags}, once built
   * @return the new image id of each service, in the order given
   * @throws EngineException the first build or push that failed; the builds not started by then are not
   */
  public Map<String, String> run(Project project, List<String> services, BuildOptions options, boolean parallel, boolean push) {
    if (services.isEmpty()) {
      return Map.of();
    }
    // What no service can have built is said before any is.
    String defaultPlatform = project.environment().getOrDefault("DOCKER_DEFAULT_PLATFORM", "");
    for (String s : services) {
      var spec = project.service(s).build().orElseThrow();
      // As Compose's build options: the default platform must be one the build section makes.
      if (!defaultPlatform.isEmpty() && !spec.extras().platforms().isEmpty()
          && !spec.extras().platforms().contains(defaultPlatform)) {
        throw new EngineException("service \"" + s + "\" build.platforms does not support value set by DOCKER_DEFAULT_PLATFORM: "
            + defaultPlatform);
      }
      ImageBuilder.refuseUnsupported(s, spec);
    }
    ServiceGraph graph = ServiceGraph.of(project);
    Set<String> building = new HashSet<>(services);
    List<String> order = graph.startOrder().stream().filter(building::contains).toList();
    Map<String, Set<String>> builtFirst = new LinkedHashMap<>();
    for (String service : order) {
      Set<String> first = new LinkedHashSet<>(graph.withDependencies(Set.of(service)));
      first.addAll(contextServices(project, service));
      first.remove(service);
      builtFirst.put(service, first);
    }
    order = dependenciesFirst(order, builtFirst);
    Images images = session.images();
    ImagePusher pusher = new ImagePusher(session.engine().client(), session.progress(), session.registryAuth());
    Map<String, String> ids = new ConcurrentHashMap<>();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    int threads = parallel ? Math.max(1, Math.min(session.parallelism(), order.size())) : 1;
    WorkerExecutor workers = session.vertx().createSharedWorkerExecutor("berth-build", threads);
    try {
      Map<String, Future<Void>> builds = new LinkedHashMap<>();
      for (String service : order) {
        List<Future<Void>> before = new ArrayList<>();
        for (String dependency : builtFirst.get(service)) {
          if (builds.containsKey(dependency)) {
            before.add(builds.get(dependency));
          }
        }
        builds.put(service, Future.all(before).compose(ok -> workers.<Void>executeBlocking(() -> {
          if (failure.get() != null) {
            return null;
          }
          try {
            ids.put(service, images.build(project, service, options));
            if (push) {
              for (String tag : ImagePusher.tagsOf(project.service(service))) {
                pusher.push(service, tag);
              }
            }
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            throw e;
          }
          return null;
        }, false)));
      }
      Future.join(new ArrayList<>(builds.values())).toCompletionStage().handle((ok, err) -> null).toCompletableFuture().join();
    } finally {
      workers.close();
    }
    if (failure.get() != null) {
      RuntimeException e = failure.get();
      throw e instanceof EngineException ee ? ee : new EngineException(String.valueOf(e.getMessage()), e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    services.forEach(s -> out.put(s, ids.get(s)));
    return out;
  }

  /**
   * {@code services} and, transitively, the services their {@code additional_contexts} name as
   * {@code service:NAME}, as Compose adds them to a build: their images are built first.
   */
  public static List<String> withContextServices(Project project, List<String> services) {
    Set<String> out = new LinkedHashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(services);
    while (!todo.isEmpty()) {
      String s = todo.poll();
      if (out.add(s)) {
        todo.addAll(contextServices(project, s));
      }
    }
    return List.copyOf(out);
  }

  /** The services a service's {@code additional_contexts} name as {@code service:NAME}, transitively. */
  private static Set<String> contextServices(Project project, String service) {
    Set<String> out = new LinkedHashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(service));
    while (!todo.isEmpty()) {
      project.service(todo.poll()).build().ifPresent(b -> b.extras().additionalContexts().values().stream()
          .filter(v -> v.startsWith("service:"))
          .map(v -> v.substring("service:".length()))
          .filter(project.services()::containsKey)
          .filter(out::add)
          .forEach(todo::add));
    }
    out.remove(service);
    return out;
  }

  /** {@code order} rearranged so that each service comes after those in its {@code before} set. */
  private static List<String> dependenciesFirst(List<String> order, Map<String, Set<String>> before) {
    List<String> out = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    List<String> left = new ArrayList<>(order);
    while (!left.isEmpty()) {
      String next = left.stream()
          .filter(s -> before.get(s).stream().allMatch(d -> placed.contains(d) || !before.containsKey(d)))
          .findFirst()
          // A cycle through build contexts: the file's order, as nothing better can be said.
          .orElse(left.get(0));
      left.remove(next);
      placed.add(next);
      out.add(next);
    }
    return out;
  }
}
