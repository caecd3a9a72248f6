package io.berth.cli;

/** A mistake on the command line that picocli's parser cannot see, such as an unknown service name. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message, null, false, false);
  }
}
