package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cp with - for a side: a tar archive on standard input or output, as docker cp takes it. */
class CpStandardStreamsEngineTest extends EngineStackTest {
  @BeforeEach
  void twoReplicas() {
    stack.write0("compose.yaml", """
        services:
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            scale: 2
        """);
    stack.ok("up", "-d");
  }

  @Test
  void aTarOnStandardInputIsExtractedIntoEveryContainer() throws Exception {
    byte[] tar = tar(Map.of("piped/hello.txt", "from stdin\n", "top.txt", "top\n"));

    BerthRunner.Result r = stack.berth.runWithInput(new ByteArrayInputStream(tar), "cp", "-", "web:/tmp");

    assertThat(r.code()).as(r.toString()).isZero();
    for (String replica : new String[] {"-web-1", "-web-2"}) {
      assertThat(stack.execIn(stack.project + replica, "cat", "/tmp/piped/hello.txt", "/tmp/top.txt")).isEqualTo("from stdin\ntop\n");
    }
  }

  @Test
  void aDestinationThatIsNoDirectoryIsRefusedAndNothingIsCopied() throws Exception {
    stack.execIn(stack.project + "-web-2", "touch", "/tmp/file");
    byte[] tar = tar(Map.of("hello.txt", "x\n"));

    BerthRunner.Result r = stack.berth.runWithInput(new ByteArrayInputStream(tar), "cp", "-", "web:/tmp/file");

    assertThat(r.code()).as(r.toString()).isNotZero();
    assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
    assertThat(r.err()).contains("destination \"" + stack.docker.inspectContainerCmd(stack.project + "-web-1").exec().getId()
        + ":/tmp/file\" must be a directory").doesNotContain("Exception");
    assertThat(stack.execIn(stack.project + "-web-2", "sh", "-c", "ls /tmp/hello.txt /tmp/file/hello.txt 2>/dev/null || echo none"))
        .isEqualTo("none\n");
  }

  @Test
  void aPathInTheContainerIsWrittenToStandardOutputAsATar() throws Exception {
    stack.execIn(stack.project + "-web-1", "sh", "-c", "mkdir /tmp/out && echo first replica > /tmp/out/file.txt");

    BerthRunner.BytesResult r = stack.berth.runForBytes("cp", "web:/tmp/out/file.txt", "-");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(entries(r.bytes())).containsExactly(Map.entry("file.txt", "first replica\n"));
    assertThat(java.nio.file.Files.exists(dir.resolve("-"))).isFalse();

    BerthRunner.BytesResult directory = stack.berth.runForBytes("cp", "web:/tmp/out", "-");
    assertThat(entries(directory.bytes())).containsEntry("out/file.txt", "first replica\n").containsKey("out/");
  }

  private static byte[] tar(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Each entry's name and, for a file, its content; empty for a directory. */
  private static Map<String, String> entries(byte[] tar) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), e.isDirectory() ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
