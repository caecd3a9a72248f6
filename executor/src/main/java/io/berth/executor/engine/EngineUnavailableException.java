package io.berth.executor.engine;

/** No Engine answers where we looked. */
public final class EngineUnavailableException extends EngineException {
  public EngineUnavailableException(String host, Throwable cause) {
    super("Cannot connect to the Docker daemon at " + host + ". Is the docker daemon running?"
        + (cause == null || cause.getMessage() == null ? "" : " (" + rootMessage(cause) + ")"), cause);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
