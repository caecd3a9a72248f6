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
          "additional property " + key + " is not allowed: it is not a Compose " + what + " attribute (accepted: "
              + String.join(", ", new TreeSet<>(supported)) + ", x-*)"));
    }
    return errors;
  }
}
