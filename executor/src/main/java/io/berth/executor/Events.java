package io.berth.executor;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.model.Event;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.planner.labels.Labels;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** {@code events}: the Engine's container events for the project, as they happen or from its recent history. */
public final class Events {
  private final EngineSession session;

  public Events(EngineSession session) {
    this.session = session;
  }

  /**
   * One container event.
   *
   * @param attributes the Engine's attributes (image, name, exit code, the container's own labels),
   *     without Compose's labels, as Compose shows them
   */
  public record ContainerEvent(Instant time, String action, String id, String service, Map<String, String> attributes) {}

  /**
   * The part of the Engine's event history to show, as its events API takes it.
   *
   * @param since replay the events from then on, which the Engine keeps in a short buffer
   * @param until end the stream then, by itself, even in the future
   */
  public record Window(Optional<Instant> since, Optional<Instant> until) {}

  /**
   * Streams events to {@code sink} until {@code stop} counts down, or the Engine ends the stream
   * at the window's end, which counts {@code stop} down.
   */
  public void stream(String project, Set<String> services, Window window, Consumer<ContainerEvent> sink, CountDownLatch stop)
      throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    EventsCmd cmd = session.engine().client().eventsCmd()
        .withLabelFilter(Map.of(Labels.PROJECT, project))
        .withEventTypeFilter("container");
    window.since().ifPresent(t -> cmd.withSince(engineTime(t)));
    window.until().ifPresent(t -> cmd.withUntil(engineTime(t)));
    try (ResultCallback.Adapter<Event> events = cmd.exec(new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Event e) {
            Map<String, String> all = e.getActor() == null || e.getActor().getAttributes() == null
                ? Map.of() : e.getActor().getAttributes();
            String service = all.getOrDefault(Labels.SERVICE, "");
            // As Compose: a one-off container's events (run) are not the project's.
            if ("True".equals(all.get(Labels.ONEOFF)) || (!services.isEmpty() && !services.contains(service))) {
              return;
            }
            Map<String, String> attributes = new TreeMap<>(all);
            attributes.keySet().removeIf(k -> k.startsWith(Labels.PREFIX));
            long nanos = e.getTimeNano() == null ? e.getTime() * 1_000_000_000L : e.getTimeNano();
            sink.accept(new ContainerEvent(Instant.ofEpochSecond(0, nanos), e.getAction(), e.getId(), service, attributes));
          }

          @Override
          public void onComplete() {
            super.onComplete();
            stop.countDown();
          }

          @Override
          public void onError(Throwable t) {
            // After stop, this is the subscription being closed, not a failure.
            if (stop.getCount() > 0) {
              failure.compareAndSet(null, t);
            }
            stop.countDown();
          }
        })) {
      stop.await();
    } catch (java.io.IOException ignored) {
      // Closing the subscription at the end.
    }
    if (failure.get() != null) {
      throw new EngineException("events: " + EngineErrors.describe(failure.get()), failure.get());
    }
  }

  /** The Engine's form of a time: Unix seconds and nanoseconds. */
  private static String engineTime(Instant t) {
    return String.format("%d.%09d", t.getEpochSecond(), t.getNano());
  }
}
