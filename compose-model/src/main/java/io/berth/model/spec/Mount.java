package io.berth.model.spec;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of a service's {@code volumes}.
 *
 * @param source for {@code VOLUME} the compose key of the named volume (empty for an anonymous
 *     volume); for {@code BIND} an absolute host path; empty for {@code TMPFS}
 * @param createHostPath for {@code BIND}: create a missing source directory ({@code bind.create_host_path})
 * @param tmpfsOptions for {@code TMPFS}: the Engine's mount options, e.g. {@code size=65536}
 * @param options the {@code bind:} and {@code volume:} settings of the long syntax (and of the short
 *     syntax's modes: {@code z}, {@code rshared}, {@code nocopy}, ...)
 */
public record Mount(Type type, String source, String target, boolean readOnly, boolean createHostPath, String tmpfsOptions,
    Options options) {
  public enum Type {
    VOLUME,
    BIND,
    TMPFS
  }

  /**
   * @param selinux {@code z} (shared) or {@code Z} (private), for a bind
   * @param propagation {@code rprivate}, {@code shared}, ..., for a bind
   * @param recursive {@code enabled}, {@code disabled}, {@code writable} or {@code readonly}, for a bind
   * @param noCopy for a volume: do not copy the image's content at the target into a new volume
   * @param subpath for a volume: mount this path inside the volume
   * @param labels for a volume: labels of the volume the Engine creates for it
   */
  public record Options(Optional<String> selinux, Optional<String> propagation, Optional<String> recursive, boolean noCopy,
      Optional<String> subpath, Map<String, String> labels) {
    public Options {
      labels = Maps.sortedCopy(labels);
    }

    public static Options none() {
      return new Options(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), Map.of());
    }
  }

  public Mount(Type type, String source, String target, boolean readOnly, boolean createHostPath, String tmpfsOptions) {
    this(type, source, target, readOnly, createHostPath, tmpfsOptions, Options.none());
  }

  /** A mount as the short syntax writes it: a missing bind source is created, as Compose does. */
  public Mount(Type type, String source, String target, boolean readOnly) {
    this(type, source, target, readOnly, true, "");
  }
}
