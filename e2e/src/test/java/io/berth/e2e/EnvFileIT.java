package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/env_file_test.go}. */
@Tag("engine")
class EnvFileIT {
  private static final String FILE = "./fixtures/env_file/compose.yaml";
  private static final String MISSING = "env file /doesnotexist/.env not found";

  @RegisterExtension final Cli c = new Cli();

  /** TestRawEnvFile: format raw keeps the quotes. */
  @Test
  void rawEnvFile() {
    try {
      Result res = c.compose("-f", "./fixtures/dotenv/raw.yaml", "run", "test");
      assertThat(res.stdout().strip()).isEqualTo("'{\"key\": \"value\"}'");
    } finally {
      c.cleanupWithDown("dotenv");
    }
  }

  /** TestUnusedMissingEnvFile (its shell-completion step is left out: berth has no __complete). */
  @Test
  void unusedMissingEnvFile() {
    try {
      c.compose("-f", FILE, "up", "-d", "serviceA");
      // Runtime operations should work even with missing env file
      c.compose("-f", FILE, "ps");
      c.compose("-f", FILE, "logs");
      c.compose("-f", FILE, "exec", "serviceA", "echo", "hello");
      // scale should work even with missing env file on a service not being scaled
      c.compose("-f", FILE, "scale", "serviceA=2");
      // but scaling the service with the missing env file must still fail
      c.composeNoCheck("-f", FILE, "scale", "serviceB=1").assertExitCode(1).assertErrContains(MISSING);
      // config --hash works for services not referencing the missing env file
      c.compose("-f", FILE, "config", "--hash", "serviceA");
      c.composeNoCheck("-f", FILE, "config", "--hash", "serviceB").assertExitCode(1).assertErrContains(MISSING);
      // unless env_file resolution is explicitly disabled
      c.compose("-f", FILE, "config", "--no-env-resolution", "--hash", "serviceB");
      c.composeNoCheck("-f", FILE, "config", "--hash", "*").assertExitCode(1).assertErrContains(MISSING);
      c.compose("-f", FILE, "down");
    } finally {
      c.cleanupWithDown("env_file");
    }
  }

  /** TestRunEnvFile: the service of an inactive profile that run names gets its env_file. */
  @Test
  void runEnvFile() {
    String project = "run-dotenv";
    c.compose("-p", project, "--project-directory", "./fixtures/env_file", "run", "--rm", "serviceC", "env")
        .assertOutContains("FOO=BAR");
  }
}
