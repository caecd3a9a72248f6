package io.berth.executor;

import com.github.dockerjava.api.DockerClient;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.executor.engine.EngineReads;
import io.berth.executor.engine.EngineReads.PathStat;
import io.berth.executor.observe.StateCollector;
import io.berth.planner.observed.ObservedContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * {@code cp}: files between the host and a service's containers, as tars through the API, with the
 * docker CLI's rules for where a copy lands: into a directory that exists, else as the path named.
 */
public final class Copy {
  private final EngineSession session;

  public Copy(EngineSession session) {
    this.session = session;
  }

  /**
   * Which containers of a service a copy is about, as Compose picks them.
   *
   * @param index {@code --index}: that replica only
   * @param all {@code --all}: the one-off ({@code run}) containers of the service too
   */
  public record Target(String project, String service, OptionalInt index, boolean all) {}

  /**
   * Copies {@code source} on the host to {@code path} in every container of the target (one
   * replica with {@code --index}), as {@code docker cp} does.
   *
   * @param followLink {@code -L}: when {@code source} is a symbolic link, copy what it points to
   * @param archive {@code -a}: the files keep their owner's uid and gid in the container
   */
  public void toContainers(Target target, Path source, String path, boolean followLink, boolean archive) {
    Source src = Source.of(source, followLink);
    for (ObservedContainer c : containers(target)) {
      toContainer(c, src, path, archive);
    }
  }

