package io.berth.model.diag;

/**
 * A user's mistake in a compose file or in the inputs of the loader. The message is complete
 * and meant to be shown as-is on one line: {@code compose.yaml:12:7: services.web.ports[1]: invalid port "x"}.
 * It never needs a stack trace.
 */
public class ComposeModelException extends RuntimeException {
  private final SourcePos pos;
  private final String path;
  private final String detail;

  public ComposeModelException(SourcePos pos, String path, String detail) {
    super(format(pos, path, detail), null, false, false);
    this.pos = pos == null ? SourcePos.none() : pos;
    this.path = path == null ? "" : path;
    this.detail = detail;
  }

  /** A report whose whole text is {@code message}, for {@link ComposeModelErrors}. */
  protected ComposeModelException(String message, ComposeModelException first) {
    super(message, null, false, false);
    this.pos = first.pos;
    this.path = first.path;
    this.detail = first.detail;
  }

  /** An error that points at no file: a flag, an environment variable, a missing file. */
  public ComposeModelException(String detail) {
    this(SourcePos.none(), "", detail);
  }

  public SourcePos pos() {
    return pos;
  }

  /** The key path, e.g. {@code services.web.ports[1]}; empty when the error is not about a key. */
  public String path() {
    return path;
  }

  public String detail() {
    return detail;
  }

  private static String format(SourcePos pos, String path, String detail) {
    StringBuilder b = new StringBuilder();
    if (pos != null && pos.isKnown()) {
      b.append(pos).append(": ");
    }
    if (path != null && !path.isEmpty()) {
      b.append(path).append(": ");
    }
    return b.append(detail).toString();
  }
}
