package io.berth.model.load;

import java.util.ArrayList;
import java.util.List;

/** Key paths in a compose tree ({@code [services, web, ports]}) and compose-go's patterns over them. */
final class Paths {
  private Paths() {}

  static List<String> child(List<String> path, String key) {
    List<String> next = new ArrayList<>(path.size() + 1);
    next.addAll(path);
    next.add(key);
    return next;
  }

  /** A pattern of dot-separated keys where {@code *} matches any one key, e.g. {@code services.*.ports}. */
  static String[] pattern(String text) {
    return text.split("\\.");
  }

  /** Whether {@code path} matches a {@link #pattern}. */
  static boolean matches(List<String> path, String[] parts) {
    if (parts.length != path.size()) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].equals("*") && !parts[i].equals(path.get(i))) {
        return false;
      }
    }
    return true;
  }
}
