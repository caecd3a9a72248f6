package io.berth.model.diag;

/**
 * No compose file was found where one was looked for. Commands that can act on a project by name
 * alone ({@code down}, {@code ps} with {@code -p}) catch this one.
 */
public final class NoComposeFileException extends ComposeModelException {
  public NoComposeFileException(String detail) {
    super(detail);
  }
}
