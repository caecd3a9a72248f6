package io.berth.model.load;

import io.berth.model.spec.Mount;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A volume in the short syntax, {@code [SOURCE:]TARGET[:MODE]}, as a service's {@code volumes}
 * entry and {@code run -v} write it: a source starting with {@code .}, {@code /}, {@code ~},
 * {@code \} or a drive letter is a bind, any other a named volume, none an anonymous volume.
 */
public final class ShortVolumes {
  /** The words of what is wrong with a spec; the caller says where it was written. */
  public static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private ShortVolumes() {}

  /**
   * @param hostPath makes a bind's source absolute (relative to a directory, {@code ~} to a home)
   * @throws Invalid naming the mistake and what is accepted
   */
  public static Mount parse(String spec, UnaryOperator<String> hostPath) {
    String[] parts = split(spec);
    if (parts.length == 0 || parts.length > 3 || parts[parts.length == 1 ? 0 : 1].isEmpty()) {
      throw new Invalid("invalid volume \"" + spec + "\" (accepted: [SOURCE:]TARGET[:MODE])");
    }
    if (parts.length == 1) {
      return new Mount(Mount.Type.VOLUME, "", absoluteTarget(parts[0]), false);
    }
    boolean readOnly = false;
    Optional<String> selinux = Optional.empty();
    Optional<String> propagation = Optional.empty();
    boolean noCopy = false;
    if (parts.length == 3) {
      for (String option : parts[2].split(",")) {
        switch (option) {
          case "ro" -> readOnly = true;
          case "z", "Z" -> selinux = Optional.of(option);
          case "shared", "rshared", "slave", "rslave", "private", "rprivate" -> propagation = Optional.of(option);
          case "nocopy" -> noCopy = true;
          case "rw", "cached", "delegated", "consistent" -> { }
          default -> throw new Invalid("invalid mode \"" + option + "\" in volume \"" + spec
              + "\" (accepted: ro, rw, z, Z, nocopy, and bind propagation modes)");
        }
      }
    }
    String source = parts[0];
    String target = absoluteTarget(parts[1]);
    if (isBindSource(source)) {
      // As compose-go: the modes that mean something to a bind become its bind: settings.
      return new Mount(Mount.Type.BIND, hostPath.apply(source), target, readOnly, true, "",
          new Mount.Options(selinux, propagation, Optional.empty(), false, Optional.empty(), Map.of()));
    }
    return new Mount(Mount.Type.VOLUME, source, target, readOnly, true, "",
        new Mount.Options(Optional.empty(), Optional.empty(), Optional.empty(), noCopy, Optional.empty(), Map.of()));
  }

  /** {@code SOURCE:TARGET:MODE}, where a Windows drive letter's colon is not a separator. */
  private static String[] split(String spec) {
    if (spec.matches("^[a-zA-Z]:\\\\.*")) {
      String[] rest = spec.substring(2).split(":", -1);
      rest[0] = spec.substring(0, 2) + rest[0];
      return rest;
    }
    return spec.split(":", -1);
  }

  private static String absoluteTarget(String target) {
    if (!target.startsWith("/")) {
      throw new Invalid("the mount target \"" + target + "\" must be an absolute path");
    }
    return target;
  }

  /** Compose tells a bind mount from a named volume by the source's first character only. */
  static boolean isBindSource(String source) {
    return source.startsWith(".") || source.startsWith("/") || source.startsWith("~") || source.startsWith("\\")
        || source.matches("^[a-zA-Z]:.*");
  }
}
