package io.berth.planner;

/**
 * The project cannot be brought to the desired state without touching what is not the project's:
 * an external resource is missing, or a name the project needs is taken outside it. The message is
 * one complete line for the user; nothing has been changed when it is thrown.
 */
public final class PlanException extends RuntimeException {
  public PlanException(String message) {
    super(message, null, false, false);
  }
}
