package io.berth.executor.engine;

/**
 * The Engine refused or failed an operation, or could not be reached. The message is one line that
 * names the resource and the cause, fit to show a user as-is.
 */
public class EngineException extends RuntimeException {
  public EngineException(String message) {
    super(message, null, false, false);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause, false, true);
  }
}
