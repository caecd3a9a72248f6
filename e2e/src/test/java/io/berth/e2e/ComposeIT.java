package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream {@code pkg/e2e/compose_test.go}, but TestAttachRestart and TestStopWithDependenciesAttached
 * (ported elsewhere) and the scenarios on the sentences images, which have no stand-in yet.
 */
@Tag("engine")
class ComposeIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestDownComposefileInParentFolder: --project-directory finds the compose file of a parent. */
  @Test
  void downComposefileInParentFolder() throws IOException {
    Path tmp = Files.createTempDirectory(E2e.moduleDir().resolve("fixtures/simple-composefile"), "test-tmp");
    String project = tmp.getFileName().toString();
    try {
      c.compose("--project-directory", tmp.toString(), "up", "-d").assertErrContains("Started");
      c.compose("-p", project, "down").assertErrContains("Removed");
    } finally {
      c.cleanupWithDown(project);
      Files.deleteIfExists(tmp);
    }
  }

  /** TestRm. */
  @Test
  void rm() {
    String p = "compose-e2e-rm";
    String f = "./fixtures/simple-composefile/compose.yaml";
    c.compose("-f", f, "-p", p, "up", "-d");
    // rm --stop --force simple
    c.compose("-f", f, "-p", p, "rm", "--stop", "--force", "simple").assertErrContains("Removed");
    Result ps = c.docker("ps", "--all");
    assertThat(ps.combined()).doesNotContain(p + "-simple").contains(p + "-another");
    // up (again), rm --stop --force <none>
    c.compose("-f", f, "-p", p, "up", "-d");
    c.compose("-f", f, "-p", p, "rm", "--stop", "--force");
    ps = c.docker("ps", "--all");
    assertThat(ps.combined()).doesNotContain(p + "-simple").doesNotContain(p + "-another");
    c.compose("-p", p, "down");
  }

  /** TestConfig. */
  @Test
  void config() {
    String p = "compose-e2e-config";
    c.compose("-f", "./fixtures/simple-build-test/compose.yaml", "-p", p, "config").assertOutContains("""
        name: %s
        services:
          nginx:
            build:
              context: %s
              dockerfile: Dockerfile
            networks:
              default: null
        networks:
          default:
            name: compose-e2e-config_default
        """.formatted(p, E2e.moduleDir().resolve("fixtures/simple-build-test/nginx-build")));
  }

  /** TestConfigInterpolate. */
  @Test
  void configInterpolate() {
    String p = "compose-e2e-config-interpolate";
    c.compose("-f", "./fixtures/simple-build-test/compose-interpolate.yaml", "-p", p, "config", "--no-interpolate")
        .assertOutContains("""
            name: %s
            networks:
              default:
                name: compose-e2e-config-interpolate_default
            services:
              nginx:
                build:
                  context: %s
                  dockerfile: ${MYVAR}
                networks:
                  default: null
            """.formatted(p, E2e.moduleDir().resolve("fixtures/simple-build-test/nginx-build")));
  }

  /** TestComposeFileSetByDotEnv. */
  @Test
  void composeFileSetByDotEnv() {
    Result res = c.inDir(Path.of("fixtures", "dotenv")).compose("config");
    res.assertOutContains("image: test:latest", "image: enabled:profile");
  }

  /** TestComposeFileSetByProjectDirectory. */
  @Test
  void composeFileSetByProjectDirectory() {
    c.compose("--project-directory", Path.of(".", "fixtures", "dotenv", "development").toString(), "config")
        .assertOutContains("image: backend:latest");
  }

  /** TestComposeFileSetByEnvFile. */
  @Test
  void composeFileSetByEnvFile(@TempDir Path dir) throws IOException {
    Path dotEnv = dir.resolve(".env");
    Files.writeString(dotEnv, """
        COMPOSE_FILE=fixtures/dotenv/development/compose.yaml
        IMAGE_NAME=test
        IMAGE_TAG=latest
        COMPOSE_PROFILES=test
        """);
    c.compose("--env-file", dotEnv.toString(), "config").assertOutContains("image: test:latest", "image: enabled:profile");
  }

  /** TestNestedDotEnv. */
  @Test
  void nestedDotEnv() {
    try {
      c.inDir(Path.of("fixtures", "nested")).compose("run", "echo").assertOutContains("root win=root");
      c.inDir(Path.of("fixtures", "nested", "sub")).compose("run", "echo").assertOutContains("root sub win=sub");
    } finally {
      c.cleanupWithDown("nested");
    }
  }

  /** TestUnnecessaryResources. */
  @Test
  void unnecessaryResources() {
    String p = "compose-e2e-unnecessary-resources";
    c.composeNoCheck("-f", "./fixtures/external/compose.yaml", "-p", p, "up", "-d").assertExitCode(1)
        .assertErrContains("network foo_bar declared as external, but could not be found");
    // Should not fail as the missing external network is not used
    c.compose("-f", "./fixtures/external/compose.yaml", "-p", p, "up", "-d", "test");
  }
}
