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
  private enum Wake { ENDED, STOPPED, SIGNAL }

  private final Invocation inv;
  private final EngineSession session;
  private final Project project;
  private final UpOptions options;
  private final LinkedBlockingQueue<Wake> wakes = new LinkedBlockingQueue<>();

  AttachedUp(Invocation inv, EngineSession session, Project project, UpOptions options) {
    this.inv = inv;
    this.session = session;
    this.project = project;
    this.options = options;
  }

  int run(long sinceEpochSecond) {
    Set<String> services = options.services();
    List<ContainerSummary> containers = new Ps(session).list(project.name(), true, services);
    Map<String, String> displayNames = new LinkedHashMap<>();
    containers.forEach(c -> displayNames.put(c.id(), LogPrinter.displayName(project.name(), c.name())));
    LogPrinter printer = new LogPrinter(inv.out(), List.copyOf(displayNames.values()), colorWanted());
    inv.out().println("Attaching to " + String.join(", ", displayNames.values()));
    inv.out().flush();

    Signal.handle(new Signal("INT"), s -> wakes.add(Wake.SIGNAL));
    Signal.handle(new Signal("TERM"), s -> wakes.add(Wake.SIGNAL));
    try (LogFollower follower = LogFollower.follow(session.engine().client(), displayNames,
        LogFollower.Options.followFrom((int) sinceEpochSecond),
        printer::print,
        (name, code) -> printer.note(name, name + " exited with code " + code.map(String::valueOf).orElse("unknown")))) {
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
      if (take() == Wake.ENDED) {
        return ExitCodes.OK;
      }
      inv.err().println("Gracefully stopping... (press Ctrl+C again to force)");
      inv.err().flush();
      Thread stopper = new Thread(() -> {
        new Lifecycle(session).stop(project, services, Optional.empty());
        wakes.add(Wake.STOPPED);
      }, "berth-stop");
      stopper.setDaemon(true);
      stopper.start();
      // Wait for the graceful stop; a second signal kills what is still running.
      Wake next;
      do {
        next = take();
      } while (next == Wake.ENDED);
      if (next == Wake.SIGNAL) {
        new Lifecycle(session).kill(project, services, "KILL");
      }
      return ExitCodes.INTERRUPTED;
    }
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


  private boolean colorWanted() {
    return System.console() != null && !inv.environment().containsKey("NO_COLOR");
  }
}
