package io.berth.model.interp;

/** A malformed statement in a {@code .env} file; the caller adds the file. */
public final class DotEnvException extends RuntimeException {
  private final int line;

  public DotEnvException(int line, String message) {
    super(message, null, false, false);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
