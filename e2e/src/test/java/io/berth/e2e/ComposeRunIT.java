package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.testsupport.LocalRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/compose_run_test.go}. */
@Tag("engine")
class ComposeRunIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestLocalComposeRun. */
  @Test
  void localComposeRun() throws Exception {
    // As upstream's deferred cleanupWithDown: the project takes its name from the fixture's directory.
    c.cleanupWithDown("run-test");
    try {
      steps();
    } finally {
      c.cleanupWithDown("run-test");
      c.cleanupWithDown("dependencies");
    }
  }

  private void steps() throws Exception {
    // compose run
    Result res = c.compose("-f", "./fixtures/run-test/compose.yaml", "run", "back");
    assertThat(last(res)).as(res.stdout()).isEqualTo("Hello there!!");
    res.assertCombinedLacks("orphan");
    res = c.compose("-f", "./fixtures/run-test/compose.yaml", "run", "back", "echo", "Hello one more time");
    assertThat(last(res)).as(res.stdout()).isEqualTo("Hello one more time");
    // The first one-off has exited: Compose counts it as an orphan.
    res.assertCombinedContains("orphan");

    // check run container exited
    res = c.docker("ps", "--all");
    String runContainer = "";
    String truncatedSlug = "";
    for (String line : res.stdoutLines()) {
      String[] fields = line.trim().split("\\s+");
      String name = fields[fields.length - 1];
      assertThat(name).doesNotStartWith("run-test-front");
      if (name.startsWith("run-test-back")) {
        // only the one-off containers of back
        assertThat(name).startsWith("run-test-back-run-");
        truncatedSlug = name.replaceFirst("run-test-back-run-", "");
        runContainer = name;
      }
      if (name.startsWith("run-test-db-1")) {
        assertThat(line).contains("Up");
      }
    }
    assertThat(runContainer).isNotEmpty();
    res = c.docker("inspect", runContainer);
    res.assertOutContains(" \"Status\": \"exited\"", "\"com.docker.compose.project\": \"run-test\"",
        "\"com.docker.compose.oneoff\": \"True\",", "\"com.docker.compose.slug\": \"" + truncatedSlug);

    // compose run --rm
    res = c.compose("-f", "./fixtures/run-test/compose.yaml", "run", "--rm", "back", "echo", "Hello again");
    assertThat(last(res)).as(res.stdout()).isEqualTo("Hello again");
    res = c.docker("ps", "--all");
    assertThat(res.stdout()).contains("run-test-back");

    // down
    c.compose("-f", "./fixtures/run-test/compose.yaml", "down", "--remove-orphans");
    res = c.docker("ps", "--all");
    assertThat(res.stdout()).doesNotContain("run-test");

    // compose run --volumes (upstream lists its test file in the directory; ours, the module's pom.xml)
    String wd = E2e.moduleDir().toString();
    res = c.compose("-f", "./fixtures/run-test/compose.yaml", "run", "--volumes", wd + ":/foo", "back", "/bin/sh", "-c",
        "ls /foo");
    res.assertOutContains("pom.xml");
    res = c.docker("ps", "--all");
    assertThat(res.stdout()).contains("run-test-back");

    // compose run --publish
    c.compose("-f", "./fixtures/run-test/ports.yaml", "run", "--publish", "8081:80", "-d", "back", "/bin/sh", "-c",
        "sleep 1");
    res = c.docker("ps");
    assertThat(res.stdout()).contains("8081->80/tcp").doesNotContain("8082->80/tcp");

    // compose run --service-ports
    c.compose("-f", "./fixtures/run-test/ports.yaml", "run", "--service-ports", "-d", "back", "/bin/sh", "-c", "sleep 1");
    res = c.docker("ps");
    assertThat(res.stdout()).contains("8082->80/tcp");

    // compose run orphan: another file for the same project leaves an orphan
    c.compose("-f", "./fixtures/run-test/orphan.yaml", "run", "simple");
    res = c.compose("-f", "./fixtures/run-test/compose.yaml", "run", "back", "echo", "Hello");
    res.assertCombinedContains("orphan");
    res = c.composeWithEnv(Map.of("COMPOSE_IGNORE_ORPHANS", "True"), "-f", "./fixtures/run-test/compose.yaml", "run",
        "back", "echo", "Hello");
    res.assertCombinedLacks("orphan");

    // down
    c.composeWithEnv(Map.of("COMPOSE_REMOVE_ORPHANS", "True"), "-f", "./fixtures/run-test/compose.yaml", "down");
    res = c.docker("ps", "--all");
    assertThat(res.stdout()).doesNotContain("run-test");

    // run starts only container and dependencies (docker/compose#9459): even with another service up
    c.compose("-f", "./fixtures/run-test/deps.yaml", "up", "service_b", "--menu=false");
    res = c.compose("-f", "./fixtures/run-test/deps.yaml", "run", "service_a");
    res.assertCombinedContains("shared_dep").assertCombinedLacks("service_b");
    c.compose("-f", "./fixtures/run-test/deps.yaml", "down", "--remove-orphans");

    // run without dependencies
    res = c.compose("-f", "./fixtures/run-test/deps.yaml", "run", "--no-deps", "service_a");
    res.assertCombinedLacks("shared_dep", "service_b");
    c.compose("-f", "./fixtures/run-test/deps.yaml", "down", "--remove-orphans");

    // run with not required dependency
    res = c.compose("-f", "./fixtures/dependencies/deps-not-required.yaml", "run", "foo");
    res.assertCombinedContains("foo").assertCombinedLacks("bar");
    c.compose("-f", "./fixtures/dependencies/deps-not-required.yaml", "down", "--remove-orphans");

    try (LocalRegistry registry = LocalRegistry.start()) {
      Map<String, String> env = Map.of("REGISTRY", registry.host());
      pushStandIn(registry, "hello-world", "busybox");
      pushStandIn(registry, "nginx", nginxWithConfigTest());

      // --quiet-pull
      c.composeWithEnv(env, "-f", "./fixtures/run-test/quiet-pull.yaml", "down", "--remove-orphans", "--rmi", "all")
          .assertSuccess();
      res = c.composeWithEnv(env, "-f", "./fixtures/run-test/quiet-pull.yaml", "run", "--quiet-pull", "backend")
          .assertSuccess();
      res.assertCombinedLacks("Pull complete").assertCombinedContains("Pulled");

      // COMPOSE_PROGRESS quiet
      c.composeWithEnv(env, "-f", "./fixtures/run-test/quiet-pull.yaml", "down", "--remove-orphans", "--rmi", "all")
          .assertSuccess();
      res = c.composeWithEnv(Map.of("REGISTRY", registry.host(), "COMPOSE_PROGRESS", "quiet"), "-f",
          "./fixtures/run-test/quiet-pull.yaml", "run", "backend").assertSuccess();
      res.assertCombinedLacks("Pull complete", "Pulled");

      // --pull: berth names the image, as Compose v5.5.0 does ("Image nginx Pulling"), where v2.40.3
      // named the service ("backend Pulling"); see docs/e2e.md's differences on purpose.
      c.composeWithEnv(env, "-f", "./fixtures/run-test/pull.yaml", "down", "--remove-orphans", "--rmi", "all")
          .assertSuccess();
      res = c.composeWithEnv(env, "-f", "./fixtures/run-test/pull.yaml", "run", "--pull", "always", "backend")
          .assertSuccess();
      res.assertCombinedContains("Image " + registry.host() + "/nginx  Pulling",
          "Image " + registry.host() + "/nginx  Pulled");
      c.composeWithEnv(env, "-f", "./fixtures/run-test/pull.yaml", "down", "--remove-orphans", "--rmi", "all");
    }

    // compose run --env-from-file
    res = c.compose("-f", "./fixtures/run-test/compose.yaml", "run", "--env-from-file", "./fixtures/run-test/run.env",
        "front", "env");
    res.assertOutContains("FOO=BAR");

    // compose run -rm with stop signal: the Engine removes the container (AutoRemove) when it stops
    c.compose("--project-name", "run-test", "-f", "./fixtures/ps-test/compose.yaml", "run", "--rm", "-d", "nginx");
    res = c.docker("ps", "--quiet", "--filter", "name=run-test-nginx");
    String containerId = res.stdout().trim();
    assertThat(containerId).isNotEmpty();
    c.docker("stop", containerId);
    c.waitForDockerResult(r -> !r.stdout().contains("run-test-nginx"), Duration.ofSeconds(10), "ps", "--all",
        "--filter", "name=run-test-nginx", "--format", "'{{.Names}}'");

    // compose run --env
    res = c.compose("-f", "./fixtures/run-test/compose.yaml", "run", "--env", "FOO=BAR", "front", "env");
    res.assertOutContains("FOO=BAR");

    // compose run --build: not ported. The build service takes its base image from another service
    // through additional_contexts ("service:build_base"), which only BuildKit has; the Engine here
    // has the classic builder alone.

    String berth = E2e.berth().toString();
    // compose run with piped input detection: with a pipe for input, run gives no TTY by itself
    res = c.cmd("sh", "-c", "echo 'piped-content' | " + berth + " -f ./fixtures/run-test/piped-test.yaml run --rm piped-test");
    res.assertSuccess().assertOutContains("piped-content");

    // compose run piped input should not allocate TTY
    res = c.cmd("sh", "-c", "echo '' | " + berth + " -f ./fixtures/run-test/piped-test.yaml run --rm tty-test");
    res.assertSuccess().assertOutContains("No TTY detected");

    // compose run piped input with explicit --tty should fail (Compose v2.40.3's message)
    res = c.cmd("sh", "-c", "echo 'test' | " + berth + " -f ./fixtures/run-test/piped-test.yaml run --rm --tty piped-test");
    res.assertExitCode(1).assertErrContains("the input device is not a TTY");

    // compose run piped input with --no-tty=false should fail
    res = c.cmd("sh", "-c",
        "echo 'test' | " + berth + " -f ./fixtures/run-test/piped-test.yaml run --rm --no-tty=false piped-test");
    res.assertExitCode(1).assertErrContains("the input device is not a TTY");
  }

  /**
   * Not upstream's (berth issue 14): run reports the dependencies it found running, as Compose's
   * progress does, never the service it runs, even when that service has a container up.
   */
  @Test
  void runReportsOnlyItsDependenciesAsRunning() {
    String project = "run-test-progress";
    c.compose("-f", "./fixtures/run-progress/compose.yaml", "-p", project, "up", "-d");
    Result res = c.compose("-f", "./fixtures/run-progress/compose.yaml", "-p", project, "run", "--rm", "web", "echo",
        "again");
    res.assertOutContains("again")
        .assertCombinedContains("Container " + project + "-db-1  Running")
        .assertCombinedLacks(project + "-web-1");
  }

  private static String last(Result res) {
    List<String> lines = res.stdoutLines();
    return lines.get(lines.size() - 1);
  }

  /**
   * Puts an image of the stand-ins' making into the registry as {@code REGISTRY/name} and drops the
   * local tag, so that the scenario's run has it to pull.
   */
  private void pushStandIn(LocalRegistry registry, String name, String dockerfileOrImage) throws Exception {
    String tag = registry.host() + "/" + name;
    if (dockerfileOrImage.contains("\n")) {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("berth-e2e-image-");
      java.nio.file.Files.writeString(dir.resolve("Dockerfile"), dockerfileOrImage);
      c.cmd("env", "DOCKER_BUILDKIT=0", "docker", "build", "-q", "-t", tag, dir.toString()).assertSuccess();
    } else {
      c.docker("tag", dockerfileOrImage, tag);
    }
    c.docker("push", tag);
    c.docker("rmi", tag);
  }

  /** The nginx stand-in with an {@code nginx} that answers {@code nginx -t} as nginx does. */
  private static String nginxWithConfigTest() {
    return """
        FROM nginx:alpine
        RUN printf '#!/bin/sh\\necho "nginx: configuration file /etc/nginx/nginx.conf test is successful"\\n' \\
            > /bin/nginx && chmod 755 /bin/nginx
        """;
  }
}
