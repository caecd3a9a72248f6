package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.berth.testsupport.EngineProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What upstream's {@code e2e.CLI} is to a scenario: runs {@code bin/berth} (for {@code docker
 * compose}) and the docker CLI as separate processes, from the e2e module's directory so that a
 * scenario names its fixture as upstream does ({@code -f ./fixtures/NAME/compose.yaml}), with an
 * environment of its own (a fresh HOME and DOCKER_CONFIG, nothing of the caller's COMPOSE_*).
 *
 * <p>Register it as a field, {@code @RegisterExtension final Cli c = new Cli();}: before each
 * scenario it makes sure the Engine answers and the stand-in images are there; after it, every
 * project a command named ({@code -p}, {@code --project-name}, {@code COMPOSE_PROJECT_NAME}) is
 * taken down with {@code down -v --remove-orphans}, as upstream's {@code cleanupWithDown} does.
 */
final class Cli implements BeforeEachCallback, AfterEachCallback {
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(180);

  private final Map<String, String> env = new LinkedHashMap<>();
  private final Set<String> projects = new LinkedHashSet<>();
  private final List<Background> background = new ArrayList<>();
  private Path dir = E2e.moduleDir();
  private Path home;

  Cli() {}

  /** Adds {@code NAME=VALUE} entries to every later command's environment (upstream's WithEnv). */
  Cli withEnv(String... entries) {
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      env.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    return this;
  }

  /** Runs later commands in {@code directory} (relative to the e2e module, or absolute). */
  Cli inDir(Path directory) {
    dir = E2e.moduleDir().resolve(directory);
    return this;
  }

  /** The directory commands run in. */
  Path dir() {
    return dir;
  }

  /**
   * Copies {@code fixtures/NAME} into a fresh temporary directory and returns it, for scenarios that
   * write into their fixture (builds, generated env files) so that the repository stays clean.
   */
  Path copyFixture(String name) {
    Path source = E2e.moduleDir().resolve("fixtures").resolve(name);
    try {
      Path target = Files.createTempDirectory("berth-e2e-").resolve(name);
      try (Stream<Path> files = Files.walk(source)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Path to = target.resolve(source.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy fixture " + name, e);
    }
  }

  /** {@code berth args}, which must succeed (upstream's RunDockerComposeCmd). */
  Result compose(String... args) {
    return composeNoCheck(args).assertSuccess();
  }

  /** {@code berth args}, whatever its exit code (upstream's RunDockerComposeCmdNoCheck). */
  Result composeNoCheck(String... args) {
    return run(composeCommand(args), Map.of(), null);
  }

  /** {@code berth args} with extra environment entries for this command only. */
  Result composeWithEnv(Map<String, String> extra, String... args) {
    return run(composeCommand(args), extra, null);
  }

  /** {@code berth args} with {@code stdin} as its standard input. */
  Result composeWithInput(String stdin, String... args) {
    return run(composeCommand(args), Map.of(), stdin);
  }

  /** {@code docker args}, which must succeed (upstream's RunDockerCmd). */
  Result docker(String... args) {
    return dockerNoCheck(args).assertSuccess();
  }

  /** {@code docker args}, whatever its exit code (upstream's RunDockerOrExitError). */
  Result dockerNoCheck(String... args) {
    List<String> command = new ArrayList<>();
    command.add("docker");
    command.addAll(List.of(args));
    return run(command, Map.of(), null);
  }

  /** Any command (upstream's RunCmd), run in this Cli's directory and environment. */
  Result cmd(String... command) {
    return run(List.of(command), Map.of(), null);
  }

  /** Starts {@code berth args} and returns at once (upstream's RunCmdInBackground / icmd.StartCmd). */
  Background composeInBackground(String... args) {
    return composeInBackground(Map.of(), args);
  }

  /** Starts {@code berth args} with extra environment entries and returns at once. */
  Background composeInBackground(Map<String, String> extra, String... args) {
    List<String> command = composeCommand(args);
    Background started = Background.start(command, dir, environment(extra), null);
    background.add(started);
    return started;
  }

  /** Starts {@code berth args} with its standard input a pipe the scenario writes to. */
  Background composeInBackgroundPiped(String... args) {
    Background started = Background.startPiped(composeCommand(args), dir, environment(Map.of()));
    background.add(started);
    return started;
  }

  /** Re-runs {@code args} until {@code predicate} holds for the result (upstream's WaitForCmdResult). */
  Result waitForComposeResult(Predicate<Result> predicate, Duration timeout, String... args) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Result last;
    do {
      last = composeNoCheck(args);
      if (predicate.test(last)) {
        return last;
      }
      sleep(Duration.ofMillis(500));
    } while (System.nanoTime() < deadline);
    return fail("berth %s did not give the wanted result in %s; last:%n%s", String.join(" ", args), timeout,
        last.combined());
  }

  /** Re-runs {@code docker args} until {@code predicate} holds for the result. */
  Result waitForDockerResult(Predicate<Result> predicate, Duration timeout, String... args) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Result last;
    do {
      last = dockerNoCheck(args);
      if (predicate.test(last)) {
        return last;
      }
      sleep(Duration.ofMillis(250));
    } while (System.nanoTime() < deadline);
    return fail("docker %s did not give the wanted result in %s; last:%n%s", String.join(" ", args), timeout,
        last.combined());
  }

  /** Waits until {@code condition} holds (upstream's WaitForCondition). */
  static void waitForCondition(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("condition not met in %s: %s", timeout, what);
      }
      sleep(Duration.ofMillis(250));
    }
  }

  /** Takes the project down, volumes and orphans included (upstream's cleanupWithDown). */
  void cleanupWithDown(String project, String... extra) {
    List<String> args = new ArrayList<>(List.of("-p", project, "down", "-v", "--remove-orphans", "-t", "0"));
    args.addAll(List.of(extra));
    Result r = run(composeCommand(args.toArray(String[]::new)), Map.of(), null);
    if (r.exitCode() != 0) {
      System.err.println("e2e: cleanup of " + project + " failed: " + r.combined());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    EngineProbe.requireEngine();
    StandIns.ensure();
    home = Files.createTempDirectory("berth-e2e-home-");
    Files.createDirectories(home.resolve(".docker"));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (Background b : background) {
      b.close();
    }
    background.clear();
    for (String project : projects) {
      cleanupWithDown(project);
    }
    projects.clear();
    deleteQuietly(home);
  }

  private List<String> composeCommand(String... args) {
    noteProjects(args);
    List<String> command = new ArrayList<>();
    command.add(E2e.composeCommand());
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** Remembers the projects a command names, to take them down after the scenario. */
  private void noteProjects(String... args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("-p") || a.equals("--project-name")) && i + 1 < args.length) {
        projects.add(args[i + 1]);
      } else if (a.startsWith("--project-name=")) {
        projects.add(a.substring("--project-name=".length()));
      } else if (a.startsWith("-p") && a.length() > 2 && !a.startsWith("--")) {
        projects.add(a.substring(2));
      }
    }
    String fromEnv = env.get("COMPOSE_PROJECT_NAME");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      projects.add(fromEnv);
    }
  }

  private Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("HOME", home.toString());
    e.put("USER", System.getProperty("user.name"));
    e.put("DOCKER_CONFIG", home.resolve(".docker").toString());
    e.put("PATH", System.getenv("PATH"));
    for (String passed : List.of("DOCKER_HOST", "JAVA_HOME", "BERTH_JAVA_OPTS", "TMPDIR")) {
      String value = System.getenv(passed);
      if (value != null) {
        e.put(passed, value);
      }
    }
    e.putAll(env);
    e.putAll(extra);
    String fromExtra = extra.get("COMPOSE_PROJECT_NAME");
    if (fromExtra != null && !fromExtra.isEmpty()) {
      projects.add(fromExtra);
    }
    return e;
  }

  private Result run(List<String> command, Map<String, String> extra, String stdin) {
    return Background.start(command, dir, environment(extra), stdin).awaitResult(COMMAND_TIMEOUT);
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteQuietly(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temporary directory: the system cleans it up eventually.
    }
  }

  /** Asserts {@code text} contains each of {@code expected}, showing all of it otherwise. */
  static void assertContains(String text, String... expected) {
    for (String e : expected) {
      assertThat(text).as("output").contains(e);
    }
  }
}
