package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flags of {@code up} and {@code create} that Compose refuses, alone or together: one line in
 * Compose's words, a non-zero exit, and no Engine call (the Engine address here cannot answer).
 */
class UpFlagsTest {
  @TempDir Path dir;

  @BeforeEach
  void writeProject() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: busybox
            depends_on: [db]
          db:
            image: busybox
          other:
            image: busybox
        """);
  }

  private BerthRunner.Result berth(String... args) {
    return new BerthRunner(dir).env("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock")).run(args);
  }

  private void assertRefused(String expected, String... args) {
    BerthRunner.Result r = berth(args);
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err().strip()).as(r.toString()).isEqualTo(expected);
  }

  @Test
  void upRefusesWhatComposeRefuses() {
    assertRefused("--build and --no-build are incompatible", "up", "-d", "--build", "--no-build");
    assertRefused("--detach cannot be combined with --abort-on-container-exit, --abort-on-container-failure, --attach,"
        + " --attach-dependencies or --watch", "up", "-d", "--abort-on-container-exit");
    assertRefused("--detach cannot be combined with --abort-on-container-exit, --abort-on-container-failure, --attach,"
        + " --attach-dependencies or --watch", "up", "-d", "--exit-code-from", "web");
    assertRefused("--detach cannot be combined with --abort-on-container-exit, --abort-on-container-failure, --attach,"
        + " --attach-dependencies or --watch", "up", "-d", "--attach-dependencies");
    assertRefused("--wait cannot be combined with --abort-on-container-exit, --attach or --attach-dependencies",
        "up", "--wait", "--attach", "web");
    assertRefused("--abort-on-container-failure cannot be combined with --abort-on-container-exit",
        "up", "--abort-on-container-exit", "--abort-on-container-failure");
    assertRefused("--wait-timeout must be a non-negative integer", "up", "--wait", "--wait-timeout", "-1");
    assertRefused("--force-recreate and --no-recreate are incompatible", "up", "--force-recreate", "--no-recreate");
    assertRefused("--no-recreate and --renew-anon-volumes are incompatible", "up", "-V", "--no-recreate");
    assertRefused("--no-build and --watch are incompatible", "up", "--no-build", "--watch");
    assertRefused("invalid --pull option \"sometimes\" (accepted: always, missing, never, build)", "up", "--pull", "sometimes");
    assertRefused("cannot combine --attach and --attach-dependencies", "up", "--attach", "web", "--attach-dependencies");
    assertRefused("cannot attach to services not included in up: other", "up", "--attach", "other", "web");
  }

  @Test
  void watchIsRefusedInOneLine() {
    assertRefused("--watch is not supported by berth yet", "up", "--watch");
    assertRefused("--watch is not supported by berth yet", "up", "-w", "web");
  }

  @Test
  void createRefusesWhatComposeRefuses() {
    assertRefused("--build and --no-build are incompatible", "create", "--build", "--no-build");
    assertRefused("--force-recreate and --no-recreate are incompatible", "create", "--force-recreate", "--no-recreate");
    assertRefused("invalid --pull option \"latest\" (accepted: always, missing, never, build)", "create", "--pull", "latest");
    assertRefused("no such service: nope", "create", "nope");
    assertRefused("invalid --scale \"web\": accepted form is SERVICE=NUM", "create", "--scale", "web");
    // Flags of up that Compose's create does not have.
    BerthRunner.Result unknown = berth("create", "-d");
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("Unknown option: '-d'");
  }

  @Test
  void acceptedFlagsGetAsFarAsTheEngine() {
    String engine = "Cannot connect to the Docker daemon at unix://" + dir.resolve("no-engine.sock");
    // Past parsing and every check, the first thing left to do is to read the Engine's state.
    assertThat(berth("up", "-d", "--pull", "if_not_present", "--no-build", "--quiet-pull", "--quiet-build",
        "-t", "3", "-y", "--menu=false", "--no-color", "--no-log-prefix", "--timestamps", "web").err()).startsWith(engine);
    assertThat(berth("up", "--attach-dependencies", "--menu", "web").err()).startsWith(engine);
    assertThat(berth("create", "--pull", "build", "--quiet-pull", "--scale", "other=2", "-y", "--remove-orphans",
        "--no-recreate", "web").err()).startsWith(engine);
  }
}
