package io.berth.executor;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.planner.observed.ObservedContainer;
import io.berth.executor.observe.StateCollector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
   * @param index the replica; 1 unless {@code --index}
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
      boolean tty,
      boolean detach,
      Optional<InputStream> stdin) {}

  /** @return the command's exit code (0 when detached) */
  public int run(String project, Request request, OutputStream out, OutputStream err) throws InterruptedException {
    DockerClient client = session.engine().client();
    ObservedContainer container = new StateCollector(client).observe(project).containersOf(request.service()).stream()
        .filter(c -> c.number() == request.index())
        .findFirst()
        .orElseThrow(() -> new EngineException("service \"" + request.service() + "\" is not running"));
    if (!container.running()) {
      throw new EngineException("container " + container.name() + " is not running");
    }
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
    String execId;
    try {
      execId = create.exec().getId();
    } catch (RuntimeException e) {
      throw new EngineException(container.name() + ": " + EngineErrors.describe(e), e);
    }
    var start = client.execStartCmd(execId).withDetach(request.detach()).withTty(request.tty());
    if (request.detach()) {
      start.exec(new ResultCallback.Adapter<>()).awaitCompletion();
      return 0;
    }
    request.stdin().ifPresent(start::withStdIn);
    start.exec(new ResultCallback.Adapter<Frame>() {
      @Override
      public void onNext(Frame frame) {
        try {
          OutputStream target = frame.getStreamType() == StreamType.STDERR ? err : out;
          target.write(frame.getPayload());
          target.flush();
        } catch (IOException closed) {
          // The reader went away; the command still runs to its end.
        }
      }
    }).awaitCompletion();
    Long code = client.inspectExecCmd(execId).exec().getExitCodeLong();
    return code == null ? 0 : code.intValue();
  }
}
