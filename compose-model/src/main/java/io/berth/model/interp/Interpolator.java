package io.berth.model.interp;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compose's variable substitution: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+replacement}},
 * {@code ${VAR+replacement}}, and {@code $$} for a literal {@code $}. What follows an operator is
 * itself interpolated, and only when it is used. Braces are matched by counting, so a default may
 * contain balanced braces.
 */
public final class Interpolator {
  private final Function<String, Optional<String>> lookup;
  private final Consumer<String> warnings;

  /**
   * @param lookup the value of a variable, empty when it is not set
   * @param warnings told about variables that are not set and have no default
   */
  public Interpolator(Function<String, Optional<String>> lookup, Consumer<String> warnings) {
    this.lookup = lookup;
    this.warnings = warnings;
  }

  /** @throws InterpolationException for a malformed {@code ${...}} or a required variable missing */
  public String interpolate(String template) {
    if (template.indexOf('$') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = template.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int close = matchingBrace(template, i + 1);
        if (close < 0) {
          throw invalid(template);
        }
        out.append(braced(template.substring(i + 2, close), template));
        i = close + 1;
      } else if (isNameStart(next)) {
        int end = i + 1;
        while (end < template.length() && isNamePart(template.charAt(end))) {
          end++;
        }
        out.append(value(template.substring(i + 1, end)));
        i = end;
      } else {
        // `$` before anything else stays as written: "$1", "a $ b", "^re$".
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private String braced(String body, String template) {
    int nameEnd = 0;
    while (nameEnd < body.length() && (nameEnd == 0 ? isNameStart(body.charAt(0)) : isNamePart(body.charAt(nameEnd)))) {
      nameEnd++;
    }
    if (nameEnd == 0) {
      throw invalid(template);
    }
    String name = body.substring(0, nameEnd);
    String rest = body.substring(nameEnd);
    if (rest.isEmpty()) {
      return value(name);
    }
    boolean colon = rest.startsWith(":");
    String op = colon ? rest.substring(1) : rest;
    if (op.isEmpty() || "-?+".indexOf(op.charAt(0)) < 0) {
      throw invalid(template);
    }
    char operator = op.charAt(0);
    String argument = op.substring(1);
    Optional<String> current = lookup.apply(name);
    boolean unusable = current.isEmpty() || (colon && current.get().isEmpty());
    switch (operator) {
      case '-':
        return unusable ? interpolate(argument) : current.get();
      case '?':
        if (unusable) {
          String message = interpolate(argument);
          throw new InterpolationException("required variable " + name + " is missing a value" + (message.isEmpty() ? "" : ": " + message));
        }
        return current.get();
      default: // '+'
        return unusable ? "" : interpolate(argument);
    }
  }

  private String value(String name) {
    Optional<String> v = lookup.apply(name);
    if (v.isEmpty()) {
      warnings.accept("The \"" + name + "\" variable is not set. Defaulting to a blank string.");
      return "";
    }
    return v.get();
  }

  /** The index of the brace closing the one at {@code open}, or -1. */
  private static int matchingBrace(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  private static InterpolationException invalid(String template) {
    return new InterpolationException("invalid interpolation format: \"" + template + "\"; you may need to escape any $ with another $");
  }
}
