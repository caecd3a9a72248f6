package io.berth.executor.engine;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection to the Engine being made on a thread of its own. Setting up the client (its JSON
 * mapping and HTTP pool) and the first ping cost about as much as parsing the command line and
 * loading the project; started first, the two overlap. A failure to connect is kept, not reported,
 * until the connection is {@linkplain #take() taken}: a command that stops earlier, on a mistake
 * in the project, reports only that. Taken at most once; closed if never taken.
 */
public final class PendingEngine implements AutoCloseable {
  private final CompletableFuture<Engine> connection;
  private final AtomicBoolean taken = new AtomicBoolean();

  private PendingEngine(CompletableFuture<Engine> connection) {
    this.connection = connection;
  }

  /** Starts connecting to the Engine {@code environment} names, as {@link Engine#connect} does. */
  public static PendingEngine connect(Map<String, String> environment) {
    CompletableFuture<Engine> connection = new CompletableFuture<>();
    Thread connecting = new Thread(() -> {
      try {
        connection.complete(Engine.connect(environment));
      } catch (RuntimeException | Error e) {
        connection.completeExceptionally(e);
      }
    }, "berth-engine-connect");
    connecting.setDaemon(true);
    connecting.start();
    return new PendingEngine(connection);
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
    try {
      return connection.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Closes the connection once made, unless it was taken. */
  @Override
  public void close() {
    if (taken.compareAndSet(false, true)) {
      connection.thenAccept(Engine::close);
    }
  }
}
