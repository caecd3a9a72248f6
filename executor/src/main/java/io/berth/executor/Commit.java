package io.berth.executor;

import io.berth.executor.engine.EngineException;
import io.berth.executor.engine.EngineReads;
import io.berth.executor.progress.ProgressEvent;
import io.berth.planner.observed.ObservedContainer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code commit}: a new image from a service container's changes. Sent as {@code POST /commit}
 * through docker-java's transport, since its commit command cannot send {@code changes}, the
 * Dockerfile instructions of {@code -c}.
 */
public final class Commit {
  private final EngineSession session;

  public Commit(EngineSession session) {
    this.session = session;
  }

  /**
   * @param index the replica; 0 for the first running one
   * @param reference {@code REPOSITORY[:TAG]}; empty for an image with neither
   * @param changes Dockerfile instructions ({@code CMD ["x"]}, {@code ENV A=b}) applied to the image
   * @param pause whether the container is paused while its filesystem is read
   */
  public record Request(String service, int index, Optional<String> reference, String comment, String author,
      List<String> changes, boolean pause) {
    public Request {
      changes = List.copyOf(changes);
    }
  }

  /** @return the new image's id */
  public String commit(String project, Request request) {
    ObservedContainer container = ServiceContainer.pick(session, project, request.service(), request.index());
    session.progress().on(ProgressEvent.of("Container", container.name(), ProgressEvent.Status.COMMITTING));
    StringBuilder query = new StringBuilder("/commit?container=").append(encode(container.id()));
    request.reference().ifPresent(ref -> {
      int colon = ref.lastIndexOf(':');
      boolean tagged = colon > ref.lastIndexOf('/');
      query.append("&repo=").append(encode(tagged ? ref.substring(0, colon) : ref));
      if (tagged) {
        query.append("&tag=").append(encode(ref.substring(colon + 1)));
      }
    });
    query.append("&comment=").append(encode(request.comment()))
        .append("&author=").append(encode(request.author()))
        .append("&pause=").append(request.pause() ? "1" : "0");
    request.changes().forEach(change -> query.append("&changes=").append(encode(change)));
    String id = new EngineReads(session.engine().client()).post(query.toString(), json -> {
      StringBuilder found = new StringBuilder();
      EngineReads.object(json, (field, value) -> {
        if (field.equals("Id")) {
          found.append(EngineReads.text(value));
        } else {
          value.skipChildren();
        }
      });
      return found.toString();
    }).orElseThrow(() -> new EngineException("No such container: " + container.name()));
    session.progress().on(new ProgressEvent("Container", container.name(), ProgressEvent.Status.COMMITTED, "as " + id));
    return id;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
