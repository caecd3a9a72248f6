package io.berth.model.load;

import io.berth.model.diag.ComposeModelException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Compose's project-name rules: names given explicitly are validated, names derived are normalized. */
public final class ProjectNames {
  private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

  private ProjectNames() {}

  /** For {@code -p} and {@code COMPOSE_PROJECT_NAME}: used as given, or refused. */
  public static String validate(String name) {
    if (!VALID.matcher(name).matches()) {
      throw new ComposeModelException("invalid project name \"" + name + "\": must consist only of lowercase alphanumeric"
          + " characters, hyphens, and underscores as well as start with a letter or number");
    }
    return name;
  }

  /** For top-level {@code name:} and the directory name: lower-cased, stripped of other characters. */
  public static String normalize(String name) {
    String n = normalizeOrEmpty(name);
    if (n.isEmpty()) {
      throw new ComposeModelException("project name must not be empty");
    }
    return n;
  }

  /** {@link #normalize} without the check, for callers that report an empty result where it was written. */
  static String normalizeOrEmpty(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "").replaceAll("^[_-]+", "");
  }
}
