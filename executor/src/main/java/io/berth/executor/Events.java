package io.berth.executor;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.berth.planner.labels.Labels;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** {@code events}: the Engine's container events for the project, as they happen. */
public final class Events {
  private final EngineSession session;

  public Events(EngineSession session) {
    this.session = session;
  }

  /**
   * One container event.
   *
   * @param attributes the Engine's attributes (image, name, labels, exit code ...)
   */
  public record ContainerEvent(Instant time, String action, String id, String service, Map<String, String> attributes) {}

  /** Streams events to {@code sink} until {@code stop} counts down. */
  public void stream(String project, Set<String> services, Consumer<ContainerEvent> sink, CountDownLatch stop)
      throws InterruptedException {
    try (ResultCallback.Adapter<Event> events = session.engine().client().eventsCmd()
        .withLabelFilter(Map.of(Labels.PROJECT, project))
        .withEventTypeFilter("container")
        .exec(new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Event e) {
            Map<String, String> attributes = e.getActor() == null || e.getActor().getAttributes() == null
                ? Map.of() : new TreeMap<>(e.getActor().getAttributes());
            String service = attributes.getOrDefault(Labels.SERVICE, "");
            if (!services.isEmpty() && !services.contains(service)) {
              return;
            }
            long nanos = e.getTimeNano() == null ? e.getTime() * 1_000_000_000L : e.getTimeNano();
            sink.accept(new ContainerEvent(Instant.ofEpochSecond(0, nanos), e.getAction(), e.getId(), service, attributes));
          }
        })) {
      stop.await();
    } catch (java.io.IOException ignored) {
      // Closing the subscription at the end.
    }
  }
}
