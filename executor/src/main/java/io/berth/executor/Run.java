package io.berth.executor;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.WaitContainerCondition;
import io.berth.executor.create.ContainerFactory;
import io.berth.executor.lock.ProjectLock;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.executor.engine.RawStream;
import io.berth.executor.run.ExecutionReport;
import io.berth.planner.plan.Plan;
import io.berth.executor.run.HookRunner;
import io.berth.executor.tty.LocalTerminal;
import io.berth.executor.tty.TtySession;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.Reconciler;
import io.berth.planner.UpOptions;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import io.berth.executor.observe.StateCollector;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * {@code run}: a one-off container of a service, after its dependencies are up, with its output
 * streamed back and its exit code returned.
 */
public final class Run {
  private final EngineSession session;

  public Run(EngineSession session) {
    this.session = session;
  }

  /**
   * @param project the project as the command line changed it, {@code service} included: its
   *     command, environment, ports, volumes, capabilities, and every service's pull policy
   * @param stdin what the command reads, to its end; empty for no input
   * @param terminal the user's terminal when the one-off gets a TTY, whatever the service's own
   *     {@code tty:} says (as Compose's run decides it); empty for none
   * @return the exit code; 0 when detached
   */
  public int run(Project project, String serviceName, RunOptions options, java.util.Optional<java.io.InputStream> stdin,
      java.util.Optional<LocalTerminal> terminal, ProcessSignals signals, OutputStream out, OutputStream err,
      java.util.function.Consumer<String> warnings) throws InterruptedException {
    Service service = project.service(serviceName);
    boolean detach = options.detach();
    boolean remove = options.remove();
    String name = options.name();
    io.berth.executor.create.Refusals.check(project, List.of(service.name()));
    // The dependencies and the networks and volumes under the project's lock; the one-off container,
    // whose name is its own, outside it: a long interactive run does not hold up another command.
    try (ProjectLock.Lease lock = session.lock(project.name(), "run")) {
      // As Compose, orphans are dealt with where the dependencies are brought up, or else here.
      boolean dependenciesUp = options.withDependencies() && !service.dependsOn().isEmpty();
      if (dependenciesUp) {
        PlanResult deps = new Up(session).run(project, new UpOptions(Set.copyOf(service.dependsOn().keySet()), false,
            UpOptions.Recreate.DIVERGED, options.removeOrphans(), false), false, warnings);
        if (!deps.ok()) {
          throw new EngineException("dependencies of service \"" + service.name() + "\" failed to start");
        }
      }
      session.images().ensure(project, List.of(service.name()), false, false, false);
      ObservedState observed = new StateCollector(session.engine().client()).observeForUp(project);
      List<ObservedContainer> orphans = Reconciler.orphans(project, observed);
      if (!dependenciesUp && !options.removeOrphans() && !orphans.isEmpty() && !ComposeVariables.ignoreOrphans(project)) {
        warnings.accept(Up.orphanWarning(orphans));
      }
      Plan resources = Reconciler.resourcesFor(project, observed, service.name(), options.removeOrphans() && !dependenciesUp);
      if (!resources.isEmpty()) {
        ExecutionReport created = session.planExecutor().execute(resources,
            new io.berth.executor.run.EngineActions(session.engine().client(), project.name(), java.util.Optional.of(project),
                session.progress()));
        if (!created.ok()) {
          throw new EngineException("the networks and volumes of service \"" + service.name() + "\" could not be created");
        }
      }
    }
    String container = name.isEmpty() ? project.name() + "-" + service.name() + "-run-" + slug() : name;
    DockerClient client = session.engine().client();
    // As Compose's run: with -i (its default) standard input stays open, attached or not; with --rm
    // the Engine removes the container when it stops, however it is stopped.
    String id = new ContainerFactory(client, project).createOneOff(service, container,
        new ContainerFactory.OneOff(options.interactive(), terminal.isPresent(), options.useAliases(), remove));
    HookRunner hooks = new HookRunner(client);
    if (detach) {
      client.startContainerCmd(id).exec();
      hooks.run(service.name(), id, service.extras().postStart());
      // As Compose, which starts it as `docker start` does: the container's full id.
      new java.io.PrintStream(out, true).println(id);
      return 0;
    }
    try {
      // Attached before the start over a raw connection of berth's own, so nothing printed is
      // missed and the end of standard input reaches the command (run is interactive by default).
      boolean tty = terminal.isPresent();
      // As Compose's run, the signals berth gets go on to the command: Ctrl-C ends it, and --rm still removes it.
      try (ProcessSignals.Forwarding forwarding = signals.forward(signal -> Attach.kill(client, id, signal));
          RawStream stream = RawStream.open(session.engine(),
          "/containers/" + id + "/attach?stream=1&stdin=" + (stdin.isPresent() ? 1 : 0) + "&stdout=1&stderr=1", "", tty)) {
        // Asked for before the start, as docker start -a does: a container the Engine removes (--rm)
        // could be gone before a later ask. With --rm it ends once the container is removed too.
        WaitContainerResultCallback exit = client.waitContainerCmd(id)
            .withCondition(remove ? WaitContainerCondition.REMOVED : WaitContainerCondition.NEXT_EXIT)
            .exec(new WaitContainerResultCallback());
        client.startContainerCmd(id).exec();
        EngineException hookFailure = null;
        // The terminal is held from the start, when the TTY can be sized, until the command ends.
        try (TtySession held = TtySession.start(terminal, stdin.isPresent(),
            size -> client.resizeContainerCmd(id).withSize(size.rows(), size.columns()).exec())) {
          stdin.ifPresent(stream::sendInput);
          try {
            hooks.run(service.name(), id, service.extras().postStart());
          } catch (com.github.dockerjava.api.exception.ConflictException finishedFirst) {
            // The command ended before its hooks could run in it.
          } catch (EngineException e) {
            hookFailure = e;
          }
          stream.copyOutput(out, err);
        }
        Integer code = exit.awaitStatusCode();
        // As compose: a failed hook is the error when the command itself succeeded.
        if (hookFailure != null && (code == null || code == 0)) {
          throw hookFailure;
        }
        return code == null ? 0 : code;
      } catch (IOException e) {
        throw new EngineException(container + ": the output stream broke: " + e.getMessage(), e);
      }
    } catch (RuntimeException e) {
      throw e instanceof EngineException ee ? ee : new EngineException(container + ": " + EngineErrors.describe(e), e);
    } finally {
      if (remove) {
        try {
          client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException ignored) {
          // Already gone.
        }
      }
    }
  }

  private static String slug() {
    byte[] bytes = new byte[6];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
