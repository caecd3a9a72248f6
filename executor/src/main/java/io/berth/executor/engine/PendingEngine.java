package io.berth.executor.engine;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection to the Engine being made on a thread of its own. Setting up the client (its JSON
 * mapping and HTTP pool) and the first ping cost about as much as parsing the command line and
 * loading the project; started first, the two overlap. A failure to connect is kept, not reported,
 * until the connection is {@linkplain #take() taken}: a command that stops earlier, on a mistake
 * in the project, reports only that. Taken at most once; closed if never taken.
 */
public final class PendingEngine implements AutoCloseable {
  private final Background<Engine> connection;
  private final AtomicBoolean taken = new AtomicBoolean();

  private PendingEngine(Background<Engine> connection) {
    this.connection = connection;
  }

  /** Starts connecting to the Engine {@code environment} names, as {@link Engine#connect} does. */
  public static PendingEngine connect(Map<String, String> environment) {
    return new PendingEngine(Background.start("engine-connect", () -> Engine.connect(environment)));
  }

  /**
   * Waits for the connection; the caller owns it from here.
   *
   * @throws EngineUnavailableException as {@link Engine#connect} would have
   * @throws IllegalStateException when it was taken before
   */
  public Engine take() {
    if (!taken.compareAndSet(false, true)) {
      throw new IllegalStateException("the Engine connection was taken already");
    }
    return connection.join();
  }

  /** Closes the connection once made, unless it was taken. */
  @Override
  public void close() {
    if (taken.compareAndSet(false, true)) {
      connection.whenDone(Engine::close);
    }
  }
}
