package io.berth.executor.observe;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One read from the Engine started on a thread of its own, so that independent reads (the
 * project's containers, networks and volumes) overlap: each spends most of its time turning the
 * Engine's JSON into objects, which a second core does as well as the first. Joined with
 * {@link #get()}, which throws what the read threw.
 */
final class ConcurrentRead<T> implements Supplier<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private ConcurrentRead(Supplier<T> read, String name) {
    Thread reading = new Thread(() -> {
      try {
        result.complete(read.get());
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }, "berth-read-" + name);
    reading.setDaemon(true);
    reading.start();
  }

  static <T> ConcurrentRead<T> start(String name, Supplier<T> read) {
    return new ConcurrentRead<>(read, name);
  }

  @Override
  public T get() {
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
}
