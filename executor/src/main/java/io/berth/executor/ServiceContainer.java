package io.berth.executor;

import io.berth.executor.engine.EngineException;
import io.berth.executor.observe.StateCollector;
import io.berth.planner.observed.ObservedContainer;
import java.util.Comparator;

/**
 * The one running container of a service a command acts on, picked as Compose picks it for
 * {@code export} and {@code commit}: replica {@code --index} when one is given, else the lowest
 * numbered, a one-off container ({@code run}) only when the service has no other.
 */
final class ServiceContainer {
  private ServiceContainer() {}

  /**
   * @param index the replica number; 0 for none given
   * @throws EngineException when no such container is running
   */
  static ObservedContainer pick(EngineSession session, String project, String service, int index) {
    return new StateCollector(session.engine().client()).observe(project).containers().stream()
        .filter(c -> c.service().equals(service) && c.running())
        .filter(c -> index <= 0 || c.number() == index)
        .min(Comparator.comparing(ObservedContainer::oneoff).thenComparingInt(ObservedContainer::number))
        .orElseThrow(() -> new EngineException(index > 0
            ? "service \"" + service + "\" is not running container #" + index
            : "service \"" + service + "\" is not running"));
  }
}
