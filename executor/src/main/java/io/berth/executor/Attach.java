package io.berth.executor;

import com.github.dockerjava.api.DockerClient;
import io.berth.executor.engine.EngineException;
import io.berth.executor.engine.RawStream;
import io.berth.executor.observe.StateCollector;
import io.berth.executor.tty.LocalTerminal;
import io.berth.executor.tty.TtySession;
import io.berth.planner.observed.ObservedContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code attach}: a service's running container's output, and its input where it keeps stdin open. */
public final class Attach {
  private final EngineSession session;

  public Attach(EngineSession session) {
    this.session = session;
  }

  /**
   * Streams until the container ends or the stream is closed.
   *
   * @param stdin sent to the container when it was created with stdin open; empty for {@code --no-stdin}
   * @param terminal the user's terminal, held for the session when the container has a TTY; empty when
   *     berth's streams are not a terminal
   * @param detachKeys the key sequence that detaches ({@code ctrl-p,ctrl-q}); empty for the Engine's default
   * @param signals forwarded to a container without a TTY while attached, as the docker CLI does;
   *     with a TTY, Ctrl-C reaches the container as input
   * @return the container's exit code once it has ended, else 0
   */
  public int run(String project, String service, int index, Optional<InputStream> stdin, Optional<LocalTerminal> terminal,
      Optional<String> detachKeys, ProcessSignals signals, OutputStream out, OutputStream err) throws IOException {
    DockerClient client = session.engine().client();
    ObservedContainer container = new StateCollector(client).container(project, service, index)
        .orElseThrow(() -> new EngineException("service \"" + service + "\" has no container " + index));
    if (!container.running()) {
      throw new EngineException("container " + container.name() + " is not running: you cannot attach to a stopped container, start it first");
    }
    var config = client.inspectContainerCmd(container.id()).exec().getConfig();
    boolean tty = Boolean.TRUE.equals(config.getTty());
    boolean withStdin = stdin.isPresent() && Boolean.TRUE.equals(config.getStdinOpen());
    String keys = detachKeys.map(k -> "&detachKeys=" + URLEncoder.encode(k, StandardCharsets.UTF_8)).orElse("");
    ProcessSignals forwarded = tty ? ProcessSignals.NONE : signals;
    try (ProcessSignals.Forwarding forwarding = forwarded.forward(signal -> kill(client, container.id(), signal));
        RawStream stream = RawStream.open(session.engine(),
        "/containers/" + container.id() + "/attach?stream=1&stdout=1&stderr=1&stdin=" + (withStdin ? 1 : 0) + keys, "", tty);
        TtySession held = TtySession.start(terminal.filter(t -> tty), withStdin,
            size -> client.resizeContainerCmd(container.id()).withSize(size.rows(), size.columns()).exec())) {
      if (withStdin) {
        stream.sendInput(stdin.get());
      }
      stream.copyOutput(out, err);
    }
    var state = client.inspectContainerCmd(container.id()).exec().getState();
    return Boolean.TRUE.equals(state.getRunning()) || state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue();
  }

  /** A signal for a container that may have ended meanwhile: as the docker CLI, a failure is not berth's to report. */
  static void kill(DockerClient client, String containerId, String signal) {
    try {
      client.killContainerCmd(containerId).withSignal(signal).exec();
    } catch (RuntimeException gone) {
      // The stream's end tells the rest.
    }
  }
}
