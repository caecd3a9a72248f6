package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader under {@link LoaderFuzzer}: mutants of every corpus file end in a project or a
 * positioned {@code ComposeModelException}, never another exception, each within a second.
 * Seeded and deterministic; {@code -Dberth.fuzz.seed=S -Dberth.fuzz.case=N} replays one case,
 * {@code -Dberth.fuzz.cases=N} changes the count.
 */
class LoaderFuzzTest {
  private static final long DEFAULT_SEED = 20261124L;

  @TempDir Path scratch;

  @Test
  void everyMutantLoadsOrIsRefusedWithAPositionedErrorWithinASecond() throws Exception {
    Path corpus = Corpus.require();
    long seed = Long.getLong("berth.fuzz.seed", DEFAULT_SEED);
    LoaderFuzzer fuzzer = new LoaderFuzzer(corpus, seed);
    Integer only = Integer.getInteger("berth.fuzz.case");
    List<LoaderFuzzer.Outcome> failures;
    if (only != null) {
      LoaderFuzzer.Outcome outcome = new LoaderFuzzer.Workspace(corpus, scratch.resolve("replay")).run(fuzzer.generate(only));
      System.out.println("fuzz replay: " + outcome.input().describe() + " -> " + outcome.result());
      failures = outcome.failure().isPresent() ? List.of(outcome) : List.of();
    } else {
      int cases = Integer.getInteger("berth.fuzz.cases", 10_000);
      int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
      LoaderFuzzer.Report report = fuzzer.run(cases, threads, scratch);
      System.out.println("fuzz: " + report.summary());
      failures = report.failures();
      if (failures.isEmpty()) {
        assertThat(report.cases()).isEqualTo(cases);
      }
    }
    if (!failures.isEmpty()) {
      Path saveDir = Path.of("target", "fuzz-failures");
      fail("fuzz failures (the first " + failures.size() + "):\n"
          + String.join("\n", failures.stream().map(f -> LoaderFuzzer.explain(f, saveDir)).toList()));
    }
  }
}
