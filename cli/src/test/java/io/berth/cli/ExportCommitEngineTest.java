package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.berth.testsupport.TestImages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** export and commit: a service container's filesystem as a tar, and as a new image. */
class ExportCommitEngineTest extends EngineStackTest {
  private final String committed = "berth-test-commit-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void runningService() throws InterruptedException {
    stack.write0("compose.yaml", """
        services:
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """);
    stack.ok("up", "-d");
    stack.exec("web", "sh", "-c", "echo written-inside > /marker.txt");
  }

  @AfterEach
  void removeCommittedImage() {
    try {
      TestImages.removeTag(stack.docker, committed + ":v1");
    } catch (RuntimeException notMade) {
      // The test failed before committing.
    }
  }

  @Test
  void exportWritesTheFilesystemToAFileOnlyItsOwnerReads() throws IOException {
    stack.ok("export", "-o", "web.tar", "web");

    Path tar = dir.resolve("web.tar");
    assertThat(Files.getPosixFilePermissions(tar)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    try (InputStream in = Files.newInputStream(tar)) {
      assertThat(entry(in, "marker.txt")).contains("written-inside\n");
    }
    assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString()).doesNotContain(".web.tar.partial");
  }

  @Test
  void exportWritesTheTarToStandardOutput() throws IOException {
    BerthRunner.BytesResult r = stack.berth.runForBytes("export", "web");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(entry(new ByteArrayInputStream(r.bytes()), "marker.txt")).contains("written-inside\n");
    assertThat(entry(new ByteArrayInputStream(r.bytes()), "bin/busybox")).isPresent();
  }

  @Test
  void exportRefusesWhatItCannotDoInOneLine() {
    assertOneLine(stack.berth("export", "-o", "web.tar", "nope"), "no such service: nope");
    assertOneLine(stack.berth("export", "-o", "missing/web.tar", "web"), "invalid output path: directory \"missing\" does not exist");
    assertOneLine(stack.berth("export", "--index", "2", "-o", "web.tar", "web"), "service \"web\" is not running container #2");
    stack.ok("stop", "web");
    assertOneLine(stack.berth("export", "-o", "web.tar", "web"), "service \"web\" is not running");
    assertThat(dir.resolve("web.tar")).doesNotExist();
  }

  @Test
  void commitMakesAnImageWithAuthorMessageAndChanges() throws InterruptedException {
    BerthRunner.Result r = stack.ok("commit", "-a", "Jane Doe <jane@example.com>", "-m", "with the marker",
        "-c", "CMD [\"cat\", \"/marker.txt\"]", "--change", "ENV GREETING=hi", "web", committed + ":v1");

    InspectImageResponse image = stack.docker.inspectImageCmd(committed + ":v1").exec();
    assertThat(image.getAuthor()).isEqualTo("Jane Doe <jane@example.com>");
    assertThat(image.getComment()).isEqualTo("with the marker");
    assertThat(image.getConfig().getCmd()).containsExactly("cat", "/marker.txt");
    assertThat(image.getConfig().getEnv()).contains("GREETING=hi");
    assertThat(r.err()).contains("Committed as " + image.getId());
    // The container is left as it was: paused for the commit, running again after it.
    assertThat(stack.inspect("web").getState().getStatus()).isEqualTo("running");

    // The image holds what was written in the container.
    String container = stack.docker.createContainerCmd(committed + ":v1").exec().getId();
    try (InputStream in = stack.docker.copyArchiveFromContainerCmd(container, "/marker.txt").exec()) {
      assertThat(entry(in, "marker.txt")).contains("written-inside\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      stack.docker.removeContainerCmd(container).withForce(true).exec();
    }
  }

  @Test
  void commitRefusesABadInstructionAndMakesNoImage() {
    BerthRunner.Result r = stack.berth("commit", "-c", "FROM scratch", "web", committed + ":v1");

    assertThat(r.code()).as(r.toString()).isNotZero();
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThatThrownBy(() -> stack.docker.inspectImageCmd(committed + ":v1").exec()).isInstanceOf(NotFoundException.class);
    assertOneLine(stack.berth("commit", "nope"), "no such service: nope");
  }

  private static void assertOneLine(BerthRunner.Result r, String fragment) {
    assertThat(r.code()).as(r.toString()).isNotZero();
    assertThat(r.err()).as(r.toString()).contains(fragment).doesNotContain("Exception", "\tat ");
    assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
  }

  /** The content of the file {@code name} in a tar, if it holds one. */
  private static Optional<String> entry(InputStream in, String name) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.getName().equals(name) || e.getName().equals("./" + name)) {
          return Optional.of(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return Optional.empty();
  }
}
