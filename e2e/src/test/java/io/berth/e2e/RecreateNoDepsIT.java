package io.berth.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/recreate_no_deps_test.go}. */
@Tag("engine")
class RecreateNoDepsIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestRecreateWithNoDeps. */
  @Test
  void recreateWithNoDeps() {
    c.withEnv("COMPOSE_PROJECT_NAME=recreate-no-deps");

    Result res = c.composeNoCheck("-f", "fixtures/dependencies/recreate-no-deps.yaml", "up", "-d");
    res.assertSuccess();

    res = c.composeNoCheck("-f", "fixtures/dependencies/recreate-no-deps.yaml", "up", "-d", "--force-recreate", "--no-deps",
        "my-service");
    res.assertSuccess();

    UpIT.requireServiceState(c, "my-service", "running");

    c.compose("down");
  }
}
