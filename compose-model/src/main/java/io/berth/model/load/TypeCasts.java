package io.berth.model.load;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.interp.GoQuote;
import io.berth.model.yaml.YNode.YScalar;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * compose-go's casts after interpolation: at the paths below a string value (written quoted, or
 * coming from a variable) becomes a number or a boolean, whether or not it held a variable, or
 * the load fails with Go's parse error. A value written as a number or boolean is left alone.
 */
final class TypeCasts {
  private enum Cast { INT, INT64, FLOAT, FLOAT32, BOOL }

  /** {@code *} is any key or index, {@code []} any index; compose-go's {@code interpolateTypeCastMapping}. */
  private static final Map<String, Cast> PATHS = Map.ofEntries(
      Map.entry("services.*.cpu_count", Cast.INT64),
      Map.entry("services.*.cpu_percent", Cast.FLOAT),
      Map.entry("services.*.cpu_period", Cast.INT64),
      Map.entry("services.*.cpu_quota", Cast.INT64),
      Map.entry("services.*.cpu_rt_period", Cast.INT64),
      Map.entry("services.*.cpu_rt_runtime", Cast.INT64),
      Map.entry("services.*.cpus", Cast.FLOAT32),
      Map.entry("services.*.cpu_shares", Cast.INT64),
      Map.entry("services.*.init", Cast.BOOL),
      Map.entry("services.*.depends_on.*.required", Cast.BOOL),
      Map.entry("services.*.depends_on.*.restart", Cast.BOOL),
      Map.entry("services.*.deploy.replicas", Cast.INT),
      Map.entry("services.*.deploy.update_config.parallelism", Cast.INT),
      Map.entry("services.*.deploy.update_config.max_failure_ratio", Cast.FLOAT),
      Map.entry("services.*.deploy.rollback_config.parallelism", Cast.INT),
      Map.entry("services.*.deploy.rollback_config.max_failure_ratio", Cast.FLOAT),
      Map.entry("services.*.deploy.restart_policy.max_attempts", Cast.INT),
      Map.entry("services.*.deploy.placement.max_replicas_per_node", Cast.INT),
      Map.entry("services.*.healthcheck.retries", Cast.INT),
      Map.entry("services.*.healthcheck.disable", Cast.BOOL),
      Map.entry("services.*.oom_kill_disable", Cast.BOOL),
      Map.entry("services.*.oom_score_adj", Cast.INT64),
      Map.entry("services.*.pids_limit", Cast.INT64),
      Map.entry("services.*.ports.[].target", Cast.INT),
      Map.entry("services.*.privileged", Cast.BOOL),
      Map.entry("services.*.read_only", Cast.BOOL),
      Map.entry("services.*.scale", Cast.INT),
      Map.entry("services.*.stdin_open", Cast.BOOL),
      Map.entry("services.*.tty", Cast.BOOL),
      Map.entry("services.*.ulimits.*", Cast.INT),
      Map.entry("services.*.ulimits.*.hard", Cast.INT),
      Map.entry("services.*.ulimits.*.soft", Cast.INT),
      Map.entry("services.*.volumes.[].read_only", Cast.BOOL),
      Map.entry("services.*.volumes.[].volume.nocopy", Cast.BOOL),
      Map.entry("networks.*.external", Cast.BOOL),
      Map.entry("networks.*.internal", Cast.BOOL),
      Map.entry("networks.*.attachable", Cast.BOOL),
      Map.entry("networks.*.enable_ipv4", Cast.BOOL),
      Map.entry("networks.*.enable_ipv6", Cast.BOOL),
      Map.entry("volumes.*.external", Cast.BOOL),
      Map.entry("secrets.*.external", Cast.BOOL),
      Map.entry("configs.*.external", Cast.BOOL));

  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");
  // Char-class repetitions only: a repeated group would recurse once per digit in java.util.regex
  // and overflow the stack on a long number. Underscores are checked apart (goUnderscoresOk).
  private static final Pattern GO_DECIMAL_FLOAT = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern GO_HEX_FLOAT = Pattern.compile("[+-]?0[xX](?:[0-9a-fA-F]+(?:\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)[pP][+-]?[0-9]+");
  private static final Pattern GO_SPECIAL = Pattern.compile("[+-]?(?i:inf|infinity)|(?i:nan)");

  private TypeCasts() {}

