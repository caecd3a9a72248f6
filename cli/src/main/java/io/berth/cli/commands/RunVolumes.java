package io.berth.cli.commands;

import io.berth.cli.UserError;
import io.berth.model.load.ShortVolumes;
import io.berth.model.spec.Mount;
import io.berth.model.spec.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code run -v [SOURCE:]TARGET[:MODE]}: the short syntax of a service's {@code volumes}. As
 * Compose, a relative bind source is taken from the directory berth runs in (Compose makes it
 * absolute when it creates the container, after the project is loaded), and a volume name the file
 * does not declare is the Engine's volume of that name.
 */
final class RunVolumes {
  private static final String ENGINE_VOLUME_NAME = "[a-zA-Z0-9][a-zA-Z0-9_.-]+";

  private RunVolumes() {}

  /** The service's mounts with {@code specs} added, each replacing one of the same target. */
  static List<Mount> with(List<Mount> mounts, List<String> specs, Project project, Path workingDir,
      Map<String, String> environment) {
    List<Mount> out = new ArrayList<>(mounts);
    for (String spec : specs) {
      Mount m = parse(spec, project, workingDir, environment);
      out.removeIf(existing -> existing.target().equals(m.target()));
      out.add(m);
    }
    return out;
  }

  private static Mount parse(String spec, Project project, Path workingDir, Map<String, String> environment) {
    // As Compose's -v, which, unlike berth's loader, also refuses an empty source or mode.
    if (java.util.Arrays.asList(spec.split(":", -1)).contains("")) {
      throw new UserError("--volume: invalid volume \"" + spec + "\": empty section between colons (accepted: [SOURCE:]TARGET[:MODE])");
    }
    Mount m;
    try {
      m = ShortVolumes.parse(spec, source -> hostPath(source, workingDir, environment));
    } catch (ShortVolumes.Invalid e) {
      throw new UserError("--volume: " + e.getMessage());
    }
    if (m.type() == Mount.Type.VOLUME && !m.source().isEmpty() && !project.volumes().containsKey(m.source())
        && !m.source().matches(ENGINE_VOLUME_NAME)) {
      throw new UserError("--volume: invalid volume name \"" + m.source() + "\" in \"" + spec
          + "\" (accepted: a volume of the file, or a name of letters, digits, _ . and -, starting with a letter or digit)");
    }
    return m;
  }

  private static String hostPath(String source, Path workingDir, Map<String, String> environment) {
    if (source.equals("~") || source.startsWith("~/")) {
      String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
      return Path.of(home + source.substring(1)).normalize().toString();
    }
    return workingDir.resolve(source).toAbsolutePath().normalize().toString();
  }
}
