package io.berth.cli.commands;

import io.berth.cli.ExitCodes;
import io.berth.cli.Invocation;
import io.berth.cli.render.LogPrinter;
import io.berth.executor.ContainerSummary;
import io.berth.executor.EngineSession;
import io.berth.executor.Lifecycle;
import io.berth.executor.Ps;
import io.berth.executor.logs.LogFollower;
import io.berth.model.spec.Project;
import io.berth.planner.Reconciler;
import io.berth.planner.UpOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * The foreground part of {@code up} without {@code -d}: follow the containers' logs until they
 * all stop or the user presses Ctrl-C; the first Ctrl-C stops the project gracefully, a second
 * one kills it.
 */
final class AttachedUp {
  /** Compose's words at the first Ctrl-C. */
  static final String GRACEFUL_STOP = "Gracefully stopping... (press Ctrl+C again to force)";

  /** SIGNAL_ANNOUNCED: a Ctrl-C during the start, already announced. */
  private enum Wake { ENDED, STOPPED, SIGNAL, SIGNAL_ANNOUNCED, ABORT }

  /**
   * What ends the foreground session besides Ctrl-C, and whose output it shows.
   *
   * @param abortOnExit {@code --abort-on-container-exit} (also implied by {@code --exit-code-from})
   * @param abortOnFailure {@code --abort-on-container-failure}: only a non-zero exit
   * @param exitCodeFrom the service whose exit code becomes berth's
   * @param attach services whose logs are shown; empty for the default (those named, else all)
   * @param noAttach services whose logs are not shown
   * @param attachDependencies {@code --attach-dependencies}: by default also the dependencies of the services named
   */
  record Cascade(boolean abortOnExit, boolean abortOnFailure, Optional<String> exitCodeFrom, Set<String> attach, Set<String> noAttach,
      boolean attachDependencies) {
    static Cascade none() {
      return new Cascade(false, false, Optional.empty(), Set.of(), Set.of(), false);
    }
  }

  /**
   * How the containers' lines look.
   *
   * @param color each container's prefix in its own colour
   * @param prefixed {@code web-1  | } before each line; not with {@code --no-log-prefix}
   * @param timestamps {@code --timestamps}: the Engine's time of each line after the prefix
   */
  record Output(boolean color, boolean prefixed, boolean timestamps) {}

  private final Invocation inv;
  private final EngineSession session;
  private final Project project;
  private final UpOptions options;
  private final LinkedBlockingQueue<Wake> wakes = new LinkedBlockingQueue<>();

  private final Cascade cascade;
  /** The exit code that decides berth's, once known: the aborting container's or --exit-code-from's. */
  private final java.util.concurrent.atomic.AtomicReference<Long> decidingCode = new java.util.concurrent.atomic.AtomicReference<>();

  private final Output output;

  AttachedUp(Invocation inv, EngineSession session, Project project, UpOptions options, Cascade cascade, Output output) {
    this.output = output;
    this.inv = inv;
    this.session = session;
    this.project = project;
    this.options = options;
    this.cascade = cascade;
  }

  /**
   * As Compose: the services up was asked for (all when none is named; with their dependencies
   * under {@code --attach-dependencies}), less those the file marks {@code attach: false}.
   */
  private Set<String> attachedByDefault(Set<String> services) {
    Set<String> out = new java.util.TreeSet<>(services.isEmpty() ? project.services().keySet()
        : cascade.attachDependencies() ? Reconciler.selectedServices(project, options) : services);
    out.removeIf(name -> project.services().containsKey(name) && !project.service(name).extras().attach());
    return out;
  }

