package io.berth.model.interp;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compose's variable substitution, as compose-go's {@code template} package does it: {@code $VAR},
 * {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}},
 * {@code ${VAR?error}}, {@code ${VAR:+replacement}}, {@code ${VAR+replacement}}, and {@code $$} for
 * a literal {@code $}; a {@code $} before anything else stays as written.
 *
 * <p>compose-go finds a {@code ${...}} with a regular expression and then cuts it where braces
 * balance, which this class reproduces step by step because the corner cases show:
 * <ul>
 *   <li>the text after an operator runs to the last {@code }} on the same line (a default never
 *       spans lines);
 *   <li>it is then cut at the first {@code }} that balances the braces, counting as compose-go
 *       does: the character right after each {@code {} is skipped, so {@code {}} in a default
 *       does not close anything; what follows the cut is interpolated on its own;
 *   <li>the text after the operator is itself interpolated, and only when it is used.
 * </ul>
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
    int dollar = template.indexOf('$');
    if (dollar < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length());
    int i = 0;
    while (dollar >= 0) {
      out.append(template, i, dollar);
      i = substitute(template, dollar, out);
      dollar = template.indexOf('$', i);
    }
    return out.append(template, i, template.length()).toString();
  }

  /** Appends what the {@code $} at {@code at} stands for; returns where the text continues. */
  private int substitute(String template, int at, StringBuilder out) {
    int next = at + 1;
    if (next >= template.length()) {
      out.append('$');
      return next;
    }
    char c = template.charAt(next);
    if (c == '$') {
      out.append('$');
      return next + 1;
    }
    if (isNameStart(c)) {
      int end = nameEnd(template, next);
      out.append(value(template.substring(next, end)));
      return end;
    }
    if (c != '{') {
      out.append('$');
      return next;
    }
    int nameStart = next + 1;
    if (nameStart >= template.length() || !isNameStart(template.charAt(nameStart))) {
      throw invalid(template);
    }
    int nameEnd = nameEnd(template, nameStart);
    String name = template.substring(nameStart, nameEnd);
    if (nameEnd < template.length() && template.charAt(nameEnd) == '}') {
      out.append(value(name));
      return nameEnd + 1;
    }
    int opStart = nameEnd < template.length() && template.charAt(nameEnd) == ':' ? nameEnd + 1 : nameEnd;
    if (opStart >= template.length() || "-+?".indexOf(template.charAt(opStart)) < 0) {
      throw invalid(template);
    }
    // The match runs to the last '}' of the line; none there means no match at all.
    int lineEnd = template.indexOf('\n', opStart);
    int end = template.lastIndexOf('}', lineEnd < 0 ? template.length() - 1 : lineEnd - 1);
    if (end <= opStart) {
      throw invalid(template);
    }
    int cut = firstBalancedClose(template, at, end);
    String argument = template.substring(opStart + 1, cut);
    out.append(apply(name, opStart > nameEnd, template.charAt(opStart), argument));
    if (cut < end) {
      out.append(interpolate(template.substring(cut + 1, end + 1)));
    }
    return end + 1;
  }

  /** The value of {@code ${name<op>argument}}; the argument is interpolated only when used. */
  private String apply(String name, boolean colon, char operator, String argument) {
    Optional<String> current = lookup.apply(name);
    boolean unusable = current.isEmpty() || (colon && current.get().isEmpty());
    switch (operator) {
      case '-':
        return unusable ? interpolate(argument) : current.get();
      case '?':
        if (unusable) {
          String reason = interpolate(argument);
          throw new InterpolationException("required variable " + name + " is missing a value" + (reason.isEmpty() ? "" : ": " + reason));
        }
        return current.get();
      default: // '+'
        return unusable ? current.orElse("") : interpolate(argument);
    }
  }

  /**
   * The index of the {@code }} closing the {@code ${} at {@code from}, counting braces as
   * compose-go does (the character after each {@code {} is skipped), or {@code end} when the
   * count does not come back to zero before it.
   */
  private static int firstBalancedClose(String s, int from, int end) {
    int open = 0;
    for (int i = from; i <= end; i++) {
      char c = s.charAt(i);
      if (c == '}' && --open == 0) {
        return i;
      }
      if (c == '{') {
        open++;
        i++;
      }
    }
    return end;
  }

  /** Passes a warning about a value on to whoever is told about unset variables. */
  public void warn(String message) {
    warnings.accept(message);
  }

  private String value(String name) {
    Optional<String> v = lookup.apply(name);
    if (v.isEmpty()) {
      warnings.accept("The \"" + name + "\" variable is not set. Defaulting to a blank string.");
      return "";
    }
    return v.get();
  }

  private static int nameEnd(String s, int start) {
    int end = start + 1;
    while (end < s.length() && isNamePart(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /**
   * compose-go's {@code (?i)[_a-z]}: Go's case folding also lets in the long s (U+017F) and the
   * Kelvin sign (U+212A), which fold to {@code s} and {@code k}.
   */
  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u017F' || c == '\u212A';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  private static InterpolationException invalid(String template) {
    return new InterpolationException("invalid interpolation format: \"" + template + "\"; you may need to escape any $ with another $");
  }
}
