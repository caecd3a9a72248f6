package io.berth.model.load;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.yaml.YNode.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses keys the loader does not read: a key the Compose Specification defines but berth does
 * not support yet says so, rather than being silently ignored; any other key is a mistake.
 * {@code x-} extensions are always allowed.
 */
final class KeyCheck {
  private KeyCheck() {}

  static void check(YMap map, String path, Set<String> supported, Set<String> spec, String what) {
    List<ComposeModelException> errors = mistakes(map, path, supported, spec, what);
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
  }

  /** Every key of {@code map} that is refused, each as its error, in the order written. */
  static List<ComposeModelException> mistakes(YMap map, String path, Set<String> supported, Set<String> spec, String what) {
    List<ComposeModelException> errors = new ArrayList<>();
    for (String key : map.entries().keySet()) {
      if (supported.contains(key) || key.startsWith("x-")) {
        continue;
      }
      String at = path.isEmpty() ? key : path + "." + key;
      if (spec.contains(key)) {
        errors.add(new ComposeModelException(map.posOf(key), at, "not supported yet by berth"));
        continue;
      }
      errors.add(new ComposeModelException(map.posOf(key), path,
          "additional property " + key + " is not allowed: it is not a Compose " + what + " attribute" + hint(key, supported)));
    }
    return errors;
  }

  /** Beyond this many accepted keys, the message names the nearest one instead of them all. */
  static final int LISTED = 12;

  /**
   * The accepted keys when they are few; else the one the mistake is nearest to (a typo, within an
   * edit distance of about a third of its length), or only how many there are.
   */
  private static String hint(String key, Set<String> supported) {
    if (supported.size() <= LISTED) {
      return " (accepted: " + String.join(", ", new TreeSet<>(supported)) + ", x-*)";
    }
    String nearest = null;
    int best = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(supported)) {
      int d = distance(key.toLowerCase(java.util.Locale.ROOT), candidate);
      if (d < best) {
        best = d;
        nearest = candidate;
      }
    }
    if (nearest != null && best <= Math.max(2, key.length() / 3)) {
      return "; did you mean `" + nearest + "`?";
    }
    return " (" + supported.size() + " are accepted, and x-* extensions; see the Compose Specification)";
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
