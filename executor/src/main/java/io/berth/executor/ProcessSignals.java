package io.berth.executor;

import java.util.function.Consumer;

/**
 * The signals berth's own process receives, for the commands that hand them on to the container
 * they are attached to ({@code attach}, {@code run}), as the docker CLI behind Compose does. The
 * CLI owns the process and says where they come from.
 */
@FunctionalInterface
public interface ProcessSignals {
  /** Hands each signal's name ({@code SIGINT}) to {@code to} until the result is closed. */
  Forwarding forward(Consumer<String> to);

  /** Signals act on berth, not on a container: {@code attach --sig-proxy=false}, and library use. */
  ProcessSignals NONE = to -> () -> {};

  /** Signals being forwarded; closing puts back what they did before. */
  @FunctionalInterface
  interface Forwarding extends AutoCloseable {
    @Override
    void close();
  }
}
