package io.berth.model.load;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a path named as a file cannot be read as one, in the words the user needs: "not found" for a
 * directory or a symbolic link that loops sends them looking for a file that is there.
 */
public final class NotAFile {
  private NotAFile() {}

  /** Empty when {@code path} is a regular file (through any links); else what it is instead. */
  public static Optional<String> why(Path path) {
    if (Files.isRegularFile(path)) {
      return Optional.empty();
    }
    if (Files.isDirectory(path)) {
      return Optional.of("is a directory");
    }
    if (!Files.isSymbolicLink(path)) {
      return Optional.of(Files.exists(path) ? "is not a regular file" : "not found");
    }
    try {
      path.toRealPath();
      return Optional.of("is not a regular file");
    } catch (NoSuchFileException e) {
      return Optional.of("not found"); // a link to nothing
    } catch (FileSystemException e) {
      // ELOOP's text is the platform's ("Too many levels of symbolic links"): say it plainly.
      return Optional.of(loops(e) ? "is a symbolic link loop" : "cannot be read: " + e.getReason());
    } catch (IOException e) {
      return Optional.of("cannot be read: " + e.getMessage());
    }
  }

  private static boolean loops(FileSystemException e) {
    String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(java.util.Locale.ROOT);
    return reason.contains("levels of symbolic links") || reason.contains("loop");
  }
}
