package io.berth.executor;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.executor.engine.RawStream;
import io.berth.planner.observed.ObservedContainer;
import io.berth.executor.observe.StateCollector;
import io.berth.executor.tty.LocalTerminal;
import io.berth.executor.tty.TtySession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code exec}: run a command in a running container of a service and hand back its exit code. */
public final class Exec {
  private final EngineSession session;

  public Exec(EngineSession session) {
    this.session = session;
  }

  /**
   * What to run and how.
   *
   * @param index the replica ({@code --index}); 0 for the first running one, or else a one-off
   * @param terminal the user's terminal when the command gets a TTY; empty for none
   * @param stdin what to send the command; empty for nothing
   */
  public record Request(
      String service,
      int index,
      List<String> command,
      Map<String, String> environment,
      Optional<String> user,
      Optional<String> workingDir,
      boolean privileged,
      Optional<LocalTerminal> terminal,
      boolean detach,
      Optional<InputStream> stdin) {

    public boolean tty() {
      return terminal.isPresent();
    }
  }

  /** @return the command's exit code (0 when detached) */
  public int run(String project, Request request, OutputStream out, OutputStream err) throws InterruptedException {
    DockerClient client = session.engine().client();
    ObservedContainer container = target(new StateCollector(client).observe(project).containers(), request.service(),
        request.index());
    ExecCreateCmd create = client.execCreateCmd(container.id())
        .withCmd(request.command().toArray(String[]::new))
        .withEnv(request.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
        .withPrivileged(request.privileged())
        .withTty(request.tty())
        .withAttachStdout(!request.detach())
        .withAttachStderr(!request.detach())
        .withAttachStdin(request.stdin().isPresent() && !request.detach());
    request.user().ifPresent(create::withUser);
    request.workingDir().ifPresent(create::withWorkingDir);
    String execId = created(create, container);
    if (request.detach()) {
      client.execStartCmd(execId).withDetach(true).withTty(request.tty()).exec(new ResultCallback.Adapter<>()).awaitCompletion();
      return 0;
    }
    // A raw connection rather than the HTTP client's: it can tell the command where its input ends.
    // With a TTY the local terminal is held (raw, sized) from the attach until the command ends.
    try (RawStream stream = RawStream.open(session.engine(), "/exec/" + execId + "/start",
        startBody(request), request.tty());
        TtySession held = TtySession.start(request.terminal(), request.stdin().isPresent(),
            size -> client.resizeExecCmd(execId).withSize(size.rows(), size.columns()).exec())) {
      request.stdin().ifPresent(stream::sendInput);
      stream.copyOutput(out, err);
    } catch (IOException e) {
      throw new EngineException(container.name() + ": the exec stream broke: " + e.getMessage(), e);
    }
    Long code = client.inspectExecCmd(execId).exec().getExitCodeLong();
    return code == null ? 0 : code.intValue();
  }

  /**
   * The container exec runs in, as Compose picks it: among the service's running containers,
   * one-offs ({@code run}) included, replica {@code index} when it is above 0, else the lowest
   * replica, else a one-off.
   *
   * @throws EngineException in Compose's words when there is none
   */
  static ObservedContainer target(List<ObservedContainer> containers, String service, int index) {
    return containers.stream()
        .filter(c -> c.service().equals(service) && c.running())
        .filter(c -> index <= 0 || (!c.oneoff() && c.number() == index))
        .sorted(Comparator.comparing(ObservedContainer::oneoff).thenComparingInt(ObservedContainer::number))
        .findFirst()
        .orElseThrow(() -> new EngineException(index > 0
            ? "service \"" + service + "\" is not running container #" + index
            : "service \"" + service + "\" is not running"));
  }

  /**
   * An Engine of API 1.42 or later starts the command at {@code ConsoleSize}, so that it never sees
   * the TTY at 0x0; an older one ignores the field and the command has the size from the first
   * resize on, shortly after it starts.
   */
  private static String startBody(Request request) {
    String size = request.terminal().flatMap(LocalTerminal::size)
        .map(s -> ",\"ConsoleSize\":[" + s.rows() + "," + s.columns() + "]")
        .orElse("");
    return "{\"Detach\":false,\"Tty\":" + request.tty() + size + "}";
  }

  private static String created(ExecCreateCmd create, ObservedContainer container) {
    try {
      return create.exec().getId();
    } catch (RuntimeException e) {
      throw new EngineException(container.name() + ": " + EngineErrors.describe(e), e);
    }
  }
}
