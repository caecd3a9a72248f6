package io.berth.executor.create;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** A tar holding one file at an absolute path, for the Engine's copy-into-container call. */
final class FileArchive {
  private FileArchive() {}

  static byte[] single(String absolutePath, byte[] content, int mode, int uid, int gid) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      // Parent directories first, so that a target like /run/secrets/x lands where it should.
      String relative = absolutePath.substring(1);
      int slash = relative.indexOf('/');
      while (slash > 0) {
        TarArchiveEntry dir = new TarArchiveEntry(relative.substring(0, slash + 1));
        dir.setMode(040755);
        tar.putArchiveEntry(dir);
        tar.closeArchiveEntry();
        slash = relative.indexOf('/', slash + 1);
      }
      TarArchiveEntry file = new TarArchiveEntry(relative);
      file.setMode(0100000 | mode);
      file.setSize(content.length);
      file.setIds(uid, gid);
      tar.putArchiveEntry(file);
      tar.write(content);
      tar.closeArchiveEntry();
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
