package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    try {
      stack.docker.removeImageCmd(stack.project + "-app").withForce(true).exec();
    } catch (RuntimeException ignored) {
      // Not built when the test failed early.
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
    int containersBefore = stack.docker.listContainersCmd().withShowAll(true).exec().size();
    BerthRunner.Result r = stack.berth("build", "--no-cache", "app");
    assertThat(stack.docker.listContainersCmd().withShowAll(true).exec()).as("no intermediate container left behind").hasSize(containersBefore);
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
    assertThat(r.err()).contains("service \"app\": build.ssh, build.secrets are not supported yet by berth's builder")
        .doesNotContain("\tat ");
  }
}
