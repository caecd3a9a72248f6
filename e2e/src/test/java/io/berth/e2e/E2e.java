package io.berth.e2e;

import java.io.IOException;
import java.nio.file.Path;

/** Where things are: the e2e module (scenarios run from it), the repository and its bin/berth. */
final class E2e {
  private static boolean warmed;

  private E2e() {}

  /** The repository root, found from the test's working directory. */
  static Path repoRoot() {
    return io.berth.testsupport.RepoRoot.find();
  }

  /** The e2e module's directory, which holds fixtures/. */
  static Path moduleDir() {
    return repoRoot().resolve("e2e");
  }

  /**
   * The compose command the scenarios run: bin/berth, or with {@code -De2e.compose=docker-compose}
   * the peer (Debian's docker-compose 1.29) for the scenarios tagged {@code peer}, where v1 and v2
   * agree — a check of the ported scenarios themselves.
   */
  static String composeCommand() {
    String peer = System.getProperty("e2e.compose", "");
    return peer.isBlank() ? berth().toString() : peer;
  }

  /**
   * bin/berth, run once first in this JVM: a first run may build the jar and its class archive, and
   * scenarios started side by side must not all do that at once.
   */
  static synchronized Path berth() {
    Path berth = repoRoot().resolve("bin/berth");
    if (!warmed) {
      try {
        Process p = new ProcessBuilder(berth.toString(), "version").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
          throw new IllegalStateException("bin/berth version failed: the jar does not build or run");
        }
      } catch (IOException e) {
        throw new IllegalStateException("could not run " + berth, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      warmed = true;
    }
    return berth;
  }
}
