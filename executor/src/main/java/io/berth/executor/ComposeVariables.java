package io.berth.executor;

import io.berth.model.spec.Project;
import java.util.Locale;
import java.util.Set;

/** The {@code COMPOSE_*} variables that change what a command does, read as Compose reads them. */
public final class ComposeVariables {
  private ComposeVariables() {}

  /** Compose's {@code StringToBool}: {@code y}, or what Go's {@code ParseBool} takes as true, in any case. */
  public static boolean isTrue(String value) {
    return value != null && Set.of("y", "1", "t", "true").contains(value.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * {@code COMPOSE_REMOVE_ORPHANS}, from the project's environment: Compose copies the {@code COMPOSE_*}
   * variables of {@code .env} into its own environment (the shell's win) before {@code up} reads it.
   */
  public static boolean removeOrphans(Project project) {
    return isTrue(project.environment().get("COMPOSE_REMOVE_ORPHANS"));
  }

  /** {@code COMPOSE_IGNORE_ORPHANS}, from the project's environment ({@code .env} included): no orphan warning. */
  public static boolean ignoreOrphans(Project project) {
    return isTrue(project.environment().get("COMPOSE_IGNORE_ORPHANS"));
  }
}
