package io.berth.executor.logs;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.berth.executor.observe.StateCollector;
import io.berth.planner.labels.Labels;
import io.berth.planner.observed.ObservedContainer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code logs -f} over a project rather than a fixed set of containers: containers of the selected
 * services that start while berth follows (a restart, an {@code up --force-recreate}) are picked up
 * from the Engine's event stream, and following ends once none of them is left, as after
 * {@code down}, or when {@code stop} counts down.
 */
public final class ProjectLogs {
  private final DockerClient client;
  private final String project;
  private final Set<String> services;
  private final Object changed = new Object();
  private boolean dirty = true;

  public ProjectLogs(DockerClient client, String project, Set<String> services) {
    this.client = client;
    this.project = project;
    this.services = Set.copyOf(services);
  }

  /**
   * @param options for the containers running at the start; containers that start later are read from their beginning
   * @param display a container name to the name shown in the prefix
   * @param stop counts down when the reader is gone
   */
  public void follow(LogFollower.Options options, Function<String, String> display, Consumer<LogLine> sink,
      BiConsumer<String, Optional<Long>> exits, CountDownLatch stop) throws InterruptedException {
    LogFollower follower = LogFollower.empty(client, sink, exits, this::wake);
    ResultCallback.Adapter<Event> events = client.eventsCmd()
        .withLabelFilter(Map.of(Labels.PROJECT, project))
        .withEventTypeFilter("container")
        .exec(new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Event event) {
            wake();
          }
        });
    Thread watcher = new Thread(() -> {
      try {
        stop.await();
        wake();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "berth-logs-stop");
    watcher.setDaemon(true);
    watcher.start();
    LogFollower.Options later = new LogFollower.Options(true, Optional.empty(), 0, 0, options.timestamps());
    boolean first = true;
    try {
      while (stop.getCount() > 0) {
        synchronized (changed) {
          while (!dirty) {
            changed.wait();
          }
          dirty = false;
        }
        if (stop.getCount() == 0) {
          break;
        }
        List<ObservedContainer> mine = new StateCollector(client).observe(project).containers().stream()
            .filter(c -> !c.oneoff() && (services.isEmpty() || services.contains(c.service())))
            .toList();
        for (ObservedContainer c : mine) {
          if (c.running() && !follower.follows(c.id())) {
            follower.add(c.id(), display.apply(c.name()), first ? options : later);
          }
        }
        first = false;
        if (follower.ended() && mine.isEmpty()) {
          break;
        }
      }
    } finally {
      follower.close();
      try {
        events.close();
      } catch (IOException ignored) {
        // No longer listening.
      }
    }
  }

  private void wake() {
    synchronized (changed) {
      dirty = true;
      changed.notifyAll();
    }
  }
}