  /**
   * The scalar cast for {@code path} (keys, and {@code []} for a list index), or empty when
   * nothing is cast there.
   * @param warnings told about a {@code yes}/{@code no}/{@code on}/{@code off} boolean
   */
  static Optional<YScalar> cast(List<String> path, String value, YScalar at, String where, Consumer<String> warnings) {
    Optional<Cast> cast = castAt(path);
    if (cast.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new YScalar(switch (cast.get()) {
        case INT -> integer(value, "strconv.Atoi");
        case INT64 -> integer(value, "strconv.ParseInt");
        case FLOAT -> decimal(value, false);
        case FLOAT32 -> decimal(value, true);
        case BOOL -> bool(value, warnings);
      }, true, at.pos()));
    } catch (IllegalArgumentException e) {
      throw new ComposeModelException(at.pos(), where, "failed to cast to expected type: " + e.getMessage());
    }
  }

  private static final Map<List<String>, Cast> PATTERNS = PATHS.entrySet().stream()
      .collect(java.util.stream.Collectors.toUnmodifiableMap(e -> List.of(e.getKey().split("\\.")), Map.Entry::getValue));
  private static final java.util.Set<String> SECTIONS = java.util.Set.of("services", "networks", "volumes", "secrets", "configs");

  private static Optional<Cast> castAt(List<String> path) {
    if (path.size() < 3 || !SECTIONS.contains(path.get(0))) {
      return Optional.empty();
    }
    for (Map.Entry<List<String>, Cast> e : PATTERNS.entrySet()) {
      List<String> pattern = e.getKey();
      if (pattern.size() == path.size()) {
        boolean match = true;
        for (int i = 0; i < pattern.size() && match; i++) {
          match = pattern.get(i).equals("*") || pattern.get(i).equals(path.get(i));
        }
        if (match) {
          return Optional.of(e.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** Go's base-10 integer parse: a sign, digits, within 64 bits. */
  private static String integer(String value, String function) {
    if (!DECIMAL.matcher(value).matches()) {
      throw new IllegalArgumentException(function + ": parsing " + GoQuote.quote(value) + ": invalid syntax");
    }
    // More than 19 significant digits never fits in 64 bits; BigInteger would take seconds on a
    // 300,000-digit value.
    BigInteger n = value.replaceFirst("^[+-]?0*", "").length() > 19 ? null
        : new BigInteger(value.startsWith("+") ? value.substring(1) : value);
    if (n == null || n.bitLength() > 63) {
      throw new IllegalArgumentException(function + ": parsing " + GoQuote.quote(value) + ": value out of range");
    }
    return n.toString();
  }

  /** Go's {@code strconv.ParseFloat}, as text the YAML resolver reads back as the same number. */
  private static String decimal(String value, boolean float32) {
    double d;
    if (GO_SPECIAL.matcher(value).matches()) {
      d = value.toLowerCase(Locale.ROOT).contains("nan") ? Double.NaN
          : value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    } else if (goUnderscoresOk(value) && (GO_DECIMAL_FLOAT.matcher(value.replace("_", "")).matches()
        || GO_HEX_FLOAT.matcher(value.replace("_", "")).matches())) {
      d = Double.parseDouble(value.replace("_", ""));
      if (Double.isInfinite(d) || (float32 && Float.isInfinite((float) d))) {
        throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoQuote.quote(value) + ": value out of range");
      }
      if (float32) {
        d = Double.parseDouble(Float.toString((float) d));
      }
    } else {
      throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoQuote.quote(value) + ": invalid syntax");
    }
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    return Double.toString(d);
  }

  /** Go's rule for {@code _} in a number literal: only between digits, or after a base prefix. */
  private static boolean goUnderscoresOk(String s) {
    boolean hex = s.matches("[+-]?0[xX].*");
    for (int i = s.indexOf('_'); i >= 0; i = s.indexOf('_', i + 1)) {
      char before = i > 0 ? s.charAt(i - 1) : ' ';
      char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
      boolean digitBefore = Character.digit(before, hex ? 16 : 10) >= 0 || (hex && (before == 'x' || before == 'X'));
      if (!digitBefore || Character.digit(after, hex ? 16 : 10) < 0) {
        return false;
      }
    }
    return true;
  }

  /** compose-go's {@code toBoolean}: YAML 1.1 spellings are still accepted, with a warning. */
  private static String bool(String value, Consumer<String> warnings) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
        return "true";
      case "false":
        return "false";
      case "y", "yes", "on":
        warnings.accept(GoQuote.quote(value) + " for boolean is not supported by YAML 1.2, please use `true`");
        return "true";
      case "n", "no", "off":
        warnings.accept(GoQuote.quote(value) + " for boolean is not supported by YAML 1.2, please use `false`");
        return "false";
      default:
        throw new IllegalArgumentException("invalid boolean: " + value);
    }
  }
}
