package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import io.berth.testsupport.LocalRegistry;
import io.berth.testsupport.TestImages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Images built through the Engine: .dockerignore, build args, the default image name, up --build. */
class BuildEngineTest extends EngineStackTest {

  @BeforeEach
  void fixture() throws Exception {
    stack.write("app/Dockerfile", """
        FROM %s
        ARG GREETING=none
        RUN echo "$GREETING" > /greeting
        COPY . /app
        CMD ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """.formatted(image));
    stack.write("app/kept.txt", "kept\n");
    stack.write("app/secret.txt", "secret\n");
    stack.write("app/.dockerignore", "secret.txt\n");
    stack.write("compose.yaml", """
        services:
          app:
            build:
              context: ./app
              args:
                GREETING: hello-arg
          other:
            image: %s
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """.formatted(image));
  }

  @AfterEach
  void takeDown() {
    stack.close();
    // By the tags this project built, never by id: an image built FROM the test image with no
    // layer of its own has the test image's id, and removing that id takes the test image too.
    for (var built : stack.docker.listImagesCmd().exec()) {
      for (String tag : built.getRepoTags() == null ? new String[0] : built.getRepoTags()) {
        if (tag.startsWith(stack.project + "-")) {
          TestImages.removeTag(stack.docker, tag);
        }
      }
    }
    assertThat(imageExists(image)).as("the shared test image outlives the clean-up").isTrue();
  }

  private int unlabelledContainers() {
    return (int) stack.docker.listContainersCmd().withShowAll(true).exec().stream()
        .filter(c -> c.getLabels() == null || !c.getLabels().containsKey("com.docker.compose.project")).count();
  }

