package io.berth.cli;

/** Exit codes, as Docker Compose uses them. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** A runtime, model or Engine failure. */
  public static final int FAILURE = 1;
  /** The command line itself is wrong (picocli's default). */
  public static final int USAGE = 2;
  /** Stopped by Ctrl-C, as a shell reports SIGINT. */
  public static final int INTERRUPTED = 130;
}
