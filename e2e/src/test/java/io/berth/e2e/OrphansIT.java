package io.berth.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/orphans_test.go}. */
@Tag("engine")
class OrphansIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestRemoveOrphans: the fixture's .env sets COMPOSE_REMOVE_ORPHANS, and an ended one-off is an orphan. */
  @Test
  void removeOrphans() {
    String project = "compose-e2e-orphans";

    c.compose("-f", "./fixtures/orphans/compose.yaml", "-p", project, "run", "orphan");
    Result res = c.compose("-p", project, "ps", "--all");
    res.assertCombinedContains("compose-e2e-orphans-orphan-run-");

    c.compose("-f", "./fixtures/orphans/compose.yaml", "-p", project, "up", "-d");

    res = c.compose("-p", project, "ps", "--all");
    res.assertCombinedLacks("compose-e2e-orphans-orphan-run-");
  }
}
