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

  /** Whether {@code path} matches {@code pattern}, dot-separated keys where {@code *} matches any one key. */
  static boolean matches(List<String> path, String pattern) {
    String[] parts = pattern.split("\\.");
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
