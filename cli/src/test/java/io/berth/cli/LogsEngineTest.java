package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * berth logs: every line once, prefixed, both streams, with --tail, -t, --no-log-prefix, --until.
 * As in Compose, a container's stderr lines go to berth's stderr, so both are read.
 */
class LogsEngineTest extends EngineStackTest {

  @BeforeEach
  void fixture() {
    StringBuilder yaml = new StringBuilder("services:\n");
    for (String s : List.of("one", "two", "three")) {
      yaml.append("  ").append(s).append(":\n    image: ${IMAGE}\n")
          .append("    command: [\"sh\", \"-c\", \"i=0; while [ $$i -lt 50 ]; do i=$$((i+1)); echo ")
          .append(s).append("-out-$$i; echo ").append(s).append("-err-$$i >&2; done; trap 'exit 0' TERM; sleep 3600 & wait\"]\n");
    }
    stack.write0("compose.yaml", yaml.toString());
    stack.ok("up", "-d");
  }

  private List<String> logs(String... args) throws InterruptedException {
    // The containers print 100 lines each as they start: wait until all of them are in.
    for (int i = 0; i < 100; i++) {
      BerthRunner.Result r = stack.ok(concat("logs", args));
      List<String> lines = java.util.stream.Stream.concat(r.out().lines(), r.err().lines()).toList();
      if (args.length > 0 || lines.size() >= 300) {
        return lines;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the containers did not print all their lines");
  }

  private static String[] concat(String first, String... rest) {
    String[] out = new String[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  @Test
  void everyLineOnceWithItsPrefixFromBothStreams() throws InterruptedException {
    List<String> lines = logs();

    assertThat(lines).hasSize(300).doesNotHaveDuplicates();
    for (String s : List.of("one", "two", "three")) {
      String prefix = String.format("%-8s | ", s + "-1");
      for (int i = 1; i <= 50; i++) {
        assertThat(lines).contains(prefix + s + "-out-" + i, prefix + s + "-err-" + i);
      }
    }
    BerthRunner.Result split = stack.ok("logs", "one");
    assertThat(split.out()).contains("one-out-50").doesNotContain("-err-");
    assertThat(split.err()).contains("one-err-50").doesNotContain("-out-");
  }

  @Test
  void tailTimestampsNoPrefixAndUntil() throws InterruptedException {
    logs();
    assertThat(logs("--tail", "5", "two")).hasSize(5).allMatch(l -> l.startsWith("two-1  | two-"));
    assertThat(logs("-t", "--tail", "1", "one")).singleElement().asString().matches("one-1  \\| \\d{4}-\\d\\d-\\d\\dT\\S+Z one-.*");
    assertThat(logs("--no-log-prefix", "--tail", "2", "three")).allMatch(l -> l.startsWith("three-"));
    assertThat(logs("--until", "2000-01-01T00:00:00Z")).isEmpty();
    assertThat(logs("--since", "1h", "one")).hasSize(100);
  }
}
