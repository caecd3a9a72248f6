package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream {@code pkg/e2e/build_test.go}. The Engine here has the classic builder only: the tests
 * and steps that need BuildKit or buildx (ssh, secrets, builders, entitlements, multi-platform
 * builds, TLS to a docker:dind builder, Dockerfile heredocs) are not ported; docs/e2e.md says which.
 * berth always builds with the classic builder, whatever DOCKER_BUILDKIT says.
 */
@Tag("engine")
class BuildIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestLocalComposeBuild. */
  @Test
  void localComposeBuild() {
    for (String env : new String[] {"DOCKER_BUILDKIT=0", "DOCKER_BUILDKIT=1"}) {
      c.withEnv(env);
      try {
        // <env> build named and unnamed images
        removeBuildTestImages();
        Result res = c.compose("--project-directory", "fixtures/build-test", "build");
        res.assertOutContains("COPY static /usr/share/nginx/html");
        c.docker("image", "inspect", "build-test-nginx");
        c.docker("image", "inspect", "custom-nginx");

        // <env> build with build-arg
        removeBuildTestImages();
        c.compose("--project-directory", "fixtures/build-test", "build", "--build-arg", "FOO=BAR");
        c.docker("image", "inspect", "build-test-nginx").assertOutContains("\"FOO\": \"BAR\"");

        // <env> build with build-arg set by env
        removeBuildTestImages();
        c.composeWithEnv(Map.of("FOO", "BAR"), "--project-directory", "fixtures/build-test", "build", "--build-arg", "FOO")
            .assertSuccess();
        c.docker("image", "inspect", "build-test-nginx").assertOutContains("\"FOO\": \"BAR\"");

        // <env> build with multiple build-args
        c.dockerNoCheck("rmi", "-f", "multi-args-multiargs");
        c.composeWithEnv(Map.of("DOCKER_BUILDKIT", "0"), "--project-directory", "fixtures/build-test/multi-args", "build");
        c.docker("image", "inspect", "multi-args-multiargs").assertOutContains("\"RESULT\": \"SUCCESS\"");

        // <env> build as part of up
        removeBuildTestImages();
        res = c.compose("--project-directory", "fixtures/build-test", "up", "-d");
        res.assertOutContains("COPY static /usr/share/nginx/html", "COPY static2 /usr/share/nginx/html");
        assertThat(httpGetWithRetry("http://localhost:8070", Duration.ofSeconds(20))).contains("Hello from Nginx container");
        c.docker("image", "inspect", "build-test-nginx");
        c.docker("image", "inspect", "custom-nginx");

        // <env> no rebuild when up again
        res = c.compose("--project-directory", "fixtures/build-test", "up", "-d");
        assertThat(res.stdout()).doesNotContain("COPY static");

        // <env> rebuild when up --build
        String before = containerId("build-test-nginx-1");
        res = c.compose("--project-directory", "fixtures/build-test", "up", "-d", "--build");
        res.assertOutContains("COPY static /usr/share/nginx/html", "COPY static2 /usr/share/nginx/html");
        // berth's own check: every step came from the cache, so the image id is the same and, as
        // Compose, the container is kept.
        assertThat(containerId("build-test-nginx-1")).isEqualTo(before);
        res.assertCombinedLacks("Recreate");

        // <env> build --push ignored for unnamed images
        res = c.compose("--project-directory", "fixtures/build-test", "build", "--push", "nginx");
        assertThat(res.stdout()).doesNotContain("failed to push");

        // <env> build --quiet
        res = c.compose("--project-directory", "fixtures/build-test", "build", "--quiet");
        assertThat(res.stdout()).isEmpty();
      } finally {
        // <env> cleanup build project
        c.composeNoCheck("--project-directory", "fixtures/build-test", "down");
        removeBuildTestImages();
      }
    }
  }

  /**
   * berth's own, in the style of the steps above: an {@code up --build} whose build changes
   * something recreates the container, one whose build is all cache keeps it.
   */
  @Test
  void upBuildRecreatesOnlyWhenTheImageChanged() throws IOException {
    java.nio.file.Path dir = c.copyFixture("build-test");
    c.inDir(dir);
    String project = "e2e-build-recreate-on-change";
    try {
      c.compose("-p", project, "up", "-d", "nginx2");
      String first = containerId(project + "-nginx2-1");

      c.compose("-p", project, "up", "-d", "--build", "nginx2").assertCombinedLacks("Recreate");
      assertThat(containerId(project + "-nginx2-1")).isEqualTo(first);

      java.nio.file.Files.writeString(dir.resolve("nginx-build2/static2/index.html"), "<p>changed page</p>\n");
      c.compose("-p", project, "up", "-d", "--build", "nginx2").assertCombinedContains("Recreate");
      assertThat(containerId(project + "-nginx2-1")).isNotEqualTo(first);
    } finally {
      c.composeNoCheck("-p", project, "down", "-t", "0");
      c.dockerNoCheck("rmi", "-f", "custom-nginx");
    }
  }

  /** TestBuildTags. */
  @Test
  void buildTags() {
    // build with tags
    c.dockerNoCheck("rmi", "build-test-tags", "docker/build-test-tags:1.0.0", "other-image-name:v1.0.0");
    try {
      c.compose("--project-directory", "./fixtures/build-test/tags", "build", "--no-cache");
      c.docker("image", "inspect", "build-test-tags").assertOutContains("""
          "RepoTags": [
                      "docker/build-test-tags:1.0.0",
                      "build-test-tags:latest",
                      "other-image-name:v1.0.0"
                  ],
          """);
    } finally {
      c.dockerNoCheck("rmi", "build-test-tags", "docker/build-test-tags:1.0.0", "other-image-name:v1.0.0");
    }
  }

  /** TestBuildImageDependencies: the ClassicBuilder subtest (the Bake one needs buildx bake). */
  @Test
  void buildImageDependencies() {
    // ClassicBuilder
    c.withEnv("DOCKER_BUILDKIT=0", "COMPOSE_FILE=./fixtures/build-dependencies/classic.yaml");
    imageDependencies("build");
    imageDependencies("build", "--with-dependencies", "service");
  }

  private void imageDependencies(String... args) {
    try {
      resetImageDependencies();

      // the image should NOT exist now
      c.dockerNoCheck("image", "inspect", "build-dependencies-service").assertExitCode(1)
          .assertErrContains("No such image: build-dependencies-service");

      c.compose(args);

      c.docker("image", "inspect", "--format={{ index .RepoTags 0 }}", "build-dependencies-service")
          .assertOutContains("build-dependencies-service:latest");

      c.compose("down", "-t0", "--rmi=all", "--remove-orphans");

      c.dockerNoCheck("image", "inspect", "build-dependencies-service").assertExitCode(1)
          .assertErrContains("No such image: build-dependencies-service");
    } finally {
      resetImageDependencies();
    }
  }

  private void resetImageDependencies() {
    c.compose("down", "--rmi=all", "-t=0");
    Result res = c.dockerNoCheck("image", "rm", "build-dependencies-service");
    if (res.exitCode() != 0) {
      res.assertErrContains("No such image: build-dependencies-service");
    }
  }

  /**
   * TestBuildPlatformsStandardErrors, but for "builder does not support multi-arch", which asks
   * {@code docker buildx inspect} about the builder.
   */
  @Test
  void buildPlatformsStandardErrors() {
    // no platform support with Classic Builder
    c.composeWithEnv(Map.of("DOCKER_BUILDKIT", "0"), "--project-directory", "fixtures/build-test/platforms", "build")
        .assertExitCode(1)
        .assertErrContains("the classic builder doesn't support multi-arch build, set DOCKER_BUILDKIT=1 to use BuildKit");

    // service platform not defined in platforms build section
    c.composeNoCheck("--project-directory", "fixtures/build-test/platforms",
            "-f", "fixtures/build-test/platforms/compose-service-platform-not-in-build-platforms.yaml", "build")
        .assertExitCode(1)
        .assertErrContains("service.build.platforms MUST include service.platform \"linux/riscv64\"");

    // DOCKER_DEFAULT_PLATFORM value not defined in platforms build section
    c.composeWithEnv(Map.of("DOCKER_DEFAULT_PLATFORM", "windows/amd64"), "--project-directory",
            "fixtures/build-test/platforms", "build")
        .assertExitCode(1)
        .assertErrContains(
            "service \"platforms\" build.platforms does not support value set by DOCKER_DEFAULT_PLATFORM: windows/amd64");

    // no privileged support with Classic Builder
    c.composeWithEnv(Map.of("DOCKER_BUILDKIT", "0"), "--project-directory", "fixtures/build-test/privileged", "build")
        .assertExitCode(1)
        .assertErrContains("the classic builder doesn't support privileged mode, set DOCKER_BUILDKIT=1 to use BuildKit");
  }

  /** TestBuildDependsOn. */
  @Test
  void buildDependsOn() {
    String file = "fixtures/build-dependencies/compose-depends_on.yaml";
    try {
      Result res = c.compose("-f", file, "--progress=plain", "up", "test2");
      assertThat(res.combined()).contains("test1  Built");
    } finally {
      c.composeNoCheck("-f", file, "down", "--rmi=local");
    }
  }

  /** TestBuildSubset. */
  @Test
  void buildSubset() {
    String file = "fixtures/build-test/subset/compose.yaml";
    try {
      Result res = c.compose("-f", file, "build", "main");
      assertThat(res.combined()).contains("main  Built");
    } finally {
      c.composeNoCheck("-f", file, "down", "--rmi=local");
    }
  }

  /** TestBuildDependentImage. */
  @Test
  void buildDependentImage() {
    String file = "fixtures/build-test/dependencies/compose.yaml";
    try {
      Result res = c.compose("-f", file, "build", "firstbuild");
      assertThat(res.combined()).contains("firstbuild  Built");

      res = c.compose("-f", file, "build", "secondbuild");
      assertThat(res.combined()).contains("secondbuild  Built");
    } finally {
      c.composeNoCheck("-f", file, "down", "--rmi=local");
    }
  }

  /** TestBuildSubDependencies. */
  @Test
  void buildSubDependencies() {
    String file = "fixtures/build-test/sub-dependencies/compose.yaml";
    try {
      Result res = c.compose("-f", file, "build", "main");
      assertThat(res.combined()).contains("main  Built");

      res = c.compose("-f", file, "up", "--build", "main");
      assertThat(res.combined()).contains("main  Built");
    } finally {
      c.composeNoCheck("-f", file, "down", "--rmi=local");
    }
  }

  /** TestBuildLongOutputLine. */
  @Test
  void buildLongOutputLine() {
    String file = "fixtures/build-test/long-output-line/compose.yaml";
    try {
      Result res = c.compose("-f", file, "build", "long-line");
      assertThat(res.combined()).contains("long-line  Built");

      res = c.compose("-f", file, "up", "--build", "long-line");
      assertThat(res.combined()).contains("long-line  Built");
    } finally {
      c.composeNoCheck("-f", file, "down", "--rmi=local");
    }
  }

  /**
   * TestBuildEscaped, but for its {@code echo} step: that Dockerfile's {@code RUN <<'EOF'} heredoc
   * is a BuildKit Dockerfile feature the classic builder does not parse.
   */
  @Test
  void buildEscaped() {
    try {
      Result res = c.compose("--project-directory", "./fixtures/build-test/escaped", "build", "--no-cache", "foo");
      res.assertOutContains("foo is ${bar}");

      res = c.compose("--project-directory", "./fixtures/build-test/escaped", "build", "--no-cache", "arg");
      res.assertSuccess();
    } finally {
      c.composeNoCheck("--project-directory", "./fixtures/build-test/escaped", "down", "--rmi=local");
    }
  }

  private void removeBuildTestImages() {
    c.dockerNoCheck("rmi", "-f", "build-test-nginx");
    c.dockerNoCheck("rmi", "-f", "custom-nginx");
  }

  private String containerId(String name) {
    return c.docker("inspect", "-f", "{{.Id}}", name).stdout().strip();
  }

  /** Upstream's HTTPGetWithRetry: GETs {@code url} until it answers 200, and returns the body. */
  static String httpGetWithRetry(String url, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        HttpURLConnection conn = (HttpURLConnection) URI.create(url).toURL().openConnection();
        conn.setConnectTimeout(2000);
        conn.setReadTimeout(2000);
        if (conn.getResponseCode() == 200) {
          try (InputStream in = conn.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
        last = "status " + conn.getResponseCode();
      } catch (IOException e) {
        last = e.toString();
      }
      Cli.sleep(Duration.ofMillis(500));
    }
    throw new AssertionError(url + " did not answer 200 in " + timeout + ": " + last);
  }
}
