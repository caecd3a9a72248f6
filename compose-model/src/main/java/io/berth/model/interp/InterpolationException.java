package io.berth.model.interp;

/** A template that cannot be interpolated; the caller adds where it was written. */
public final class InterpolationException extends RuntimeException {
  public InterpolationException(String message) {
    super(message, null, false, false);
  }
}
