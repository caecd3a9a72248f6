package io.berth.executor.logs;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Event;
import io.berth.planner.labels.Labels;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What an attached {@code up} watches, as Compose's monitor: the service containers of the
 * monitored services, from the Engine's event stream. It tells when one exits (and whether the
 * Engine restarts it) and when one starts again or anew, and ends once every one has exited for
 * good. One-off ({@code run}) containers are not the application's and are ignored.
 *
 * <p>berth attaches after the start, so the events since the start of {@code up} are read again;
 * and since the Engine keeps only its last events, the containers are also looked at every
 * {@value #SWEEP_MILLIS} ms, so that an exit whose event is gone still ends the session.
 */
public final class ContainerMonitor implements Closeable {
  private static final long SWEEP_MILLIS = 2_000;
  private static final long STARTED_EVENT_SLACK_NANOS = 50_000_000L;

  /** Something that happened to a monitored container. */
  public sealed interface Change {
    String id();

    String service();

    /** The container's name. */
    String name();
  }

  /** The container stopped with {@code code}; {@code restarting} when the Engine starts it again. */
  public record Exited(String id, String service, String name, long code, boolean restarting) implements Change {}

  /** The container started after it was first seen (a restart), or a new one started; at {@code timeNano}. */
  public record Started(String id, String service, String name, long timeNano) implements Change {}

  private final DockerClient client;
  private final Set<String> services;
  /** The containers the session waits for: id to name. */
  private final Map<String, String> remaining = new ConcurrentHashMap<>();
  private final Map<String, String> serviceOf = new ConcurrentHashMap<>();
  /** When the run of each container seen at the start began, in the Engine's nanoseconds. */
  private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Consumer<Change> listener;
  private ResultCallback.Adapter<Event> events;
  private Thread worker;

  private ContainerMonitor(DockerClient client, Set<String> services, Consumer<Change> listener) {
    this.client = client;
    this.services = Set.copyOf(services);
    this.listener = listener;
  }

  /**
   * @param containers the monitored services' containers there now, id to name
   * @param sinceEpochSecond when {@code up} began: its events are read again
   * @param listener told of each change, one at a time, on the monitor's own thread
   */
  public static ContainerMonitor start(DockerClient client, String project, Set<String> services,
      Map<String, String> containers, long sinceEpochSecond, Consumer<Change> listener) {
    ContainerMonitor m = new ContainerMonitor(client, services, listener);
    m.remaining.putAll(containers);
    containers.keySet().forEach(id -> m.inspect(id).map(r -> r.getState().getStartedAt()).map(ContainerMonitor::nanos)
        .ifPresent(at -> m.startedAt.put(id, at)));
    m.events = client.eventsCmd()
        .withLabelFilter(Map.of(Labels.PROJECT, project))
        .withEventTypeFilter("container")
        .withSince(Long.toString(sinceEpochSecond))
        .exec(new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Event event) {
            m.queue.add(event);
          }
        });
    m.worker = new Thread(m::work, "berth-monitor");
    m.worker.setDaemon(true);
    m.worker.start();
    return m;
  }

  /** Blocks until every monitored container has exited for good. */
  public void awaitEnd() throws InterruptedException {
    ended.await();
  }

  /** Whether the session is over. */
  public boolean hasEnded() {
    return ended.getCount() == 0;
  }

  private void work() {
    // Not at once: the Engine's past events, which tell of restarts too, are read first.
    long nextSweep = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SWEEP_MILLIS);
    try {
      while (ended.getCount() > 0) {
        if (remaining.isEmpty()) {
          ended.countDown();
          return;
        }
        Event e = queue.poll(200, TimeUnit.MILLISECONDS);
        if (e != null) {
          handle(e);
        }
        if (System.nanoTime() - nextSweep >= 0) {
          sweep();
          nextSweep = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SWEEP_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The Engine went away: the session cannot be watched any longer.
      ended.countDown();
    }
  }

  private void handle(Event e) {
    if (e.getActor() == null || e.getId() == null) {
      return;
    }
    Map<String, String> attributes = e.getActor().getAttributes() == null ? Map.of() : e.getActor().getAttributes();
    String service = attributes.getOrDefault(Labels.SERVICE, "");
    if ("True".equalsIgnoreCase(attributes.get(Labels.ONEOFF)) || !attributes.containsKey(Labels.CONFIG_HASH)
        || (!services.isEmpty() && !services.contains(service))) {
      return;
    }
    String id = e.getId();
    String name = attributes.getOrDefault("name", id);
    String action = e.getAction() == null ? "" : e.getAction();
    if (action.equals("start")) {
      // The start of a run that began before attaching (read again from the Engine's past events)
      // is no restart: its lines are followed already. The event comes just after the start.
      Long first = startedAt.get(id);
      if (first != null && timeNano(e) <= first + STARTED_EVENT_SLACK_NANOS) {
        return;
      }
      remaining.put(id, name);
      serviceOf.put(id, service);
      listener.accept(new Started(id, service, name, timeNano(e)));
    } else if (action.equals("die")) {
      if (!remaining.containsKey(id)) {
        return; // replaced during up, or already counted by a sweep
      }
      long code = parse(attributes.get("exitCode"));
      long at = timeNano(e);
      // A past event read again: the container has been started since that exit when its current
      // run began after it.
      boolean restarting = inspect(id).map(s -> Boolean.TRUE.equals(s.getState().getRestarting())
          || Boolean.TRUE.equals(s.getState().getRunning())
          || Optional.ofNullable(nanos(s.getState().getStartedAt())).map(started -> started > at).orElse(false))
          .orElse(false);
      exited(id, service, name, code, restarting);
    }
  }

  /** Containers whose exit left no event (the Engine's buffer is short): seen stopped, they have exited. */
  private void sweep() {
    for (Map.Entry<String, String> c : Map.copyOf(remaining).entrySet()) {
      Optional<InspectContainerResponse> state = inspect(c.getKey());
      boolean gone = state.isEmpty();
      boolean stopped = state.map(s -> !Boolean.TRUE.equals(s.getState().getRunning())
          && !Boolean.TRUE.equals(s.getState().getRestarting())).orElse(true);
      if (gone || stopped) {
        // Its die event may still be queued: that one says it best.
        if (queue.stream().anyMatch(ev -> c.getKey().equals(ev.getId()))) {
          continue;
        }
        long code = state.map(s -> s.getState().getExitCodeLong() == null ? 0L : s.getState().getExitCodeLong()).orElse(0L);
        String service = serviceOf.getOrDefault(c.getKey(), state.map(s -> s.getConfig().getLabels())
            .map(l -> l.getOrDefault(Labels.SERVICE, "")).orElse(""));
        exited(c.getKey(), service, c.getValue(), code, false);
      }
    }
  }

  private void exited(String id, String service, String name, long code, boolean restarting) {
    if (!restarting) {
      remaining.remove(id);
    }
    listener.accept(new Exited(id, service, name, code, restarting));
    if (remaining.isEmpty()) {
      ended.countDown();
    }
  }

  private Optional<InspectContainerResponse> inspect(String id) {
    try {
      return Optional.of(client.inspectContainerCmd(id).exec());
    } catch (com.github.dockerjava.api.exception.NotFoundException e) {
      return Optional.empty();
    }
  }

  private static long timeNano(Event e) {
    if (e.getTimeNano() != null && e.getTimeNano() > 0) {
      return e.getTimeNano();
    }
    return e.getTime() == null ? Instant.now().getEpochSecond() * 1_000_000_000L : e.getTime() * 1_000_000_000L;
  }

  private static Long nanos(String rfc3339) {
    try {
      Instant at = Instant.parse(rfc3339);
      return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static long parse(String code) {
    try {
      return code == null ? 0 : Long.parseLong(code);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    ended.countDown();
    worker.interrupt();
    try {
      events.close();
    } catch (IOException ignored) {
      // No longer listening.
    }
  }
}