  /**
   * @param startInterrupt the handler of Ctrl-C during the start, which this one replaces: a signal
   *     it took after the start was over is this session's first
   */
  int run(long sinceEpochSecond, StartInterrupt startInterrupt) {
    Set<String> services = options.services();
    Set<String> shown = cascade.attach().isEmpty() ? attachedByDefault(services) : cascade.attach();
    List<ContainerSummary> containers = shown.isEmpty() ? List.of() : new Ps(session).list(project.name(), true, shown).stream()
        .filter(c -> !cascade.noAttach().contains(c.service()))
        .toList();
    Map<String, String> displayNames = new LinkedHashMap<>();
    Map<String, String> serviceOf = new LinkedHashMap<>();
    containers.forEach(c -> {
      displayNames.put(c.id(), LogPrinter.displayName(project.name(), c.name()));
      serviceOf.put(LogPrinter.displayName(project.name(), c.name()), c.service());
    });
    LogPrinter printer = new LogPrinter(inv.out(), List.copyOf(displayNames.values()), output.color(), output.prefixed());
    inv.out().println("Attaching to " + String.join(", ", displayNames.values()));
    inv.out().flush();

    Signal.handle(new Signal("INT"), s -> wakes.add(Wake.SIGNAL));
    Signal.handle(new Signal("TERM"), s -> wakes.add(Wake.SIGNAL));
    if (startInterrupt.requested()) {
      wakes.add(Wake.SIGNAL_ANNOUNCED);
    }
    try (LogFollower follower = LogFollower.follow(session.engine().client(), displayNames,
        new LogFollower.Options(true, Optional.empty(), (int) sinceEpochSecond, 0, output.timestamps()),
        printer::print,
        (name, code) -> {
          // No code: the container still runs (a dependency left running, its stream closed by the end of up).
          code.ifPresent(c -> printer.note(name, name + " exited with code " + c));
          onExit(serviceOf.get(name), code);
        })) {
      Thread waiter = new Thread(() -> {
        try {
          follower.awaitEnd();
          wakes.add(Wake.ENDED);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "berth-logs-end");
      waiter.setDaemon(true);
      waiter.start();
      Wake first = take();
      if (first == Wake.ENDED) {
        return decidingCode.get() == null ? ExitCodes.OK : decidingCode.get().intValue();
      }
      if (first != Wake.SIGNAL_ANNOUNCED) {
        inv.err().println(first == Wake.ABORT ? "Aborting on container exit..." : GRACEFUL_STOP);
        inv.err().flush();
      }
      Thread stopper = new Thread(() -> {
        new Lifecycle(session).stop(project, services, options.stopTimeout());
        wakes.add(Wake.STOPPED);
      }, "berth-stop");
      stopper.setDaemon(true);
      stopper.start();
      // Wait for the graceful stop; a second signal kills what is still running.
      Wake next;
      do {
        next = take();
      } while (next == Wake.ENDED || next == Wake.ABORT);
      if (next == Wake.SIGNAL) {
        new Lifecycle(session).kill(project, services, "KILL", false);
      }
      if (first == Wake.ABORT) {
        return exitCodeAfterAbort();
      }
      return ExitCodes.INTERRUPTED;
    }
  }

  /** A container's stream ended: the end of the session when a cascade option says so. */
  private void onExit(String service, Optional<Long> code) {
    if (code.isEmpty()) {
      return; // still running: its log stream was closed, not the container stopped
    }
    boolean fromThis = cascade.exitCodeFrom().map(s -> s.equals(service)).orElse(false);
    if (fromThis) {
      decidingCode.set(code.get());
    }
    boolean abort = cascade.abortOnExit() || (cascade.abortOnFailure() && code.get() != 0);
    if (abort) {
      if (cascade.exitCodeFrom().isEmpty()) {
        decidingCode.compareAndSet(null, code.get());
      }
      wakes.add(Wake.ABORT);
    }
  }

  /** Compose's exit code after an abort: --exit-code-from's service, else the container that ended it. */
  private int exitCodeAfterAbort() {
    if (cascade.exitCodeFrom().isPresent() && decidingCode.get() == null) {
      // The service was stopped by the abort rather than exiting by itself: it ends as SIGTERM does.
      return new Ps(session).list(project.name(), true, Set.of(cascade.exitCodeFrom().get())).isEmpty() ? 1 : 143;
    }
    return decidingCode.get() == null ? ExitCodes.OK : decidingCode.get().intValue();
  }

  private Wake take() {
    try {
      Wake w;
      do {
        w = wakes.poll(1, TimeUnit.SECONDS);
      } while (w == null);
      return w;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Wake.SIGNAL;
    }
  }


}
