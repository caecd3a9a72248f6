package io.berth.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Test images built locally {@code FROM scratch} with the static busybox of Debian's
 * {@code busybox-static}: no registry is reachable here, and busybox has what the tests need
 * (sh, httpd, nc, wget, sleep). Built through the Engine's build API when the tag does not hold
 * this busybox, which is looked up on the Engine at every call: a test (or a developer sharing the
 * Engine) may have removed it since, and remembering it per JVM made every later test fail.
 *
 * <p>Tests remove images they made through {@link #removeTag}, never by id: removing by id with
 * force takes every tag of the image, and an image built {@code FROM} the test image without a
 * layer of its own has the test image's id.
 */
public final class TestImages {
  public static final String BUSYBOX = "berth-test/busybox:1";
  private static final Path BUSYBOX_BINARY = Path.of("/bin/busybox");
  private static final String CONTENT_LABEL = "io.berth.test.busybox-sha256";
  /** The tags {@link #ensure} made: other tests run on them. */
  private static final Set<String> shared = ConcurrentHashMap.newKeySet();
  private static byte[] busybox;
  private static String busyboxSha;

  static {
    shared.add(BUSYBOX);
  }

  private TestImages() {}

  /** The default test image, built if needed. */
  public static String busybox() {
    return ensure(BUSYBOX);
  }

  /** Builds the busybox image under {@code tag} unless it is already there; returns the tag. */
  public static synchronized String ensure(String tag) {
    shared.add(tag);
    DockerClient docker = EngineProbe.client();
    readBusyboxOnce();
    if (!busyboxSha.equals(existingContentLabel(docker, tag))) {
      build(docker, tag, busybox, busyboxSha);
    }
    return tag;
  }

  /**
   * Removes the tag {@code image} a test made (untagging only, when the image has other tags), and
   * nothing when it is gone already. Refuses an image id and the shared test images' tags, so no
   * test can take the image other tests run on.
   */
  public static void removeTag(DockerClient docker, String image) {
    refuseShared(image);
    try {
      docker.removeImageCmd(image).withForce(true).exec();
    } catch (NotFoundException e) {
      // Never made, or removed already: nothing to do.
    }
  }

  /** Throws unless {@code image} is a tag that no other test shares. */
  static void refuseShared(String image) {
    String name = image.startsWith("docker.io/") ? image.substring("docker.io/".length()) : image;
    if (image.matches("(sha256:)?[0-9a-f]{12,64}")) {
      throw new IllegalArgumentException("remove an image by the tag the test made, not by id: " + image);
    }
    if (shared.contains(name) || shared.contains(name + ":latest")) {
      throw new IllegalArgumentException(image + " is a shared test image; tag a copy to remove instead");
    }
  }

  /** Reads the busybox binary and its digest once per JVM: they do not change during a run. */
  private static void readBusyboxOnce() {
    if (busybox == null) {
      busybox = readBusybox();
      busyboxSha = sha256(busybox);
    }
  }

  private static String existingContentLabel(DockerClient docker, String tag) {
    try {
      InspectImageResponse image = docker.inspectImageCmd(tag).exec();
      Map<String, String> labels = image.getConfig() == null ? null : image.getConfig().getLabels();
      return labels == null ? "" : labels.getOrDefault(CONTENT_LABEL, "");
    } catch (NotFoundException e) {
      return "";
    }
  }

  private static void build(DockerClient docker, String tag, byte[] busybox, String sha) {
    byte[] context = context(busybox, applets());
    try (InputStream tar = new ByteArrayInputStream(context)) {
      docker.buildImageCmd(tar)
          .withTags(Set.of(tag))
          .withLabels(Map.of(CONTENT_LABEL, sha))
          .withPull(false)
          .exec(new BuildImageResultCallback())
          .awaitImageId();
    } catch (IOException e) {
      throw new IllegalStateException("could not send the build context for " + tag, e);
    }
  }

  /** The build context: a Dockerfile and a root file system with busybox and its applet links. */
  static byte[] context(byte[] busybox, List<String> applets) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      file(tar, "Dockerfile", 0644, """
          FROM scratch
          COPY rootfs/ /
          ENV PATH=/bin:/usr/bin:/sbin:/usr/sbin
          CMD ["sh"]
          """.getBytes(StandardCharsets.UTF_8));
      for (String dir : List.of("rootfs/", "rootfs/bin/", "rootfs/etc/", "rootfs/var/", "rootfs/var/www/", "rootfs/root/")) {
        directory(tar, dir, 0755);
      }
      directory(tar, "rootfs/tmp/", 01777);
      file(tar, "rootfs/bin/busybox", 0755, busybox);
      for (String applet : applets) {
        if (!applet.equals("busybox")) {
          TarArchiveEntry link = new TarArchiveEntry("rootfs/bin/" + applet, TarArchiveEntry.LF_SYMLINK);
          link.setLinkName("busybox");
          tar.putArchiveEntry(link);
          tar.closeArchiveEntry();
        }
      }
      file(tar, "rootfs/etc/passwd", 0644,
          "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n".getBytes(StandardCharsets.UTF_8));
      file(tar, "rootfs/etc/group", 0644, "root:x:0:\nnogroup:x:65534:\n".getBytes(StandardCharsets.UTF_8));
      tar.finish();
    } catch (IOException e) {
      throw new IllegalStateException("could not write the build context", e);
    }
    return bytes.toByteArray();
  }

  private static void file(TarArchiveOutputStream tar, String name, int mode, byte[] content) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(mode);
    e.setSize(content.length);
    tar.putArchiveEntry(e);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static void directory(TarArchiveOutputStream tar, String name, int mode) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(mode | 040000);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private static byte[] readBusybox() {
    if (!Files.isRegularFile(BUSYBOX_BINARY)) {
      throw new IllegalStateException(BUSYBOX_BINARY + " is missing: install Debian's busybox-static (scripts/engine.sh start does)");
    }
    try {
      return Files.readAllBytes(BUSYBOX_BINARY);
    } catch (IOException e) {
      throw new IllegalStateException("could not read " + BUSYBOX_BINARY, e);
    }
  }

  private static List<String> applets() {
    try {
      Process p = new ProcessBuilder(BUSYBOX_BINARY.toString(), "--list").redirectErrorStream(true).start();
      List<String> names = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(s -> s.matches("[a-z0-9_.\\[-]+")).toList();
      if (p.waitFor() != 0 || !names.contains("httpd")) {
        throw new IllegalStateException(BUSYBOX_BINARY + " has no httpd applet: install Debian's busybox-static");
      }
      return names;
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + BUSYBOX_BINARY + " --list", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing busybox applets", e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
