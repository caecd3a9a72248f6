package io.berth.executor.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.berth.executor.engine.EngineException;
import io.berth.model.spec.Hook;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Runs {@code post_start} and {@code pre_stop} hooks as docker compose does: an exec in the
 * container with the hook's user, privileges, directory and environment; a non-zero exit fails
 * the step with the last lines the hook wrote, stderr preferred.
 */
public final class HookRunner {
  private static final int TAIL_LINES = 10;

  private final DockerClient client;

  public HookRunner(DockerClient client) {
    this.client = client;
  }

  /** Runs each hook in order; stops at the first that fails. */
  public void run(String service, String container, List<Hook> hooks) {
    for (Hook hook : hooks) {
      run(service, container, hook);
    }
  }

  /** {@code pre_stop}: a container already stopped or gone has nothing to run it in, as in compose. */
  void runBeforeStop(String service, String container, List<Hook> hooks) {
    try {
      run(service, container, hooks);
    } catch (NotFoundException | ConflictException notRunning) {
      // The state stop wants is already there.
    }
  }

  private void run(String service, String container, Hook hook) {
    var create = client.execCreateCmd(container)
        .withCmd(hook.command().toArray(String[]::new))
        .withPrivileged(hook.privileged())
        .withAttachStdout(true)
        .withAttachStderr(true);
    hook.user().ifPresent(create::withUser);
    hook.workingDir().ifPresent(create::withWorkingDir);
    if (!hook.environment().isEmpty()) {
      create.withEnv(hook.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
    String exec = create.exec().getId();
    Deque<String> out = new ArrayDeque<>();
    Deque<String> err = new ArrayDeque<>();
    try {
      client.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
        @Override
        public void onNext(Frame frame) {
          Deque<String> tail = frame.getStreamType() == StreamType.STDERR ? err : out;
          synchronized (tail) {
            for (String line : new String(frame.getPayload(), StandardCharsets.UTF_8).split("\n")) {
              if (!line.isBlank()) {
                tail.addLast(line.strip());
              }
              while (tail.size() > TAIL_LINES) {
                tail.removeFirst();
              }
            }
          }
        }
      }).awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException(service + " hook interrupted");
    }
    Long code = client.inspectExecCmd(exec).exec().getExitCodeLong();
    if (code != null && code != 0) {
      Deque<String> tail = err.isEmpty() ? out : err;
      throw new EngineException(service + " hook exited with status " + code
          + (tail.isEmpty() ? "" : ": " + String.join("\n", tail)));
    }
  }
}
