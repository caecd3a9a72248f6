package io.berth.model.diag;

import java.nio.file.Path;

/** A place in a compose file, 1-based, as an editor shows it. */
public record SourcePos(Path file, int line, int column) {

  /** Where a value came from when it came from no file (a command-line flag, an environment variable). */
  public static SourcePos none() {
    return new SourcePos(null, 0, 0);
  }

  public boolean isKnown() {
    return file != null;
  }

  @Override
  public String toString() {
    if (file == null) {
      return "";
    }
    return line > 0 ? file + ":" + line + ":" + column : file.toString();
  }
}
