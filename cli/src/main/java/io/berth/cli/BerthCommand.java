package io.berth.cli;

import io.berth.executor.engine.Engine;
import io.berth.executor.engine.PendingEngine;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The top command. Not runnable on its own, so that {@code berth} with no command is a usage
 * error, as {@code docker compose} without one prints its help. Its commands are added by
 * {@link Subcommands}.
 */
@Command(
    name = "berth",
    description = "Define and run multi-container applications on a Docker Engine (a drop-in for docker compose).")
public final class BerthCommand {
  @Mixin HelpOption help;

  @Mixin public GlobalOptions global;

  final Invocation invocation;

  private Optional<PendingEngine> pendingEngine = Optional.empty();

  public BerthCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  /** A connection {@link Main} started before the command was parsed, for {@link #connectEngine}. */
  void connectingEarly(PendingEngine pending) {
    this.pendingEngine = Optional.of(pending);
  }

  /**
   * A connection to the Engine the invocation's environment names: the one started early when
   * there is one not yet taken, else a new one.
   */
  public Engine connectEngine() {
    Optional<PendingEngine> pending = pendingEngine;
    pendingEngine = Optional.empty();
    return pending.map(PendingEngine::take).orElseGet(() -> Engine.connect(invocation.environment()));
  }

  public Invocation invocation() {
    return invocation;
  }
}
