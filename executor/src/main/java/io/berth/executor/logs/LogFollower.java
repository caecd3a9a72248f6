package io.berth.executor.logs;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Follows the logs of several containers at once and hands their lines, whole, to one consumer.
 * Ends when every stream has ended (the containers stopped) or on {@link #close()}.
 */
public final class LogFollower implements Closeable {
  private final DockerClient client;
  private final Consumer<LogLine> sink;
  private final BiConsumer<String, Optional<Long>> exits;
  private final List<ResultCallback.Adapter<Frame>> streams = new ArrayList<>();
  private final Set<String> followed = new HashSet<>();
  /** Containers whose stream is open now; one that restarts is followed again once its stream has ended. */
  private final Set<String> open = new HashSet<>();
  private final Runnable onChange;
  private int active;

  private LogFollower(DockerClient client, Consumer<LogLine> sink, BiConsumer<String, Optional<Long>> exits, Runnable onChange) {
    this.client = client;
    this.sink = sink;
    this.exits = exits;
    this.onChange = onChange;
  }

  /**
   * What to read of each container's log.
   *
   * @param follow keep reading until the container stops
   * @param tail only the last lines; empty for all
   * @param sinceEpochSecond only lines written from then on; 0 for all
   * @param untilEpochSecond only lines written before then; 0 for no limit
   * @param timestamps prefix each line with the Engine's RFC 3339 timestamp
   */
  public record Options(boolean follow, Optional<Integer> tail, int sinceEpochSecond, int untilEpochSecond, boolean timestamps) {
    public static Options followFrom(int sinceEpochSecond) {
      return new Options(true, Optional.empty(), sinceEpochSecond, 0, false);
    }
  }

  /**
   * @param containers container id to display name
   * @param sink receives lines from several threads, one call at a time per line; must be thread-safe
   * @param exits told when a container's stream ends, with the container's exit code once it has stopped
   */
  public static LogFollower follow(DockerClient client, Map<String, String> containers, Options options,
      Consumer<LogLine> sink, BiConsumer<String, Optional<Long>> exits) {
    LogFollower follower = new LogFollower(client, sink, exits, () -> {});
    containers.forEach((id, display) -> follower.add(id, display, options));
    return follower;
  }

  /** A follower that starts empty; {@code onChange} runs whenever a stream ends. */
  public static LogFollower empty(DockerClient client, Consumer<LogLine> sink, BiConsumer<String, Optional<Long>> exits,
      Runnable onChange) {
    return new LogFollower(client, sink, exits, onChange);
  }

  /** Starts following one more container, unless it is followed already. */
  public synchronized void add(String id, String display, Options options) {
    if (!followed.add(id)) {
      return;
    }
    open(id, display, options, 0);
  }

  /**
   * Follows a container again after it restarted, unless its stream is still open: only the lines
   * written from {@code fromNanos} (the Engine's time of its start) on, so that the lines of its
   * run before, written in the same second, are not shown twice.
   */
  public synchronized void addRestarted(String id, String display, Options options, long fromNanos) {
    if (open.contains(id)) {
      return;
    }
    followed.add(id);
    open(id, display, options, fromNanos);
  }

  /** Whether the container's stream is open now. */
  public synchronized boolean isOpen(String id) {
    return open.contains(id);
  }

  /**
   * Waits until the container's stream has ended (it ends shortly after the container stops, once
   * the Engine has sent all it wrote), at most {@code max}.
   */
  public synchronized void awaitStreamEnd(String id, java.time.Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (open.contains(id)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  private void open(String id, String display, Options options, long fromNanos) {
    active++;
    open.add(id);
    Consumer<LogLine> lines = fromNanos <= 0 ? sink : new FromTime(fromNanos, options.timestamps(), sink);
    LineSplitter out = new LineSplitter(text -> lines.accept(new LogLine(display, false, text)));
    LineSplitter err = new LineSplitter(text -> lines.accept(new LogLine(display, true, text)));
    ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        (frame.getStreamType() == StreamType.STDERR ? err : out).accept(frame.getPayload());
      }

      @Override
      public void onComplete() {
        out.finish();
        err.finish();
        exits.accept(display, exitCode(client, id));
        streamEnded(id);
        super.onComplete();
      }

      @Override
      public void onError(Throwable throwable) {
        out.finish();
        err.finish();
        streamEnded(id);
        try {
          close();
        } catch (IOException ignored) {
          // The stream is already broken; nothing more to release.
        }
      }
    };
    var cmd = client.logContainerCmd(id)
        .withFollowStream(options.follow())
        .withStdOut(true)
        .withStdErr(true)
        .withTimestamps(options.timestamps() || fromNanos > 0);
    if (fromNanos > 0) {
      cmd.withSince((int) (fromNanos / 1_000_000_000L));
    } else if (options.sinceEpochSecond() > 0) {
      cmd.withSince(options.sinceEpochSecond());
    }
    if (options.untilEpochSecond() > 0) {
      cmd.withUntil(options.untilEpochSecond());
    }
    options.tail().ifPresentOrElse(cmd::withTail, cmd::withTailAll);
    streams.add(cmd.exec(callback));
  }

  private void streamEnded(String id) {
    synchronized (this) {
      active--;
      open.remove(id);
      notifyAll();
    }
    onChange.run();
  }

  private static Optional<Long> exitCode(DockerClient client, String id) {
    try {
      var state = client.inspectContainerCmd(id).exec().getState();
      return Boolean.TRUE.equals(state.getRunning()) ? Optional.empty() : Optional.ofNullable(state.getExitCodeLong());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Blocks until every followed stream has ended. */
  public synchronized void awaitEnd() throws InterruptedException {
    while (active > 0) {
      wait();
    }
  }

  /** Whether every followed stream has ended. */
  public synchronized boolean ended() {
    return active == 0;
  }

  /** Whether this container is (or was) followed. */
  public synchronized boolean follows(String id) {
    return followed.contains(id);
  }

  @Override
  public synchronized void close() {
    for (ResultCallback.Adapter<Frame> s : streams) {
      try {
        s.close();
      } catch (IOException ignored) {
        // Closing a stream we no longer read.
      }
    }
  }

  /**
   * Drops the lines stamped before a time: the Engine's {@code since} counts whole seconds. The
   * stamp, asked for only to compare, is cut off again unless the user asked for timestamps.
   */
  record FromTime(long fromNanos, boolean keepStamp, Consumer<LogLine> sink) implements Consumer<LogLine> {
    @Override
    public void accept(LogLine line) {
      String text = line.text();
      int space = text.indexOf(' ');
      String stamp = space < 0 ? text : text.substring(0, space);
      try {
        java.time.Instant at = java.time.Instant.parse(stamp);
        if (at.getEpochSecond() * 1_000_000_000L + at.getNano() < fromNanos) {
          return;
        }
      } catch (java.time.format.DateTimeParseException e) {
        // Not stamped as expected: shown as it is.
        sink.accept(line);
        return;
      }
      sink.accept(keepStamp ? line : new LogLine(line.container(), line.stderr(), space < 0 ? "" : text.substring(space + 1)));
    }
  }
}
