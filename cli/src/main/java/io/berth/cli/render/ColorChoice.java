package io.berth.cli.render;

import java.util.Map;
import java.util.Optional;

/**
 * Whether log prefixes are coloured, decided as Compose decides it: {@code --ansi} (else
 * {@code COMPOSE_ANSI}, else {@code auto}) says {@code always}, or {@code auto} on a standard output
 * that is a terminal; any other value means never. A non-empty {@code NO_COLOR} turns colour off
 * whatever {@code --ansi} says (no-color.org), and so does the command's own {@code --no-color}.
 */
public final class ColorChoice {
  private ColorChoice() {}

  /** @param ansiFlag {@code --ansi} when it was given */
  public static boolean colorLogs(Optional<String> ansiFlag, Map<String, String> environment, boolean stdoutIsTerminal,
      boolean noColorFlag) {
    if (noColorFlag || !environment.getOrDefault("NO_COLOR", "").isEmpty()) {
      return false;
    }
    String mode = ansiFlag.or(() -> Optional.ofNullable(environment.get("COMPOSE_ANSI"))).orElse("auto");
    return switch (mode) {
      case "always" -> true;
      case "auto" -> stdoutIsTerminal;
      default -> false;
    };
  }
}
