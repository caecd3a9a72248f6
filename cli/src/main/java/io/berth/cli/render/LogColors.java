package io.berth.cli.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands out the colours of log prefixes as Compose does: ten codes in a fixed rotation, cyan,
 * yellow, green, magenta, blue and then the same five in bold, each container taking the next one
 * the first time something of it is printed. The colours therefore follow the order in which
 * containers first speak, not the order they were listed in.
 *
 * <p>Compose keeps one rotation for its whole process; berth makes one printer per process, so
 * one rotation per printer is the same thing.
 */
final class LogColors {
  /** SGR codes; bold is Compose's "intense", written as it writes it ({@code 36;1}, not {@code 1;36} or {@code 96}). */
  static final List<String> ROTATION = List.of("36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1");

  static final String RESET = "\u001b[0m";

  private final Map<String, String> assigned = new HashMap<>();
  private int next;

  /**
   * The escape that starts {@code name}'s colour, picking the next one of the rotation when the
   * name is new. A name with a space in it (a hook's {@code web-1 ->}) takes the colour of the
   * container before the space; an empty name has none.
   */
  synchronized String start(String name) {
    if (name.isEmpty()) {
      return "";
    }
    int space = name.indexOf(' ');
    String owner = space < 0 ? name : name.substring(0, space);
    return assigned.computeIfAbsent(owner, o -> {
      String code = ROTATION.get(next);
      next = (next + 1) % ROTATION.size();
      return "\u001b[" + code + "m";
    });
  }

  /** {@code text} in {@code name}'s colour, reset after it. */
  String paint(String name, String text) {
    String start = start(name);
    return start.isEmpty() ? text : start + text + RESET;
  }
}
