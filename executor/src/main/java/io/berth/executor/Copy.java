package io.berth.executor;

import com.github.dockerjava.api.DockerClient;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.executor.observe.StateCollector;
import io.berth.planner.observed.ObservedContainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** {@code cp}: files between the host and a service's container, as tars through the API. */
public final class Copy {
  private final EngineSession session;

  public Copy(EngineSession session) {
    this.session = session;
  }

  /** Copies {@code source} on the host to {@code target} in replica {@code index} of {@code service}. */
  public void toContainer(String project, String service, int index, Path source, String target) {
    if (!Files.exists(source)) {
      throw new EngineException("no such file or directory: " + source);
    }
    String id = container(project, service, index).id();
    DockerClient client = session.engine().client();
    try {
      if (Files.isDirectory(source)) {
        client.copyArchiveToContainerCmd(id).withHostResource(source.toString()).withRemotePath(target).exec();
        return;
      }
      // A file goes into the target when that is a directory, else becomes the target, as docker cp does.
      boolean intoDirectory = target.endsWith("/") || isDirectory(client, id, target);
      String name = intoDirectory ? source.getFileName().toString() : Path.of(target).getFileName().toString();
      String parent = intoDirectory ? target : Path.of(target).getParent() == null ? "/" : Path.of(target).getParent().toString();
      byte[] tar = tarOf(name, Files.readAllBytes(source), Files.isExecutable(source) ? 0755 : 0644);
      client.copyArchiveToContainerCmd(id).withTarInputStream(new java.io.ByteArrayInputStream(tar)).withRemotePath(parent).exec();
    } catch (IOException e) {
      throw new EngineException("cannot read " + source + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new EngineException(service + ": " + EngineErrors.describe(e), e);
    }
  }

  /**
   * Copies {@code source} in the container to {@code target} on the host: into it when it is a
   * directory, else to that path.
   */
  public void fromContainer(String project, String service, int index, String source, Path target) {
    String id = container(project, service, index).id();
    try (InputStream raw = session.engine().client().copyArchiveFromContainerCmd(id, source).exec();
        TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      boolean intoDirectory = Files.isDirectory(target);
      String top = null;
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String name = e.getName();
        if (top == null) {
          top = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        }
        String relative = name.equals(top) || name.equals(top + "/") ? "" : name.substring(top.length() + 1);
        Path base = intoDirectory ? target.resolve(top) : target;
        Path out = relative.isEmpty() ? base : base.resolve(relative).normalize();
        if (!out.startsWith(target)) {
          throw new EngineException("refusing to write outside " + target + ": " + name);
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else if (e.isFile()) {
          Files.createDirectories(out.toAbsolutePath().getParent());
          Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof EngineException ee) {
        throw ee;
      }
      throw new EngineException(service + ":" + source + ": " + EngineErrors.describe(e), e);
    }
  }

  private static boolean isDirectory(DockerClient client, String id, String path) {
    try (InputStream raw = client.copyArchiveFromContainerCmd(id, path).exec();
        TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      TarArchiveEntry first = tar.getNextEntry();
      return first != null && first.isDirectory();
    } catch (IOException | RuntimeException notThere) {
      return false;
    }
  }

  private static byte[] tarOf(String name, byte[] content, int mode) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (org.apache.commons.compress.archivers.tar.TarArchiveOutputStream tar =
        new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setMode(0100000 | mode);
      e.setSize(content.length);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private ObservedContainer container(String project, String service, int index) {
    return new StateCollector(session.engine().client()).container(project, service, index)
        .orElseThrow(() -> new EngineException("service \"" + service + "\" has no container " + index));
  }
}
