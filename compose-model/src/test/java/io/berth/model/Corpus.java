package io.berth.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the conformance tests find the shared corpus of real compose files: {@code BERTH_CORPUS},
 * else {@code shared/corpus} beside the repository (or beside a directory holding it, as for a
 * git worktree kept in a folder of worktrees). Read in place, never copied in.
 */
final class Corpus {
  private Corpus() {}

  static Optional<Path> find() {
    String explicit = System.getenv("BERTH_CORPUS");
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(Path.of(explicit)).filter(Files::isDirectory);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("compose-model")) && Files.exists(p.resolve("pom.xml"))) {
        for (Path beside = p.getParent(); beside != null; beside = beside.getParent()) {
          if (Files.isDirectory(beside.resolve("shared/corpus"))) {
            return Optional.of(beside.resolve("shared/corpus"));
          }
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The corpus; where it is absent the calling test is skipped with a message saying so, except
   * with {@code CI=true}, where its absence is a failure.
   */
  static Path require() {
    Optional<Path> corpus = find();
    if (corpus.isEmpty()) {
      String message = "the shared corpus (../shared/corpus beside the repository, or BERTH_CORPUS) is absent";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message + "; CI=true: conformance tests must run");
      }
      Assumptions.abort(message);
    }
    return corpus.get();
  }

  /** A folder of the corpus, which must be there when the corpus is. */
  static Path require(String folder) {
    Path dir = require().resolve(folder);
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("the corpus has no " + folder + " folder: " + dir);
    }
    return dir;
  }
}
