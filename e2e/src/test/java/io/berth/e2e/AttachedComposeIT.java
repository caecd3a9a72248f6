package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream {@code pkg/e2e/compose_test.go}, its attached-up tests only (TestAttachRestart,
 * TestStopWithDependenciesAttached); the rest of that file is {@code ComposeIT}.
 */
@Tag("engine")
class AttachedComposeIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestAttachRestart. */
  @Test
  void attachRestart() {
    Background up = c.composeInBackground("--ansi=never", "--project-directory", "./fixtures/attach-restart", "up");
    try {
      Cli.waitForCondition(() -> count(up.stdout(), "failing-1 exited with code 1") == 3, Duration.ofMinutes(4),
          "'failing-1 exited with code 1' 3 times");
      assertThat(count(up.stdout(), "failing-1  | world")).as(up.combined()).isEqualTo(3);
    } finally {
      c.compose("-p", "attach-restart", "down");
    }
  }

  /** TestStopWithDependenciesAttached. */
  @Test
  void stopWithDependenciesAttached() {
    String project = "compose-e2e-stop-with-deps";
    c.withEnv("COMMAND=echo hello");
    c.compose("-p", project, "down", "--remove-orphans", "--timeout=0");
    long start = System.nanoTime();
    Result res = c.compose("-f", "./fixtures/dependencies/compose.yaml", "-p", project, "up", "--attach-dependencies", "foo",
        "--menu=false");
    res.assertOutContains("exited with code 0");
    // up returns once foo has exited, bar left running (berth waited for bar before).
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    c.compose("-p", project, "down", "--remove-orphans", "--timeout=0");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
