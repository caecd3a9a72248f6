package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A container's anonymous volumes, those its image declares ({@code VOLUME}, as postgres's data
 * directory) and those the file declares ({@code volumes: [/data]}), outlive every recreate as in
 * Compose; {@code -V} renews them; a removed container takes them along, and {@code down -v} leaves
 * none of the project's behind.
 */
class AnonymousVolumesEngineTest extends EngineStackTest {
  private static final String STACK = """
      services:
        keeper:
          image: ${VOLUME_IMAGE}:${TAG:-a}
          command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          environment:
            SETTING: ${SETTING:-1}
          volumes: [/data]
      """;

  /** Two tags of an image that declares {@code VOLUME /imgvol}, unique to this test, removed after it. */
  private String volumeImage;
  /** Every volume a container of the project has mounted. */
  private final Set<String> seen = new LinkedHashSet<>();
  /** Volumes the test left dangling on purpose, as Compose does; removed after it. */
  private final List<String> leftByDown = new ArrayList<>();

  @BeforeEach
  void imageThatDeclaresAVolume() throws IOException {
    volumeImage = "berth-it-imgvol-" + UUID.randomUUID().toString().substring(0, 8);
    for (String tag : List.of("a", "b")) {
      Path context = Files.createDirectories(dir.resolve("image-" + tag));
      // The second tag differs (a label) so that changing to it is an image change.
      Files.writeString(context.resolve("Dockerfile"), "FROM " + image + "\nVOLUME /imgvol\nLABEL io.berth.test.tag=" + tag + "\n");
      stack.docker.buildImageCmd(context.toFile()).withTags(Set.of(volumeImage + ":" + tag)).withPull(false)
          .exec(new BuildImageResultCallback()).awaitImageId();
    }
    stack.berth.env("VOLUME_IMAGE", volumeImage);
  }

  @AfterEach
  void removeTheImageTagsAndWhatDownLeft() {
    stack.close();
    for (String volume : leftByDown) {
      try {
        stack.docker.removeVolumeCmd(volume).exec();
      } catch (NotFoundException gone) {
        // Not left after all: the assertion on it has already failed.
      }
    }
    for (String tag : List.of("a", "b")) {
      try {
        stack.docker.removeImageCmd(volumeImage + ":" + tag).exec();
      } catch (NotFoundException gone) {
        // Never built: the build failed.
      }
    }
  }

  private String volumeAt(String path, int replica) {
    InspectContainerResponse c = stack.docker.inspectContainerCmd(stack.project + "-keeper-" + replica).exec();
    c.getMounts().forEach(m -> {
      if (m.getName() != null) {
        seen.add(m.getName());
      }
    });
    return c.getMounts().stream().filter(m -> m.getDestination().getPath().equals(path)).findFirst().orElseThrow().getName();
  }

  private String marker(String path) throws InterruptedException {
    volumeAt(path, 1);
    return stack.exec("keeper", "sh", "-c", "cat " + path + "/marker 2>/dev/null || echo none");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/imgvol", "/data"})
  void theVolumeOutlivesEveryRecreateUntilDashVRenewsItAndDownVLeavesNoneBehind(String path) throws Exception {
    stack.write0("compose.yaml", STACK);
    stack.ok("up", "-d");
    stack.exec("keeper", "sh", "-c", "echo kept > " + path + "/marker");
    String volume = volumeAt(path, 1);

    String before = stack.containerId("keeper");
    stack.ok("up", "-d", "--force-recreate");
    assertThat(stack.containerId("keeper")).isNotEqualTo(before);
    assertThat(marker(path)).as("after --force-recreate").isEqualTo("kept\n");

    before = stack.containerId("keeper");
    stack.berth.env("SETTING", "2");
    stack.ok("up", "-d");
    assertThat(stack.containerId("keeper")).as("an environment change recreates").isNotEqualTo(before);
    assertThat(marker(path)).as("after an environment change").isEqualTo("kept\n");

    stack.ok("up", "-d", "--scale", "keeper=2");
    String second = volumeAt(path, 2);
    stack.ok("up", "-d", "--scale", "keeper=1");
    assertThat(marker(path)).as("replica 1 after a scale up and down").isEqualTo("kept\n");
    assertThat(stack.volumeExists(second)).as("the scaled-down replica's volume goes with it").isFalse();

    before = stack.containerId("keeper");
    stack.berth.env("TAG", "b");
    stack.ok("up", "-d");
    assertThat(stack.containerId("keeper")).as("an image change recreates").isNotEqualTo(before);
    assertThat(marker(path)).as("after an image change").isEqualTo("kept\n");
    assertThat(volumeAt(path, 1)).isEqualTo(volume);

    stack.ok("up", "-d", "-V");
    assertThat(marker(path)).as("after -V").isEqualTo("none\n");
    assertThat(stack.volumeExists(volume)).as("the renewed volume is not left behind").isFalse();
    volumeAt("/imgvol", 1);

    stack.ok("down", "-v");
    assertThat(seen).hasSizeGreaterThanOrEqualTo(6).noneMatch(stack::volumeExists);
  }

  @Test
  void downKeepsTheVolumesAndDownVRemovesThoseARecreateHandedOn() throws Exception {
    stack.write0("compose.yaml", STACK.replace("[/data]", "[/data, 'kept:/named']") + """
        volumes:
          kept: {}
        """);
    String named = stack.project + "_kept";
    stack.ok("up", "-d");
    stack.ok("up", "-d", "--force-recreate");
    List<String> handedOn = List.of(volumeAt("/imgvol", 1), volumeAt("/data", 1));

    stack.ok("down");
    assertThat(stack.volumeExists(named)).isTrue();
    // As Compose: without -v a container's anonymous volumes stay too.
    assertThat(handedOn).allMatch(stack::volumeExists);
    leftByDown.addAll(handedOn);

    stack.ok("up", "-d");
    stack.ok("up", "-d", "--force-recreate");
    volumeAt("/imgvol", 1);
    stack.ok("down", "-v");
    assertThat(stack.volumeExists(named)).isFalse();
    assertThat(seen).filteredOn(v -> !handedOn.contains(v)).hasSize(3).noneMatch(stack::volumeExists);
  }
}
