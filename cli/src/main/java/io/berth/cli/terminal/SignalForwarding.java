package io.berth.cli.terminal;

import io.berth.executor.ProcessSignals;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The signals berth receives while attached, handed on instead of ending berth: {@code attach}'s
 * {@code --sig-proxy} and {@code run}, as the docker CLI forwards them to the container. Only the signals the JVM
 * lets a program take are forwarded (INT, TERM, HUP, and USR1 where free); QUIT and USR2 stay the
 * JVM's.
 */
public final class SignalForwarding implements ProcessSignals {
  private static final List<String> FORWARDED = List.of("INT", "TERM", "HUP", "USR1");

  @Override
  public Forwarding forward(Consumer<String> to) {
    List<Runnable> restore = new ArrayList<>();
    for (String name : FORWARDED) {
      try {
        Signal signal = new Signal(name);
        SignalHandler previous = Signal.handle(signal, s -> to.accept("SIG" + s.getName()));
        restore.add(() -> Signal.handle(signal, previous));
      } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError taken) {
        // The JVM keeps this one; it acts on berth as it always does.
      }
    }
    return () -> restore.forEach(Runnable::run);
  }
}
