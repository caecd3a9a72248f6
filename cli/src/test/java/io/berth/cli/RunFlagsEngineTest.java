package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import io.berth.testsupport.EngineProbe;
import io.berth.testsupport.LocalRegistry;
import io.berth.testsupport.TestImages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flags of run that change the one-off container, seen on the container the Engine made. */
class RunFlagsEngineTest extends EngineStackTest {
  private static final String SLEEPS = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"]";

  @Test
  void volumesBindARelativePathAndMountANamedVolumeReplacingTheServiceMountOfTheSameTarget() {
    stack.write0("data/x", "from the host\n");
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            volumes: [/data]
        volumes:
          cache:
        """);

    BerthRunner.Result read = stack.ok("run", "--rm", "-T", "-v", "./data:/data", "-v", "cache:/cache", "app",
        "sh", "-c", "cat /data/x; echo kept > /cache/y");
    assertThat(read.out()).isEqualTo("from the host\n");
    assertThat(stack.volumeExists(stack.project + "_cache")).isTrue();

    stack.ok("run", "-d", "--name", stack.project + "-mounts", "-v", "./data:/data:ro", "-v", "cache:/cache",
        "-v", "/scratch", "app", "sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait");
    JsonNode mounts = EngineProbe.inspectRaw(stack.project + "-mounts").path("Mounts");
    assertThat(mount(mounts, "/data").path("Source").asText()).isEqualTo(dir.resolve("data").toString());
    assertThat(mount(mounts, "/data").path("RW").asBoolean()).isFalse();
    assertThat(mount(mounts, "/data").path("Type").asText()).isEqualTo("bind");
    assertThat(mount(mounts, "/cache").path("Name").asText()).isEqualTo(stack.project + "_cache");
    assertThat(mount(mounts, "/scratch").path("Type").asText()).isEqualTo("volume");
    assertThat(mounts).hasSize(3);
  }

  @Test
  void aRelativeVolumeSourceIsTakenFromWhereBerthRunsAsComposeDoes() {
    String yaml = "services:\n  app:\n    image: ${IMAGE}\n";
    stack.write0("compose.yaml", yaml);
    stack.write0("sub/compose.yaml", yaml);
    stack.write0("data/x", "beside berth\n");
    stack.write0("sub/data/x", "beside the file\n");

    BerthRunner.Result r = stack.ok("-f", "sub/compose.yaml", "run", "--rm", "-T", "-v", "./data:/data", "app", "cat", "/data/x");

    assertThat(r.out()).isEqualTo("beside berth\n");
  }

  @Test
  void capAddAndCapDropAddToTheServiceCapabilitiesEachTakingFromTheOther() {
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            cap_add: [NET_ADMIN]
            cap_drop: [CHOWN]
        """);

    stack.ok("run", "-d", "--name", stack.project + "-caps", "--cap-add", "SYS_TIME", "--cap-drop", "NET_ADMIN",
        "--cap-drop", "MKNOD", "app", "sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait");

