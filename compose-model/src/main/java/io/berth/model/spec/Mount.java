package io.berth.model.spec;

/**
 * One entry of a service's {@code volumes}.
 *
 * @param source for {@code VOLUME} the compose key of the named volume (empty for an anonymous
 *     volume); for {@code BIND} an absolute host path
 */
public record Mount(Type type, String source, String target, boolean readOnly) {
  public enum Type {
    VOLUME,
    BIND
  }
}
