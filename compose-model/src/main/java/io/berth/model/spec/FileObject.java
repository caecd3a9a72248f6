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
 */
public record FileObject(String key, Optional<Path> file, Optional<String> environment, Optional<String> content, boolean external) {}
