package io.berth.model.spec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A top-level secret or config: where its content comes from. Exactly one source is set unless
 * it is external.
 *
 * @param file an absolute host path, bind-mounted read-only
 * @param environment the name of the variable whose value is the content
 * @param content the content itself (configs only)
 * @param name the {@code name:} the file gives it; else compose-go's {@code <project>_<key>}, or the key when external
 * @param labels its {@code labels}
 */
public record FileObject(String key, Optional<Path> file, Optional<String> environment, Optional<String> content, boolean external,
    Optional<String> name, java.util.Map<String, String> labels) {
  public FileObject {
    labels = Maps.sortedCopy(labels);
  }

  public FileObject(String key, Optional<Path> file, Optional<String> environment, Optional<String> content, boolean external) {
    this(key, file, environment, content, external, Optional.empty(), java.util.Map.of());
  }

  /**
   * What a {@code content:} or {@code environment:} source gives, the variable looked up in
   * {@code environment}; empty for a file, an external one, or an unset variable.
   */
  public String resolvedContent(java.util.Map<String, String> environment) {
    return content.orElseGet(() -> this.environment.map(v -> environment.getOrDefault(v, "")).orElse(""));
  }
}