  private boolean imageExists(String name) {
    try {
      stack.docker.inspectImageCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Test
  void buildsWithArgsHonouringDockerignoreAndRebuildsOnlyWhatWasAsked() throws Exception {
    stack.ok("up", "-d");

    assertThat(stack.inspect("app").getConfig().getImage()).isEqualTo(stack.project + "-app");
    assertThat(stack.exec("app", "cat", "/greeting")).isEqualTo("hello-arg\n");
    assertThat(stack.exec("app", "ls", "/app")).contains("kept.txt").doesNotContain("secret.txt");

    String app = stack.containerId("app");
    String other = stack.containerId("other");
    stack.ok("up", "-d");
    assertThat(stack.containerId("app")).isEqualTo(app);

    stack.write("app/kept.txt", "changed\n");
    stack.ok("up", "-d", "--build");
    assertThat(stack.containerId("app")).isNotEqualTo(app);
    assertThat(stack.containerId("other")).isEqualTo(other);
    assertThat(stack.exec("app", "cat", "/app/kept.txt")).isEqualTo("changed\n");
  }

  @Test
  void downRmiLocalRemovesTheBuiltImageAndKeepsTheNamedOne() {
    stack.ok("up", "-d");
    assertThat(stack.docker.inspectImageCmd(stack.project + "-app").exec().getId()).startsWith("sha256:");

    BerthRunner.Result bad = stack.berth("down", "--rmi", "some");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("invalid value for --rmi: \"some\"");

    BerthRunner.Result down = stack.ok("down", "--rmi", "local");

    assertThat(down.err()).contains("Image " + stack.project + "-app  Removed");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> stack.docker.inspectImageCmd(stack.project + "-app").exec())
        .isInstanceOf(com.github.dockerjava.api.exception.NotFoundException.class);
    assertThat(stack.docker.inspectImageCmd(image).exec().getId()).startsWith("sha256:");
    assertThat(stack.containers()).isEmpty();
  }

  @Test
  void buildCommandBuildsAndABrokenDockerfileIsOneLine() throws Exception {
    stack.ok("build");
    assertThat(stack.docker.inspectImageCmd(stack.project + "-app").exec().getId()).startsWith("sha256:");

    stack.write("app/Dockerfile", "FROM " + image + "\nRUN exit 3\n");
    // Intermediate containers carry no labels; counting only those keeps other projects on the Engine out of it.
    int containersBefore = unlabelledContainers();
    BerthRunner.Result r = stack.berth("build", "--no-cache", "app");
    assertThat(unlabelledContainers()).as("no intermediate container left behind").isEqualTo(containersBefore);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("service \"app\": failed to build " + stack.project + "-app").doesNotContain("\tat ");
  }

  @Test
  void classicBuilderOptionsReachTheBuildAndBuildKitOnesAreRefusedInOneLine() throws Exception {
    stack.write("hosts/Dockerfile", """
        FROM %s
        RUN grep buildhost /etc/hosts > /hosts && df -k /dev/shm | tail -1 > /shm
        CMD ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """.formatted(image));
    stack.write("compose.yaml", """
        services:
          app:
            build:
              context: ./hosts
              extra_hosts: ["buildhost=10.1.2.3"]
              shm_size: 32m
        """);
    stack.ok("up", "-d");
    assertThat(stack.exec("app", "cat", "/hosts")).contains("10.1.2.3").contains("buildhost");
    assertThat(stack.exec("app", "cat", "/shm")).contains("32768");

    stack.write("compose.yaml", """
        services:
          app:
            build:
              context: ./hosts
              ssh: [default]
              secrets: [token]
        secrets:
          token: {environment: HOME}
        """);
    BerthRunner.Result r = stack.berth("build");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("service \"app\": the classic builder doesn't support SSH keys, set DOCKER_BUILDKIT=1 to use BuildKit;"
        + " nor secrets (berth builds with the Engine's classic builder only)")
        .doesNotContain("\tat ");
  }

  @Test
  void buildArgsFromTheCommandLineAndTheEnvironmentReachTheImageAndMemoryLimitsTheBuild() throws Exception {
    stack.write("args/Dockerfile", """
        FROM %s
        ARG GREETING=none
        ARG FROM_ENV=unset
        ARG DROPPED=dockerfile-default
        RUN echo "$GREETING $FROM_ENV $DROPPED" > /x
        RUN (cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes) > /mem
        """.formatted(image));
    stack.write("compose.yaml", """
        services:
          args:
            build:
              context: ./args
              args:
                GREETING: from-file
                DROPPED: from-file
        """);
    stack.berth.env("FROM_ENV", "from-env");

    stack.ok("build", "--build-arg", "GREETING=from-cli", "--build-arg", "FROM_ENV", "--build-arg", "DROPPED", "-m", "64m", "args");

    // KEY alone takes the environment's value; with none, the file's value is dropped too, as in Compose.
    assertThat(stack.ok("run", "--rm", "-T", "args", "cat", "/x", "/mem").out()).isEqualTo("from-cli from-env dockerfile-default\n67108864\n");

    BerthRunner.Result bad = stack.berth("build", "-m", "lots");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("invalid argument \"lots\" for \"-m, --memory\" flag: invalid size: 'lots'");
  }

  @Test
  void withDependenciesAlsoBuildsWhatTheNamedServiceDependsOnAndFirst() throws Exception {
    stack.write("dep-base/Dockerfile", "FROM " + image + "\nRUN echo from-base > /base\n");
    // The dependent's image starts from the dependency's: it can only be built after it.
    stack.write("dep-app/Dockerfile", "FROM " + stack.project + "-base\nRUN cat /base > /app\n");
    stack.write("dep-tool/Dockerfile", "FROM " + image + "\n");
    stack.write("compose.yaml", """
        services:
          base:
            build: ./dep-base
          app:
            build: ./dep-app
            depends_on: [base]
          tool:
            build: ./dep-tool
            depends_on: [base]
        """);

    stack.ok("build", "tool");
    assertThat(imageExists(stack.project + "-tool")).isTrue();
    assertThat(imageExists(stack.project + "-base")).as("a dependency is built only with --with-dependencies").isFalse();

    stack.ok("build", "--with-dependencies", "app");
    assertThat(imageExists(stack.project + "-base")).isTrue();
    assertThat(stack.ok("run", "--rm", "-T", "--no-deps", "app", "cat", "/app").out()).isEqualTo("from-base\n");

    BerthRunner.Result none = stack.ok("build", "--parallel=false", "--with-dependencies", "app");
    assertThat(none.err()).contains("Image " + stack.project + "-base  Built", "Image " + stack.project + "-app  Built");
  }

  @Test
  void buildKitOnlyFlagsAreRefusedEachInOneLineBeforeAnythingIsBuilt() {
    BerthRunner.Result refused = stack.berth("build", "--ssh", "default", "--builder", "kit", "--sbom", "true",
        "--provenance", "mode=max", "--check", "--compress=false");

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err().lines().filter(l -> l.startsWith("--"))).containsExactly(
        "--ssh is not supported by berth's builder: the Engine's classic build API cannot forward SSH agents or keys",
        "--builder is not supported by berth's builder: it builds with the Engine's own classic builder, not a buildx builder",
        "--provenance is not supported by berth's builder: the Engine's classic build API makes no attestations",
        "--sbom is not supported by berth's builder: the Engine's classic build API makes no attestations",
        "--check is not supported by berth's builder: the Engine's classic build API cannot check a build without running it",
        "--compress=false is not supported by berth's builder: it always sends the build context gzip-compressed");
    assertThat(refused.err()).doesNotContain("\tat ");
    assertThat(imageExists(stack.project + "-app")).isFalse();
    assertThat(stack.berth("build", "--ssh", "nokey").err()).contains("invalid ssh key \"nokey\"");

    // What the classic builder does anyway is accepted.
    BerthRunner.Result built = stack.ok("build", "--provenance=false", "--sbom=false", "--compress", "--force-rm",
        "--no-rm=false", "--parallel", "--progress", "plain", "app");
    assertThat(built.err()).contains("--progress is a global compose flag, better use `berth --progress xx build ...`");
    assertThat(imageExists(stack.project + "-app")).isTrue();

    assertThat(stack.ok("build", "other").err()).contains("WARN[0000] No services to build");
  }

