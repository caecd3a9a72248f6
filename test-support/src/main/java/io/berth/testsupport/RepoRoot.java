package io.berth.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, for tests that run {@code bin/berth} as a user types it. */
public final class RepoRoot {
  private RepoRoot() {}

  /** The nearest directory above the working directory (a module's) holding bin/berth and pom.xml. */
  public static Path find() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !(Files.exists(p.resolve("bin/berth")) && Files.exists(p.resolve("pom.xml")))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no bin/berth above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