  /**
   * Copies {@code source} in the first container of the target (the replica given by
   * {@code --index}) to {@code target} on the host: into it when it is a directory, else to that
   * path.
   *
   * @param followLink {@code -L}: when {@code source} is a symbolic link, copy what it points to,
   *     under the link's name
   */
  public void fromContainer(Target target, String source, Path given, boolean followLink) {
    // Normalized, as each entry's path is, so that ./dir and dir are the same place.
    Path local = given.toAbsolutePath().normalize();
    ObservedContainer c = containers(target).get(0);
    Followed followed = follow(c, source, followLink);
    String rebase = followed.rebase();
    try (InputStream raw = client().copyArchiveFromContainerCmd(c.id(), followed.path()).exec();
        TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      boolean intoDirectory = Files.isDirectory(local);
      String top = null;
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String name = e.getName();
        if (top == null) {
          top = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        }
        String relative = name.equals(top) || name.equals(top + "/") ? "" : name.substring(top.length() + 1);
        Path base = intoDirectory ? local.resolve(rebase != null ? rebase : top) : local;
        Path out = relative.isEmpty() ? base : base.resolve(relative).normalize();
        if (!out.startsWith(local)) {
          throw new EngineException("refusing to write outside " + local + ": " + name);
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else if (e.isSymbolicLink()) {
          Files.createDirectories(out.toAbsolutePath().getParent());
          Files.deleteIfExists(out);
          Files.createSymbolicLink(out, Path.of(e.getLinkName()));
        } else if (e.isFile()) {
          Files.createDirectories(out.toAbsolutePath().getParent());
          Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof EngineException ee) {
        throw ee;
      }
      throw new EngineException(target.service() + ":" + source + ": " + EngineErrors.describe(e), e);
    }
  }

  /**
   * Writes a tar archive of {@code source} in the first container of the target (the replica given
   * by {@code --index}) to {@code out}, as {@code docker cp CONTAINER:PATH -}: the Engine's archive
   * as it is.
   *
   * @param followLink {@code -L}: when {@code source} is a symbolic link, archive what it points to
   */
  public void archiveFromContainer(Target target, String source, OutputStream out, boolean followLink) {
    ObservedContainer c = containers(target).get(0);
    String path = follow(c, source, followLink).path();
    try (InputStream raw = client().copyArchiveFromContainerCmd(c.id(), path).exec()) {
      raw.transferTo(out);
      out.flush();
    } catch (IOException | RuntimeException e) {
      throw new EngineException(target.service() + ":" + source + ": " + EngineErrors.describe(e), e);
    }
  }

  /**
   * Extracts the tar archive read from {@code archive} into the directory {@code path} of every
   * container of the target (one replica with {@code --index}), as {@code docker cp - CONTAINER:DIR}.
   *
   * @param copyUidGid {@code -a}: the files keep the uid and gid the archive gives them
   */
  public void archiveToContainers(Target target, InputStream archive, String path, boolean copyUidGid) {
    // Every destination is checked before anything is sent, so a wrong one changes no container.
    Map<ObservedContainer, String> directories = new LinkedHashMap<>();
    for (ObservedContainer c : containers(target)) {
      directories.put(c, directoryFor(c, path));
    }
    if (directories.size() == 1) {
      directories.forEach((c, dir) -> extract(c, archive, dir, copyUidGid));
      return;
    }
    // Standard input is read once; each container gets the archive from a copy of it.
    Path buffered = null;
    try {
      buffered = Files.createTempFile("berth-cp", ".tar");
      Files.copy(archive, buffered, StandardCopyOption.REPLACE_EXISTING);
      for (Map.Entry<ObservedContainer, String> d : directories.entrySet()) {
        try (InputStream in = Files.newInputStream(buffered)) {
          extract(d.getKey(), in, d.getValue(), copyUidGid);
        }
      }
    } catch (IOException e) {
      throw new EngineException("cannot read the archive from standard input: " + e.getMessage(), e);
    } finally {
      deleteQuietly(buffered);
    }
  }

  /** The directory a streamed archive goes to: {@code path}, or what it links to; the docker CLI takes no other. */
  private String directoryFor(ObservedContainer c, String path) {
    EngineReads reads = new EngineReads(client());
    String destination = path;
    PathStat stat = reads.pathStat(c.id(), destination).orElse(null);
    if (stat != null && stat.isSymlink()) {
      destination = resolveLink(path, stat.linkTarget());
      stat = reads.pathStat(c.id(), destination).orElse(null);
    }
    if (stat == null || !stat.isDirectory()) {
      throw new EngineException("destination \"" + c.id() + ":" + path + "\" must be a directory");
    }
    return destination;
  }

  private void extract(ObservedContainer c, InputStream archive, String directory, boolean copyUidGid) {
    try {
      client().copyArchiveToContainerCmd(c.id())
          .withTarInputStream(archive)
          .withRemotePath(directory)
          .withNoOverwriteDirNonDir(true)
          .withCopyUIDGID(copyUidGid)
          .exec();
    } catch (RuntimeException e) {
      throw new EngineException(c.name() + ": " + EngineErrors.describe(e), e);
    }
  }

  /**
   * The container path a copy from it reads: with -L, what a link points to.
   *
   * @param rebase the name the copy takes on the host instead of the target's, or null
   */
  private record Followed(String path, String rebase) {}

  private Followed follow(ObservedContainer c, String source, boolean followLink) {
    if (followLink) {
      PathStat stat = new EngineReads(client()).pathStat(c.id(), source).orElse(null);
      if (stat != null && stat.isSymlink()) {
        return new Followed(resolveLink(source, stat.linkTarget()), baseName(source));
      }
    }
    return new Followed(source, null);
  }

  /** What {@code docker cp} sends of a host path: the path itself, or with -L what a link points to. */
  private record Source(Path path, String name, boolean directory) {
    static Source of(Path given, boolean followLink) {
      if (!Files.exists(given, LinkOption.NOFOLLOW_LINKS)) {
        throw new EngineException("no such file or directory: " + given);
      }
      String name = given.getFileName() == null ? "/" : given.getFileName().toString();
      try {
        if (followLink) {
          Path real = given.toRealPath();
          return new Source(real, name, Files.isDirectory(real));
        }
        // The parent's links are resolved either way; only the last element is copied as it is.
        Path parent = given.toAbsolutePath().getParent();
        Path path = parent == null ? given : parent.toRealPath().resolve(given.getFileName());
        return new Source(path, name, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS));
      } catch (IOException e) {
        throw new EngineException("cannot read " + given + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * One container: where the copy is extracted and under which name, as the docker CLI's
   * {@code PrepareArchiveCopy} decides from what the destination is.
   */
  private void toContainer(ObservedContainer c, Source src, String path, boolean archive) {
    EngineReads reads = new EngineReads(client());
    String destination = path;
    PathStat stat = reads.pathStat(c.id(), destination).orElse(null);
    if (stat != null && stat.isSymlink()) {
      destination = resolveLink(path, stat.linkTarget());
      stat = reads.pathStat(c.id(), destination).orElse(null);
    }
    String extractTo;
    String topName;
    if (stat != null && stat.isDirectory()) {
      extractTo = destination;
      topName = src.name();
    } else if (stat != null && src.directory()) {
      throw new EngineException("cannot copy directory");
    } else if (stat == null && !src.directory() && (path.endsWith("/") || path.endsWith("/."))) {
      throw new EngineException("no such directory");
    } else {
      extractTo = parentOf(destination);
      topName = baseName(destination);
    }
    Path tar = null;
    try {
      tar = Files.createTempFile("berth-cp", ".tar");
      try (OutputStream out = Files.newOutputStream(tar)) {
        writeTar(src.path(), topName, out);
      }
      try (InputStream in = Files.newInputStream(tar)) {
        client().copyArchiveToContainerCmd(c.id())
            .withTarInputStream(in)
            .withRemotePath(extractTo)
            .withNoOverwriteDirNonDir(true)
            .withCopyUIDGID(archive)
            .exec();
      }
    } catch (IOException e) {
      throw new EngineException("cannot read " + src.path() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof EngineException ee) {
        throw ee;
      }
      throw new EngineException(c.name() + ": " + EngineErrors.describe(e), e);
    } finally {
      deleteQuietly(tar);
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary != null) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // A temporary file; the system cleans it up eventually.
      }
    }
  }

  /**
   * A tar of {@code source} under {@code name}: directories, files and symbolic links (not
   * followed), each with its mode, times and numeric owner, as the docker CLI archives them.
   */
  private static void writeTar(Path source, String name, OutputStream out) throws IOException {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        Stream<Path> walk = Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS) ? Files.walk(source) : Stream.of(source)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Path p : (Iterable<Path>) walk::iterator) {
        String relative = source.relativize(p).toString();
        String entryName = relative.isEmpty() ? name : name + "/" + relative;
        Map<String, Object> attrs = Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry e;
        boolean regular = false;
        if (Files.isSymbolicLink(p)) {
          e = new TarArchiveEntry(entryName, TarConstants.LF_SYMLINK);
          e.setLinkName(Files.readSymbolicLink(p).toString());
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          e = new TarArchiveEntry(entryName + "/", TarConstants.LF_DIR);
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          e = new TarArchiveEntry(entryName, TarConstants.LF_NORMAL);
          e.setSize(Files.size(p));
          regular = true;
        } else {
          continue;
        }
        // The permission bits with setuid, setgid and sticky, as Go's tar headers carry them.
        e.setMode((Integer) attrs.get("mode") & 07777);
        e.setUserId(((Number) attrs.get("uid")).longValue());
        e.setGroupId(((Number) attrs.get("gid")).longValue());
        e.setModTime((FileTime) attrs.get("lastModifiedTime"));
        tar.putArchiveEntry(e);
        if (regular) {
          Files.copy(p, tar);
        }
        tar.closeArchiveEntry();
      }
    }
  }

  /**
   * The containers of the target, as Compose lists them for cp: one replica with an index; else
   * every container of the service, stopped ones too (and one-off ones with {@code --all}),
   * replicas by number first.
   */
  private List<ObservedContainer> containers(Target target) {
    List<ObservedContainer> all = new StateCollector(client()).observe(target.project()).containers().stream()
        .filter(c -> c.service().equals(target.service()))
        .sorted(Comparator.comparing(ObservedContainer::oneoff).thenComparingInt(ObservedContainer::number))
        .toList();
    if (target.index().isPresent()) {
      int n = target.index().getAsInt();
      return all.stream().filter(c -> !c.oneoff() && c.number() == n).findFirst().map(List::of)
          .orElseThrow(() -> new EngineException("service \"" + target.service() + "\" is not running container #" + n));
    }
    List<ObservedContainer> chosen = all.stream().filter(c -> target.all() || !c.oneoff()).toList();
    if (chosen.isEmpty()) {
      throw new EngineException("no container found for service \"" + target.service() + "\"");
    }
    return chosen;
  }

  /** A link's target, against the link's directory when relative. */
  private static String resolveLink(String link, String linkTarget) {
    if (linkTarget.startsWith("/")) {
      return linkTarget;
    }
    return Path.of(parentOf(link)).resolve(linkTarget).normalize().toString();
  }

  /** The docker CLI's {@code SplitPathDirEntry}: the directory part of a container path. */
  private static String parentOf(String path) {
    Path p = Path.of(path).normalize();
    Path parent = p.getParent();
    return parent == null ? (path.startsWith("/") ? "/" : ".") : parent.toString();
  }

  /** The last element of a container path, {@code .} when it ends with one. */
  private static String baseName(String path) {
    if (path.endsWith("/.") || path.equals(".")) {
      return ".";
    }
    Path name = Path.of(path).normalize().getFileName();
    return name == null ? "/" : name.toString();
  }

  private DockerClient client() {
    return session.engine().client();
  }
}
