package io.berth.cli.commands;

import io.berth.cli.ExitCodes;
import io.berth.cli.Invocation;
import io.berth.cli.render.LogPrinter;
import io.berth.executor.ContainerSummary;
import io.berth.executor.EngineSession;
import io.berth.executor.Lifecycle;
import io.berth.executor.Ps;
import io.berth.executor.logs.ContainerMonitor;
import io.berth.executor.logs.LogFollower;
import io.berth.planner.labels.Labels;
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
    Set<String> shown = new java.util.TreeSet<>(cascade.attach().isEmpty() ? attachedByDefault(services) : cascade.attach());
    shown.removeAll(cascade.noAttach());
    // As Compose's monitor: the session lasts while the services named (else the attached ones) run.
    Set<String> watched = services.isEmpty() ? shown : services;
    List<ContainerSummary> all = new Ps(session).list(project.name(), true, Set.of()).stream()
        .filter(c -> !"True".equalsIgnoreCase(c.labels().get(Labels.ONEOFF)))
        .toList();
    List<ContainerSummary> containers = all.stream().filter(c -> shown.contains(c.service())).toList();
    Map<String, String> displayNames = new LinkedHashMap<>();
    containers.forEach(c -> displayNames.put(c.id(), LogPrinter.displayName(project.name(), c.name())));
    Map<String, String> monitored = new LinkedHashMap<>();
    all.stream().filter(c -> watched.contains(c.service())).forEach(c -> monitored.put(c.id(), c.name()));
    LogPrinter printer = new LogPrinter(inv.out(), inv.err(), List.copyOf(displayNames.values()), output.color(), output.prefixed());
    inv.out().println("Attaching to " + String.join(", ", displayNames.values()));
    inv.out().flush();

    Signal.handle(new Signal("INT"), s -> wakes.add(Wake.SIGNAL));
    Signal.handle(new Signal("TERM"), s -> wakes.add(Wake.SIGNAL));
    if (startInterrupt.requested()) {
      wakes.add(Wake.SIGNAL_ANNOUNCED);
    }
    LogFollower.Options logOptions = new LogFollower.Options(true, Optional.empty(), (int) sinceEpochSecond, 0, output.timestamps());
    try (LogFollower follower = LogFollower.follow(session.engine().client(), displayNames, logOptions, printer::print, (name, code) -> {});
        ContainerMonitor monitor = ContainerMonitor.start(session.engine().client(), project.name(), watched, monitored,
            sinceEpochSecond, change -> onChange(change, shown, follower, printer, logOptions))) {
      Thread waiter = new Thread(() -> {
        try {
          monitor.awaitEnd();
          wakes.add(Wake.ENDED);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "berth-logs-end");
      waiter.setDaemon(true);
      waiter.start();
      Wake first = take();
      if (first == Wake.ENDED) {
        return exitCode();
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
      boolean ended = false;
      do {
        next = take();
        ended |= next == Wake.ENDED;
      } while (next == Wake.ENDED || next == Wake.ABORT);
      if (next == Wake.SIGNAL) {
        new Lifecycle(session).kill(project, services, "KILL", false);
      }
      if (first == Wake.ABORT) {
        // As Compose, up returns once the stop is done and the containers' exits are all told,
        // the exit code of --exit-code-from's service among them.
        awaitEnd(monitor, ended);
        return exitCode();
      }
      return ExitCodes.INTERRUPTED;
    }
  }

  private static void awaitEnd(ContainerMonitor monitor, boolean ended) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!ended && !monitor.hasEnded() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * A monitored container started again (follow its new lines) or exited (say so after its last
   * lines, and end the session when a cascade option says so).
   */
  private void onChange(ContainerMonitor.Change change, Set<String> shown, LogFollower follower, LogPrinter printer,
      LogFollower.Options logOptions) {
    String name = LogPrinter.displayName(project.name(), change.name());
    if (change instanceof ContainerMonitor.Started started) {
      if (shown.contains(started.service())) {
        follower.addRestarted(started.id(), name, logOptions, started.timeNano());
      }
      return;
    }
    ContainerMonitor.Exited exited = (ContainerMonitor.Exited) change;
    try {
      // The exit is told after the container's last lines: its stream ends once they are all sent.
      follower.awaitStreamEnd(exited.id(), exited.restarting() ? RESTARTING_STREAM_WAIT : STREAM_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    printer.note(name, name + " exited with code " + exited.code() + (exited.restarting() ? " (restarting)" : ""));
    printer.flush();
    onExit(exited.service(), exited.code());
  }

  /** How long an exit waits for the container's stream to deliver its last lines. */
  private static final java.time.Duration STREAM_WAIT = java.time.Duration.ofSeconds(30);
  /** A restarting container's stream may already be its next run's: a short wait. */
  private static final java.time.Duration RESTARTING_STREAM_WAIT = java.time.Duration.ofSeconds(2);

  /**
   * Compose's rules: with a cascade option the first exit (the first failure, for
   * --abort-on-container-failure) ends the session and gives the exit code; the first exit of
   * --exit-code-from's service gives it instead.
   */
  private void onExit(String service, long code) {
    if (abortOnce.get() && (cascade.abortOnExit() || (cascade.abortOnFailure() && code != 0))) {
      abortOnce.set(false);
      decidingCode.set(code);
      wakes.add(Wake.ABORT);
    }
    if (exitCodeOnce.get() && cascade.exitCodeFrom().map(service::equals).orElse(false)) {
      exitCodeOnce.set(false);
      decidingCode.set(code);
    }
  }

  private final java.util.concurrent.atomic.AtomicBoolean abortOnce = new java.util.concurrent.atomic.AtomicBoolean(true);
  private final java.util.concurrent.atomic.AtomicBoolean exitCodeOnce = new java.util.concurrent.atomic.AtomicBoolean(true);

  private int exitCode() {
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
