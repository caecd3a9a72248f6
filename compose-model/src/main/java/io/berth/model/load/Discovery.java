package io.berth.model.load;

import io.berth.model.diag.NoComposeFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which compose files a command reads when none is named: Compose's names, nearest directory first. */
public final class Discovery {
  /** In Compose's order of preference. */
  public static final List<String> NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");
  static final List<String> OVERRIDES = List.of(
      "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml");

  private Discovery() {}

  /**
   * The first compose file in {@code dir} or its nearest parent that has one, followed by that
   * directory's first override file, if any.
   */
  public static List<Path> discover(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      Optional<Path> main = first(d, NAMES);
      if (main.isPresent()) {
        List<Path> files = new ArrayList<>();
        files.add(main.get());
        first(d, OVERRIDES).ifPresent(files::add);
        return files;
      }
    }
    throw new NoComposeFileException("no configuration file provided: not found (looked for "
        + String.join(", ", NAMES) + " in " + dir + " and its parent directories)");
  }

  private static Optional<Path> first(Path dir, List<String> names) {
    return names.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
  }
}
