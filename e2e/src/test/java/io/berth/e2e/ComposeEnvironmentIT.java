package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/compose_environment_test.go}. */
@Tag("engine")
class ComposeEnvironmentIT {
  private static final String DIR = "./fixtures/environment/env-priority/";

  @RegisterExtension final Cli c = new Cli();

  private String run(Map<String, String> env, String file, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-f";
    all[1] = DIR + file;
    System.arraycopy(args, 0, all, 2, args.length);
    return c.composeWithEnv(env, all).assertSuccess().stdout().strip();
  }

  /** TestEnvPriority: -e VAR takes the shell, then --env-file / .env, over the file and the image. */
  @Test
  void envPriority() {
    try {
      // up
      c.dockerNoCheck("rmi", "env-compose-priority");
      c.compose("-f", DIR + "compose-with-env.yaml", "up", "-d", "--build");
      Map<String, String> shell = Map.of("WHEREAMI", "shell");
      String[] override = {"--env-file", DIR + ".env.override"};
      String[] withDefault = {"--env-file", DIR + ".env.override.with.default"};
      // compose file priority (from the OS environment, then from -e VAR=...)
      assertThat(run(shell, "compose-with-env.yaml", override[0], override[1], "run", "--rm", "-e", "WHEREAMI",
          "env-compose-priority")).isEqualTo("shell");
      assertThat(run(Map.of(), "compose-with-env.yaml", override[0], override[1], "run", "--rm", "-e", "WHEREAMI=shell",
          "env-compose-priority")).isEqualTo("shell");
      // shell priority
      assertThat(run(shell, "compose.yaml", override[0], override[1], "run", "--rm", "-e", "WHEREAMI",
          "env-compose-priority")).isEqualTo("shell");
      // shell priority file with default value
      assertThat(run(shell, "compose.yaml", withDefault[0], withDefault[1], "run", "--rm", "-e", "WHEREAMI",
          "env-compose-priority")).isEqualTo("shell");
      // shell priority implicitly set
      assertThat(run(Map.of(), "compose.yaml", withDefault[0], withDefault[1], "run", "--rm", "-e", "WHEREAMI",
          "env-compose-priority")).isEqualTo("EnvFileDefaultValue");
      // shell priority from COMPOSE_ENV_FILES variable
      assertThat(run(Map.of("COMPOSE_ENV_FILES", DIR + ".env.override.with.default"), "compose.yaml", "run", "--rm", "-e",
          "WHEREAMI", "env-compose-priority")).isEqualTo("EnvFileDefaultValue");
      // shell priority from run command
      assertThat(run(Map.of(), "compose.yaml", override[0], override[1], "run", "--rm", "-e", "WHEREAMI=shell-run",
          "env-compose-priority")).isEqualTo("shell-run");
      // override env file from compose
      assertThat(run(Map.of(), "compose-with-env-file.yaml", "run", "--rm", "-e", "WHEREAMI", "env-compose-priority"))
          .isEqualTo("Env File");
      // override env file
      assertThat(run(Map.of(), "compose.yaml", override[0], override[1], "run", "--rm", "-e", "WHEREAMI",
          "env-compose-priority")).isEqualTo("override");
      // env file
      assertThat(run(Map.of(), "compose.yaml", "run", "--rm", "-e", "WHEREAMI", "env-compose-priority")).isEqualTo("Env File");
      // use Dockerfile
      assertThat(run(Map.of(), "compose.yaml", "--env-file", DIR + ".env.empty", "run", "--rm", "-e", "WHEREAMI",
          "env-compose-priority")).isEqualTo("Dockerfile");
      // down
      c.compose("--project-name", "env-priority", "down");
    } finally {
      c.cleanupWithDown("env-priority");
    }
  }

  /** TestEnvInterpolation. */
  @Test
  void envInterpolation() {
    // shell priority from run command
    c.composeWithEnv(Map.of("WHEREAMI", "shell"), "-f", "./fixtures/environment/env-interpolation/compose.yaml", "config")
        .assertSuccess().assertOutContains("IMAGE: default_env:shell");
    // shell priority from run command using default value fallback
    c.compose("-f", "./fixtures/environment/env-interpolation-default-value/compose.yaml", "config")
        .assertOutContains("IMAGE: default_env:EnvFileDefaultValue");
  }

  /** TestCommentsInEnvFile. */
  @Test
  void commentsInEnvFile() {
    String file = "./fixtures/environment/env-file-comments/compose.yaml";
    try {
      c.dockerNoCheck("rmi", "env-file-comments");
      c.compose("-f", file, "up", "-d", "--build");
      Result res = c.compose("-f", file, "run", "--rm", "-e", "COMMENT", "-e", "NO_COMMENT", "env-file-comments");
      res.assertOutContains("COMMENT=1234", "NO_COMMENT=1234#5");
      c.compose("--project-name", "env-file-comments", "down", "--rmi", "all");
    } finally {
      c.cleanupWithDown("env-file-comments");
    }
  }

  /** TestUnsetEnv: a bare environment entry unset in the caller's environment unsets the image's value. */
  @Test
  void unsetEnv() {
    String file = "./fixtures/environment/empty-variable/compose.yaml";
    try {
      // override env variable
      c.compose("-f", file, "build");
      c.compose("-f", file, "run", "-e", "EMPTY=hello", "--rm", "empty-variable").assertOutContains("=hello=");
      // unset env variable
      c.compose("-f", file, "run", "--rm", "empty-variable").assertOutContains("==");
    } finally {
      c.compose("--project-name", "empty-variable", "down", "--rmi", "all");
    }
  }
}
