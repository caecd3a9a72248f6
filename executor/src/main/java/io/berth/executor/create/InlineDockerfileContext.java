package io.berth.executor.create;

import com.github.dockerjava.core.GoLangFileMatch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The build context of a service with {@code dockerfile_inline}, as the tar the classic
 * {@code /build} call takes: the context directory less what {@code .dockerignore} leaves out,
 * plus the inline text as the Dockerfile. As the docker CLI does for a Dockerfile from outside the
 * context, it goes in under a random name that the tar's {@code .dockerignore} also lists, so the
 * Engine drops it (and the ignore file) from the context once read and {@code COPY . .} does not
 * copy it into the image.
 *
 * @param dockerfileName the Dockerfile's name in the tar, for the build's {@code dockerfile} parameter
 */
record InlineDockerfileContext(String dockerfileName) {

  static InlineDockerfileContext named() {
    return new InlineDockerfileContext(".dockerfile." + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
  }

  /** Writes the context's tar to {@code out}, owned by root as the docker CLI sends it. */
  void write(Path context, String dockerfile, OutputStream out) {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      Path ignoreFile = context.resolve(".dockerignore");
      String ignore = Files.isRegularFile(ignoreFile) ? Files.readString(ignoreFile) : "";
      List<String> patterns = patterns(ignore);
      try (Stream<Path> files = Files.walk(context)) {
        for (Path p : (Iterable<Path>) files.sorted()::iterator) {
          String rel = context.relativize(p).toString().replace('\\', '/');
          if (rel.isEmpty() || rel.equals(".dockerignore") || excluded(patterns, rel)) {
            continue;
          }
          add(tar, p, rel);
        }
      }
      String ignoreWithDockerfile = ignore + (ignore.isEmpty() || ignore.endsWith("\n") ? "" : "\n") + ".dockerignore\n"
          + dockerfileName + "\n";
      addText(tar, ".dockerignore", ignoreWithDockerfile);
      addText(tar, dockerfileName, dockerfile);
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the build context " + context, e);
    }
  }

  /** {@code .dockerignore}'s patterns, cleaned as the docker CLI reads them. */
  static List<String> patterns(String ignore) {
    List<String> out = new ArrayList<>();
    for (String line : ignore.split("\n")) {
      String p = line.strip();
      if (p.isEmpty() || p.startsWith("#")) {
        continue;
      }
      boolean negated = p.startsWith("!");
      String body = Path.of("/", negated ? p.substring(1).strip() : p).normalize().toString().substring(1);
      out.add((negated ? "!" : "") + (body.isEmpty() ? "." : body));
    }
    return out;
  }

  /** The last pattern that matches the path or one of its parent directories decides, as in Docker. */
  static boolean excluded(List<String> patterns, String rel) {
    boolean excluded = false;
    for (String pattern : patterns) {
      boolean negated = pattern.startsWith("!");
      String p = negated ? pattern.substring(1) : pattern;
      if (matchesSelfOrParent(p, rel)) {
        excluded = !negated;
      }
    }
    return excluded;
  }

  private static boolean matchesSelfOrParent(String pattern, String rel) {
    String path = rel;
    while (true) {
      if (GoLangFileMatch.match(pattern, path)) {
        return true;
      }
      int slash = path.lastIndexOf('/');
      if (slash < 0) {
        return false;
      }
      path = path.substring(0, slash);
    }
  }

  private static void add(TarArchiveOutputStream tar, Path p, String rel) throws IOException {
    TarArchiveEntry entry;
    if (Files.isSymbolicLink(p)) {
      entry = new TarArchiveEntry(rel, TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(p).toString());
    } else if (Files.isDirectory(p)) {
      entry = new TarArchiveEntry(rel + "/");
    } else if (Files.isRegularFile(p)) {
      entry = new TarArchiveEntry(rel);
      entry.setSize(Files.size(p));
    } else {
      return;
    }
    entry.setMode((entry.isDirectory() ? 040000 : entry.isSymbolicLink() ? 0120000 : 0100000) | mode(p));
    entry.setModTime(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
    entry.setIds(0, 0);
    tar.putArchiveEntry(entry);
    if (entry.isFile()) {
      Files.copy(p, tar);
    }
    tar.closeArchiveEntry();
  }

  private static int mode(Path p) throws IOException {
    if (Files.isSymbolicLink(p)) {
      return 0777;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
    int mode = 0;
    for (PosixFilePermission perm : perms) {
      mode |= 1 << (8 - perm.ordinal());
    }
    return mode;
  }

  private static void addText(TarArchiveOutputStream tar, String name, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(0100644);
    entry.setSize(bytes.length);
    entry.setIds(0, 0);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }
}
