package io.berth.executor;

import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import io.berth.executor.engine.EngineException;
import io.berth.executor.observe.StateCollector;
import io.berth.planner.observed.ObservedContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code top} and {@code wait}: read-only looks at the project's running containers. */
public final class Inspection {
  private final EngineSession session;

  public Inspection(EngineSession session) {
    this.session = session;
  }

  /** One container's processes, as the Engine's top reports them. */
  /** One container's processes, under the titles the Engine gives ({@code UID}, {@code PID}, ..., {@code CMD}). */
  public record Processes(String container, String service, int replica, List<String> titles, List<List<String>> rows) {}

  public List<Processes> top(String project, Set<String> services) {
    List<Processes> out = new ArrayList<>();
    for (ObservedContainer c : running(project, services)) {
      TopContainerResponse top = session.engine().client().topContainerCmd(c.id()).exec();
      List<List<String>> rows = new ArrayList<>();
      for (String[] p : top.getProcesses()) {
        rows.add(List.of(p));
      }
      out.add(new Processes(c.name(), c.service(), c.number(), List.of(top.getTitles()), rows));
    }
    return out;
  }

  /** Blocks until the first container of the given services stops; returns its exit code. */
  public int waitFor(String project, Set<String> services) {
    List<ObservedContainer> targets = new StateCollector(session.engine().client()).observe(project).containers().stream()
        .filter(c -> !c.oneoff() && services.contains(c.service()))
        .toList();
    if (targets.isEmpty()) {
      throw new EngineException("no containers for services " + services);
    }
    java.util.concurrent.CompletableFuture<Integer> first = new java.util.concurrent.CompletableFuture<>();
    for (ObservedContainer c : targets) {
      session.engine().client().waitContainerCmd(c.id()).exec(new WaitContainerResultCallback() {
        @Override
        public void onNext(com.github.dockerjava.api.model.WaitResponse response) {
          first.complete(response.getStatusCode());
          super.onNext(response);
        }
      });
    }
    return first.join();
  }

  private List<ObservedContainer> running(String project, Set<String> services) {
    return new StateCollector(session.engine().client()).observe(project).containers().stream()
        .filter(c -> c.running() && !c.oneoff() && (services.isEmpty() || services.contains(c.service())))
        .toList();
  }
}