    JsonNode host = EngineProbe.inspectRaw(stack.project + "-caps").path("HostConfig");
    assertThat(capabilities(host.path("CapAdd"))).containsExactly("SYS_TIME");
    assertThat(capabilities(host.path("CapDrop"))).containsExactly("CHOWN", "NET_ADMIN", "MKNOD");
  }

  @Test
  void aOneOffIsKnownByItsNameOnlyOnEveryNetworkUnlessUseAliases() {
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            networks:
              front:
                aliases: [web-alias]
              back:
        networks:
          front:
          back:
        """);
    String plain = stack.project + "-plain";
    String aliased = stack.project + "-aliased";

    BerthRunner.Result detached = stack.ok("run", "-d", "--name", plain, "app", "sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait");
    assertThat(detached.out()).isEqualTo(EngineProbe.inspectRaw(plain).get("Id").asText() + "\n");
    stack.ok("run", "-d", "--name", aliased, "--use-aliases", "app", "sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait");

    for (String network : List.of("front", "back")) {
      assertThat(aliases(plain, network)).as(network).contains(plain).doesNotContain("app", "web-alias");
      assertThat(aliases(aliased, network)).as(network).contains(aliased, "app");
    }
    assertThat(aliases(aliased, "front")).contains("web-alias");
    assertThat(aliases(aliased, "back")).doesNotContain("web-alias");
  }

  @Test
  void envFromFileSetsWhatDashEDoesNotAndOverridesTheService() {
    stack.write0("first.env", "A=from-file\nB=${A}-b\nC=from-file\n");
    stack.write0("second.env", "A=second\nD=second\n");
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            environment:
              A: service
              E: service
        """);

    BerthRunner.Result r = stack.ok("run", "--rm", "-T", "-e", "C=flag", "--env-from-file", "first.env",
        "--env-from-file", "second.env", "app", "sh", "-c", "echo $A $B $C $D $E");

    assertThat(r.out()).isEqualTo("from-file from-file-b flag second service\n");
  }

  @Test
  void buildRebuildsTheImageAndQuietBuildHidesTheBuildOutput() {
    stack.write0("app/Dockerfile", """
        FROM %s
        COPY stamp /stamp
        """.formatted(image));
    stack.write0("app/stamp", "first\n");
    stack.write0("compose.yaml", """
        services:
          app:
            build: ./app
        """);
    try {
      BerthRunner.Result built = stack.ok("run", "--rm", "-T", "app", "cat", "/stamp");
      // As Compose's classic builder, the build's own output goes to standard output, before the run's.
      assertThat(built.out()).contains("COPY stamp /stamp").endsWith("first\n");

      stack.write0("app/stamp", "second\n");
      assertThat(stack.ok("run", "--rm", "-T", "app", "cat", "/stamp").out()).isEqualTo("first\n");

      BerthRunner.Result rebuilt = stack.ok("run", "--rm", "-T", "--build", "--quiet-build", "app", "cat", "/stamp");
      assertThat(rebuilt.out()).isEqualTo("second\n");
      assertThat(rebuilt.err()).contains("Built").doesNotContain("COPY stamp /stamp");
      assertThat(rebuilt.out()).doesNotContain("COPY stamp /stamp");
    } finally {
      try {
        TestImages.removeTag(stack.docker, stack.project + "-app");
      } catch (RuntimeException ignored) {
        // Not built when the test failed early.
      }
    }
  }

  @Test
  void pullPolicyFlagsDecideThePullAndQuietFlagsHideItsProgress() throws Exception {
    var docker = stack.docker;
    try (LocalRegistry registry = LocalRegistry.start()) {
      String repository = registry.host() + "/berth/run-busybox";
      String remote = repository + ":runpull";
      docker.tagImageCmd(image, repository, "runpull").exec();
      docker.pushImageCmd(repository).withTag("runpull").exec(new ResultCallback.Adapter<PushResponseItem>()).awaitCompletion();
      TestImages.removeTag(docker, remote);
      stack.berth.env("REMOTE", remote);
      stack.write0("compose.yaml", """
          services:
            app:
              image: ${REMOTE}
          """);
      try {
        BerthRunner.Result never = stack.berth("run", "--rm", "-T", "--pull", "never", "app", "true");
        assertThat(never.code()).isEqualTo(1);
        assertThat(never.err()).contains("is not present and pull_policy is never");
        assertThat(stack.containers()).isEmpty();

        BerthRunner.Result quietPull = stack.ok("run", "--rm", "-T", "--quiet-pull", "app", "true");
        assertThat(quietPull.err()).contains("Image " + remote + "  Pulling", "Image " + remote + "  Pulled")
            .doesNotContainPattern("(?m)^ [0-9a-f]{12} ");

        assertThat(stack.ok("run", "--rm", "-T", "app", "true").err()).doesNotContain("Pulling");
        assertThat(stack.ok("run", "--rm", "-T", "--pull", "always", "app", "true").err())
            .contains("Image " + remote + "  Pulling");

        BerthRunner.Result quiet = stack.ok("run", "--rm", "-T", "-q", "--pull", "always", "app", "echo", "hi");
        assertThat(quiet.out()).isEqualTo("hi\n");
        assertThat(quiet.err()).isEmpty();
      } finally {
        stack.close();
        try {
          TestImages.removeTag(docker, remote);
        } catch (RuntimeException ignored) {
          // Never pulled when the test failed early.
        }
      }
    }
  }

  @Test
  void quietHidesTheProgressOfWhatRunCreates() {
    stack.write0("compose.yaml", "services:\n  app:\n    image: ${IMAGE}\n");

    BerthRunner.Result quiet = stack.ok("run", "--rm", "-T", "-q", "app", "echo", "hi");

    assertThat(quiet.out()).isEqualTo("hi\n");
    assertThat(quiet.err()).isEmpty();
    assertThat(stack.networkExists(stack.project + "_default")).isTrue();
    stack.ok("down");
    assertThat(stack.ok("run", "--rm", "-T", "app", "true").err()).contains("Network " + stack.project + "_default");
  }

  @Test
  void removeOrphansRemovesContainersOfServicesNoLongerInTheFileWithOrWithoutDependencies() {
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
          db:
            image: ${IMAGE}
            command: %s
          old:
            image: ${IMAGE}
            command: %s
          older:
            image: ${IMAGE}
            command: %s
        """.formatted(SLEEPS, SLEEPS, SLEEPS));
    stack.ok("up", "-d", "db", "old", "older");
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            depends_on: [db]
          db:
            image: ${IMAGE}
            command: %s
          older:
            image: ${IMAGE}
            command: %s
        """.formatted(SLEEPS, SLEEPS));

    BerthRunner.Result warned = stack.ok("run", "--rm", "-T", "--no-deps", "app", "true");
    assertThat(warned.err()).contains("Found orphan containers (" + stack.project + "-old-1)", "--remove-orphans");
    assertThat(services()).contains("old");

    stack.ok("run", "--rm", "-T", "--no-deps", "--remove-orphans", "app", "true");
    assertThat(services()).containsExactlyInAnyOrder("db", "older");

    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            depends_on: [db]
          db:
            image: ${IMAGE}
            command: %s
        """.formatted(SLEEPS));
    stack.ok("run", "--rm", "-T", "--remove-orphans", "app", "true");
    assertThat(services()).containsExactly("db");
  }

  @Test
  void aBadValueChangesNothingOnTheEngine() {
    stack.write0("compose.yaml", "services:\n  app:\n    image: ${IMAGE}\n");

    for (List<String> args : List.of(List.of("-v", "./a::/b"), List.of("--pull", "sometimes"),
        List.of("--env-from-file", "missing.env"), List.of("--cap-add", "NOT_A_CAP"))) {
      List<String> command = new ArrayList<>(List.of("run", "--rm", "-T"));
      command.addAll(args);
      command.addAll(List.of("app", "true"));
      BerthRunner.Result r = stack.berth(command.toArray(String[]::new));
      assertThat(r.code()).as(r.toString()).isEqualTo(1);
      assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
    }
    assertThat(stack.anythingOfProjectExists()).isFalse();
  }

  private List<String> services() {
    return stack.containers().stream().map(c -> c.getLabels().get("com.docker.compose.service")).toList();
  }

  private static JsonNode mount(JsonNode mounts, String destination) {
    for (JsonNode m : mounts) {
      if (m.path("Destination").asText().equals(destination)) {
        return m;
      }
    }
    throw new AssertionError("no mount at " + destination + " in " + mounts);
  }

  /** As the Engine reports them, with or without {@code CAP_} depending on its version. */
  private static List<String> capabilities(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(c -> out.add(c.asText().replaceFirst("^CAP_", "")));
    return out;
  }

  private List<String> aliases(String container, String network) {
    JsonNode endpoint = EngineProbe.inspectRaw(container).path("NetworkSettings").path("Networks")
        .path(stack.project + "_" + network);
    assertThat(endpoint.isMissingNode()).as(container + " on " + network).isFalse();
    List<String> out = new ArrayList<>();
    endpoint.path("Aliases").forEach(a -> out.add(a.asText()));
    return out;
  }
}
