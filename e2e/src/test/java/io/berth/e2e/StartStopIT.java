package io.berth.e2e;

import static io.berth.e2e.Checks.assertServiceStatus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/start_stop_test.go}. */
@Tag("engine")
class StartStopIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestStartStop. */
  @Test
  void startStop() {
    String project = "e2e-start-stop-no-dependencies";
    String running = project + "\\s+running\\(2\\)";
    String exited = project + "\\s+exited\\(2\\)";

    // Up a project
    Result res = c.compose("-f", "./fixtures/start-stop/compose.yaml", "--project-name", project, "up", "-d");
    res.assertCombinedContains("Container e2e-start-stop-no-dependencies-simple-1  Started");
    assertThat(c.compose("ls", "--all").stdout()).containsPattern(running);
    res = c.compose("--project-name", project, "ps");
    assertServiceStatus(project, "simple", "Up", res.stdout());
    assertServiceStatus(project, "another", "Up", res.stdout());

    // stop project
    c.compose("-f", "./fixtures/start-stop/compose.yaml", "--project-name", project, "stop");
    c.compose("ls").assertCombinedLacks("e2e-start-stop-no-dependencies");
    assertThat(c.compose("ls", "--all").stdout()).containsPattern(exited);
    c.compose("--project-name", project, "ps").assertCombinedLacks("e2e-start-stop-no-dependencies-words-1");
    res = c.compose("--project-name", project, "ps", "--all");
    assertServiceStatus(project, "simple", "Exited", res.stdout());
    assertServiceStatus(project, "another", "Exited", res.stdout());

    // start project
    c.compose("-f", "./fixtures/start-stop/compose.yaml", "--project-name", project, "start");
    assertThat(c.compose("ls").stdout()).containsPattern(running);

    // down
    c.compose("--project-name", project, "down");
  }
}
