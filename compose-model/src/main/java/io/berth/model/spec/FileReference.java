package io.berth.model.spec;

import java.util.Optional;

/**
 * A service's use of a secret or config.
 *
 * @param target the absolute path in the container
 * @param mode file mode, e.g. {@code 0444}; empty for the default
 */
public record FileReference(String source, String target, Optional<String> uid, Optional<String> gid, Optional<Integer> mode) {}
