package io.berth.executor.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work started on a daemon thread of its own, whose result is joined later: the Engine connection
 * made while the project loads, independent reads from the Engine made at once. A start-up cost,
 * not a pool: each is one short task. {@link #join()} throws what the work threw, as if it had run
 * on the caller's thread.
 */
public final class Background<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private Background(String name, Supplier<T> work) {
    Thread thread = new Thread(() -> {
      try {
        result.complete(work.get());
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }, "berth-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  public static <T> Background<T> start(String name, Supplier<T> work) {
    return new Background<>(name, work);
  }

  /** Waits for the result. */
  public T join() {
    try {
      return result.join();
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

  /** Hands the result to {@code then} once there is one; nothing if the work failed. */
  public void whenDone(Consumer<T> then) {
    result.thenAccept(then);
  }
}
