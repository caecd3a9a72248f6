package io.berth.executor;

import io.berth.executor.engine.EngineException;
import io.berth.executor.engine.EngineReads;
import io.berth.executor.progress.ProgressEvent;
import io.berth.planner.observed.ObservedContainer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code export}: a service container's filesystem as the Engine's tar. docker-java has no command
 * for {@code GET /containers/{id}/export}, so the tar is read through its transport and passed on
 * as it arrives.
 */
public final class Export {
  private final EngineSession session;

  public Export(EngineSession session) {
    this.session = session;
  }

  /**
   * Writes the tar of {@code service}'s container to {@code out}.
   *
   * @param index the replica; 0 for the first running one
   */
  public void to(String project, String service, int index, OutputStream out) {
    export(ServiceContainer.pick(session, project, service, index), out);
  }

  /**
   * Writes the tar to {@code file}, mode 0600, whole or not at all: it goes to a file beside it
   * first and replaces {@code file} only once the Engine has sent all of it, so a failed export
   * leaves an earlier file of that name as it was.
   */
  public void toFile(String project, String service, int index, Path file) {
    ObservedContainer container = ServiceContainer.pick(session, project, service, index);
    Path dir = file.toAbsolutePath().getParent();
    Path partial;
    try {
      partial = Files.createTempFile(dir, "." + file.getFileName(), ".partial",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      throw new EngineException("failed to export container: cannot write in " + dir + ": " + e.getMessage(), e);
    }
    boolean done = false;
    try {
      try (OutputStream out = Files.newOutputStream(partial)) {
        export(container, out);
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      done = true;
    } catch (IOException e) {
      throw new EngineException("failed to export container: cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (!done) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException leftBehind) {
          // The partial file stays; the failure already reported matters more.
        }
      }
    }
  }

  private void export(ObservedContainer container, OutputStream out) {
    session.progress().on(ProgressEvent.of("Container", container.name(), ProgressEvent.Status.EXPORTING));
    new EngineReads(session.engine().client()).copy("/containers/" + container.id() + "/export", out);
  }
}
