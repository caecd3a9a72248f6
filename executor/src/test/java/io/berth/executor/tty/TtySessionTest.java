package io.berth.executor.tty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** When a TTY session holds the terminal and sizes the container's TTY, against a recording terminal. */
class TtySessionTest {
  /** A terminal that records what is done to it; its size can be changed as a user's window is. */
  private static class FakeTerminal implements LocalTerminal {
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicReference<Optional<TerminalSize>> size = new AtomicReference<>(Optional.of(new TerminalSize(33, 101)));
    final AtomicReference<Runnable> listener = new AtomicReference<>();

    @Override
    public Held raw() {
      events.add("raw");
      return () -> events.add("restored");
    }

    @Override
    public Optional<TerminalSize> size() {
      return size.get();
    }

    @Override
    public Held onResize(Runnable changed) {
      events.add("following");
      listener.set(changed);
      return () -> {
        events.add("unfollowed");
        listener.set(null);
      };
    }

    void resizeTo(int rows, int columns) {
      size.set(Optional.of(new TerminalSize(rows, columns)));
      listener.get().run();
    }
  }

  @Test
  void rawForTheSessionSizedAtOnceAndOnEachChange() {
    FakeTerminal terminal = new FakeTerminal();
    List<TerminalSize> sent = new CopyOnWriteArrayList<>();

    try (TtySession session = TtySession.start(Optional.of(terminal), true, sent::add)) {
      assertThat(terminal.events).containsExactly("raw", "following");
      assertThat(sent).containsExactly(new TerminalSize(33, 101));
      terminal.resizeTo(40, 120);
      assertThat(sent).containsExactly(new TerminalSize(33, 101), new TerminalSize(40, 120));
    }
    // Stops following before it gives the terminal back.
    assertThat(terminal.events).containsExactly("raw", "following", "unfollowed", "restored");
  }

  @Test
  void withoutTheKeyboardTheTerminalStaysCookedButTheTtyIsStillSized() {
    FakeTerminal terminal = new FakeTerminal();
    List<TerminalSize> sent = new CopyOnWriteArrayList<>();

    TtySession.start(Optional.of(terminal), false, sent::add).close();

    assertThat(terminal.events).containsExactly("following", "unfollowed");
    assertThat(sent).containsExactly(new TerminalSize(33, 101));
  }

  @Test
  void withoutATerminalNothingIsTouched() {
    List<TerminalSize> sent = new CopyOnWriteArrayList<>();
    TtySession.start(Optional.empty(), true, sent::add).close();
    assertThat(sent).isEmpty();
  }

  @Test
  void anUnreadableSizeIsNotSent() {
    FakeTerminal terminal = new FakeTerminal();
    terminal.size.set(Optional.empty());
    List<TerminalSize> sent = new CopyOnWriteArrayList<>();

    try (TtySession session = TtySession.start(Optional.of(terminal), true, sent::add)) {
      terminal.listener.get().run();
    }
    assertThat(sent).isEmpty();
  }

  @Test
  void aFirstSizeTheEngineRefusesIsTriedAgainWhileTheSessionGoesOn() {
    FakeTerminal terminal = new FakeTerminal();
    AtomicInteger attempts = new AtomicInteger();
    List<TerminalSize> sent = new CopyOnWriteArrayList<>();

    try (TtySession session = TtySession.start(Optional.of(terminal), true, size -> {
      if (attempts.incrementAndGet() < 3) {
        throw new IllegalStateException("exec is not running yet");
      }
      sent.add(size);
    })) {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (sent.isEmpty() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(sent).containsExactly(new TerminalSize(33, 101));
      assertThat(attempts).hasValue(3);
    }
  }

  @Test
  void theTerminalIsGivenBackWhenFollowingItsSizeFails() {
    FakeTerminal terminal = new FakeTerminal() {
      @Override
      public Held onResize(Runnable changed) {
        throw new IllegalStateException("no signals here");
      }
    };
    assertThatThrownBy(() -> TtySession.start(Optional.of(terminal), true, size -> {})).isInstanceOf(IllegalStateException.class);
    assertThat(terminal.events).containsExactly("raw", "restored");
  }
}