  @Test
  void printShowsTheBakeFileComposeWouldUseAndBuildsNothing() throws Exception {
    stack.write("compose.yaml", """
        services:
          app:
            build:
              context: ./app
              args:
                GREETING: hello-arg
            image: example.test/app:1
            depends_on: [db]
          db:
            build: ./app
          other:
            image: %s
        """.formatted(image));
    Path context = dir.resolve("app");
    String dockerfile = context.toRealPath().resolve("Dockerfile").toString();

    BerthRunner.Result r = stack.ok("build", "--print", "--push", "--build-arg", "TAGGED=${literal}", "app");

    assertThat(r.out()).isEqualTo("""
        {
          "group": {
            "default": {
              "targets": [
                "app"
              ]
            }
          },
          "target": {
            "app": {
              "context": "%1$s",
              "dockerfile": "%2$s",
              "args": {
                "GREETING": "hello-arg",
                "TAGGED": "$${literal}"
              },
              "labels": {
                "com.docker.compose.project": "%3$s",
                "com.docker.compose.service": "app",
                "com.docker.compose.version": "0.1.0"
              },
              "tags": [
                "example.test/app:1"
              ],
              "output": [
                "type=registry"
              ]
            },
            "db": {
              "context": "%1$s",
              "dockerfile": "%2$s",
              "args": {
                "TAGGED": "$${literal}"
              },
              "labels": {
                "com.docker.compose.project": "%3$s",
                "com.docker.compose.service": "db",
                "com.docker.compose.version": "0.1.0"
              },
              "tags": [
                "%3$s-db"
              ],
              "output": [
                "type=docker"
              ]
            }
          }
        }
        """.formatted(context, dockerfile, stack.project));
    assertThat(imageExists("example.test/app:1")).isFalse();
    assertThat(imageExists(stack.project + "-db")).isFalse();
  }

  @Test
  void pushAfterTheBuildSendsTheNamedImageToItsRegistry() throws Exception {
    try (LocalRegistry registry = LocalRegistry.start()) {
      String pushed = registry.host() + "/team/built:" + stack.project;
      stack.write("compose.yaml", """
          services:
            app:
              build: ./app
              image: %s
            other:
              image: %s
          """.formatted(pushed, image));

      BerthRunner.Result r = stack.ok("build", "--push");

      assertThat(r.err()).contains("Image " + pushed + "  Built", "Image " + pushed + "  Pushed");
      TestImages.removeTag(stack.docker, pushed);
      stack.ok("pull", "app");
      assertThat(imageExists(pushed)).isTrue();
      TestImages.removeTag(stack.docker, pushed);
    }
  }
}
