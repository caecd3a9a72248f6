package io.berth.executor;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.berth.executor.observe.StateCollector;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.planner.observed.ObservedContainer;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Set;

/** {@code kill}: send SIGKILL to the project's running containers, all at once. */
public final class Kill {
  private final EngineSession session;

  public Kill(EngineSession session) {
    this.session = session;
  }

  /** @param services only these services; empty for all */
  public void run(String project, Set<String> services) {
    List<ObservedContainer> running = new StateCollector(session.engine().client()).observe(project).containers().stream()
        .filter(c -> c.running() && (services.isEmpty() || services.contains(c.service())))
        .toList();
    WorkerExecutor workers = session.vertx().createSharedWorkerExecutor("berth-kill", Math.max(1, running.size()));
    try {
      List<Future<Void>> kills = running.stream().map(c -> workers.<Void>executeBlocking(() -> {
        try {
          session.engine().client().killContainerCmd(c.id()).exec();
          session.progress().on(ProgressEvent.of("Container", c.name(), Status.STOPPED));
        } catch (NotFoundException | ConflictException notRunning) {
          // Stopped or gone meanwhile: what we wanted.
        }
        return null;
      }, false)).toList();
      Future.join(kills).toCompletionStage().handle((ok, err) -> null).toCompletableFuture().join();
    } finally {
      workers.close();
    }
  }
}
