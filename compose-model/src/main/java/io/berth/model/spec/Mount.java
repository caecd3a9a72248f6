package io.berth.model.spec;

/**
 * One entry of a service's {@code volumes}.
 *
 * @param source for {@code VOLUME} the compose key of the named volume (empty for an anonymous
 *     volume); for {@code BIND} an absolute host path; empty for {@code TMPFS}
 * @param createHostPath for {@code BIND}: create a missing source directory ({@code bind.create_host_path})
 * @param tmpfsOptions for {@code TMPFS}: the Engine's mount options, e.g. {@code size=65536}
 */
public record Mount(Type type, String source, String target, boolean readOnly, boolean createHostPath, String tmpfsOptions) {
  public enum Type {
    VOLUME,
    BIND,
    TMPFS
  }

  /** A mount as the short syntax writes it: a missing bind source is created, as Compose does. */
  public Mount(Type type, String source, String target, boolean readOnly) {
    this(type, source, target, readOnly, true, "");
  }
}
