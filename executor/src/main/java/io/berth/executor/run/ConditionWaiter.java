package io.berth.executor.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Event;
import io.berth.executor.engine.EngineException;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waits until a container meets a {@code depends_on} condition, driven by the Engine's event
 * stream rather than by polling: every event of the container (start, die, health_status, ...)
 * re-reads its state, so the wait ends as soon as the Engine reports the change.
 */
public final class ConditionWaiter {
  static final String HEALTHY = "service_healthy";
  public static final String COMPLETED = "service_completed_successfully";
  /** What {@code up --wait} waits for: healthy when there is a healthcheck, else running. */
  public static final String READY = "ready";
  /** Compose's condition for a dependency a container's label records without one: the same as {@link #READY}. */
  static final String RUNNING_OR_HEALTHY = "running_or_healthy";

  private final DockerClient client;

  public ConditionWaiter(DockerClient client) {
    this.client = client;
  }

  /** Blocks until {@code container} meets {@code condition}. @throws EngineException when it never will */
  public void await(String container, String condition) throws InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    // Subscribe from a second ago, then read the state: a change that happens in between is
    // replayed by the stream, so it cannot be missed.
    ResultCallback.Adapter<Event> events = client.eventsCmd()
        .withContainerFilter(container)
        .withSince(Long.toString(Instant.now().getEpochSecond() - 1))
        .exec(new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Event event) {
            evaluate(container, condition, done);
          }

          @Override
          public void onError(Throwable t) {
            done.completeExceptionally(new EngineException("lost the Engine's event stream while waiting for " + container, t));
          }
        });
    try {
      evaluate(container, condition, done);
      done.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof EngineException ee ? ee : new EngineException(String.valueOf(e.getCause().getMessage()), e.getCause());
    } finally {
      try {
        events.close();
      } catch (IOException ignored) {
        // The subscription is no longer needed.
      }
    }
  }

  private void evaluate(String container, String condition, CompletableFuture<Void> done) {
    if (done.isDone()) {
      return;
    }
    try {
      outcome(container, condition).ifPresent(error -> {
        if (error.isEmpty()) {
          done.complete(null);
        } else {
          done.completeExceptionally(new EngineException(error));
        }
      });
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
  }

  /** Empty while undecided; an empty string once met; otherwise why it never will be. */
  private Optional<String> outcome(String container, String condition) {
    InspectContainerResponse.ContainerState state;
    try {
      state = client.inspectContainerCmd(container).exec().getState();
    } catch (NotFoundException e) {
      return Optional.of("container " + container + " was removed while a dependent waited for it");
    }
    boolean running = Boolean.TRUE.equals(state.getRunning());
    boolean restarting = Boolean.TRUE.equals(state.getRestarting());
    Long exit = state.getExitCodeLong();
    if (condition.equals(COMPLETED)) {
      if (running || restarting || "created".equals(state.getStatus())) {
        return Optional.empty();
      }
      return Optional.of(exit != null && exit == 0 ? "" : "service \"" + container + "\" didn't complete successfully: exit " + exit);
    }
    if ((condition.equals(READY) || condition.equals(RUNNING_OR_HEALTHY)) && state.getHealth() == null) {
      if (running) {
        return Optional.of("");
      }
      return restarting || "created".equals(state.getStatus()) ? Optional.empty()
          : Optional.of("container " + container + " exited (" + exit + ")");
    }
    // As Compose's isServiceHealthy: a container that has exited says so before its missing healthcheck does.
    if (!running && !restarting && !"created".equals(state.getStatus())) {
      return Optional.of("container " + container + " exited (" + exit + ")");
    }
    if (state.getHealth() == null) {
      return Optional.of("container " + container + " has no healthcheck configured");
    }
    return switch (String.valueOf(state.getHealth().getStatus())) {
      case "healthy" -> Optional.of("");
      case "unhealthy" -> Optional.of("container " + container + " is unhealthy");
      default -> Optional.empty();
    };
  }
}
