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
    services.forEach(s -> ImageBuilder.refuseUnsupported(s, project.service(s).build().orElseThrow()));
    ServiceGraph graph = ServiceGraph.of(project);
    Set<String> building = new HashSet<>(services);
    List<String> order = graph.startOrder().stream().filter(building::contains).toList();
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
        for (String dependency : graph.withDependencies(Set.of(service))) {
          if (!dependency.equals(service) && builds.containsKey(dependency)) {
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
}
