package io.berth.executor.engine;

import com.github.dockerjava.api.exception.DockerException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what docker-java throws into the one line a user needs: the Engine's own message. */
public final class EngineErrors {
  private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private EngineErrors() {}

  /** The Engine's message for a failed call, without HTTP status or JSON wrapping. */
  public static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root && !(root instanceof DockerException)) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getSimpleName();
    }
    Matcher m = JSON_MESSAGE.matcher(message);
    if (m.find()) {
      return m.group(1).replace("\\\"", "\"").replace("\\n", " ").replace("\\\\", "\\").trim();
    }
    return message.replaceFirst("^Status \\d+: ", "").replace('\n', ' ').trim();
  }
}
