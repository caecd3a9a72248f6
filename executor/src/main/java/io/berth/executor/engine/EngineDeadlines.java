package io.berth.executor.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long berth waits for the Engine to answer one call before it gives up, as Compose does with
 * {@code COMPOSE_HTTP_TIMEOUT}. An Engine that accepts the connection and never answers would
 * otherwise hold a command forever.
 *
 * <p>The deadline bounds how long the Engine may stay silent, not how long an answer may take to
 * arrive in full: calls that stream by design (logs, events, attach, waits, pulls, builds) are
 * exempt, and a stop's deadline starts after its grace period, which the Engine spends silently.
 *
 * @param call how long an ordinary call may go unanswered
 * @param firstContact how long the first {@code /_ping} may take: a host that does not answer it
 *     soon is not going to answer anything else
 */
public record EngineDeadlines(Duration call, Duration firstContact) {
  public static final Duration DEFAULT_CALL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_FIRST_CONTACT = Duration.ofSeconds(10);
  /** Compose's variable, in whole seconds. */
  public static final String VARIABLE = "COMPOSE_HTTP_TIMEOUT";

  private static final Pattern STOP = Pattern.compile("^/(?:v[\\d.]+/)?containers/[^/]+/(?:stop|restart)(?:\\?(.*))?$");
  private static final Pattern TIMEOUT_PARAMETER = Pattern.compile("(?:^|&)t(?:imeout)?=(-?\\d+)");
  private static final Pattern STREAMING = Pattern.compile(
      "^/(?:v[\\d.]+/)?(?:"
          + "events"
          + "|containers/[^/]+/(?:attach|wait)"
          + "|exec/[^/]+/start"
          + "|images/create|images/[^?]+/push|images/load|build|commit"
          + ")(?:\\?.*)?$");
  private static final Pattern FOLLOWED = Pattern.compile(
      "^/(?:v[\\d.]+/)?containers/[^/]+/(logs|stats)(?:\\?(.*))?$");

  public EngineDeadlines {
    if (call.isNegative() || call.isZero() || firstContact.isNegative() || firstContact.isZero()) {
      throw new IllegalArgumentException("Engine deadlines must be positive: " + call + ", " + firstContact);
    }
  }

  public static EngineDeadlines defaults() {
    return new EngineDeadlines(DEFAULT_CALL, DEFAULT_FIRST_CONTACT);
  }

  /**
   * The deadlines {@code COMPOSE_HTTP_TIMEOUT} sets: every call's, and the first contact's when it
   * is shorter than the default first contact.
   *
   * @throws EngineException when the value is not a positive whole number of seconds
   */
  public static EngineDeadlines fromEnvironment(Map<String, String> environment) {
    String value = environment.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return defaults();
    }
    long seconds;
    try {
      seconds = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds <= 0) {
      throw new EngineException(VARIABLE + "=" + value + " is not a number of seconds (accepted: a whole number above 0)");
    }
    Duration call = Duration.ofSeconds(seconds);
    return new EngineDeadlines(call, call.compareTo(DEFAULT_FIRST_CONTACT) < 0 ? call : DEFAULT_FIRST_CONTACT);
  }

  /**
   * How long the Engine may stay silent on {@code method path}; nothing for a call that streams by
   * design and may rightly be silent for as long as the user waits.
   *
   * @param path the request's path with its query, as sent
   */
  public Optional<Duration> forCall(String method, String path) {
    if (isPing(path)) {
      return Optional.of(firstContact);
    }
    if (STREAMING.matcher(path).matches()) {
      return Optional.empty();
    }
    Matcher followed = FOLLOWED.matcher(path);
    if (followed.matches() && streams(followed.group(1), followed.group(2) == null ? "" : followed.group(2))) {
      return Optional.empty();
    }
    Matcher stop = STOP.matcher(path);
    if (stop.matches()) {
      return Optional.of(call.plus(Duration.ofSeconds(gracePeriod(stop.group(1)))));
    }
    return Optional.of(call);
  }

  /** The one line for {@code call} (as {@code GET /containers/json}) left unanswered past its deadline. */
  static EngineException unanswered(String host, String call, Duration deadline, Throwable cause) {
    return new EngineException("the Docker Engine at " + host + " did not answer " + call + " within "
        + deadline.toSeconds() + "s (" + VARIABLE + " sets how many seconds to wait)", cause);
  }

  /** {@code GET /containers/json}: the method and the path without the API version or query. */
  static String call(String method, String path) {
    return method + " " + path.replaceFirst("^/v[\\d.]+/", "/").replaceFirst("\\?.*$", "");
  }

  static boolean isPing(String path) {
    return path.matches("^/(?:v[\\d.]+/)?_ping(?:\\?.*)?$");
  }

  /** Logs stream with {@code follow=1}; stats unless {@code stream=0}: the Engine's defaults. */
  private static boolean streams(String kind, String query) {
    if (kind.equals("logs")) {
      return query.matches("(?:^|.*&)follow=(?:1|true)(?:&.*|$)");
    }
    return !query.matches("(?:^|.*&)stream=(?:0|false)(?:&.*|$)");
  }

  /** The {@code t} a stop names; the Engine's default of 10 s when it names none. */
  private static long gracePeriod(String query) {
    if (query != null) {
      Matcher t = TIMEOUT_PARAMETER.matcher(query);
      if (t.find()) {
        return Math.max(0, Long.parseLong(t.group(1)));
      }
    }
    return 10;
  }
}
