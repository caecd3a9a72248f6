package io.berth.model.spec;

/**
 * One {@code depends_on} entry in long form.
 *
 * @param condition {@code service_started}, {@code service_healthy} or {@code service_completed_successfully}
 */
public record Dependency(String condition, boolean required, boolean restart) {
  public static final String SERVICE_STARTED = "service_started";

  public static Dependency started() {
    return new Dependency(SERVICE_STARTED, true, false);
  }
}
