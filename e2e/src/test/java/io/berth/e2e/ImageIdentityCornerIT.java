package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.testsupport.LocalRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream {@code pkg/e2e/image_identity_corner_test.go}: the dry-run and refresh-window scenarios.
 * The other two need the containerd image store (docs/e2e.md).
 */
@Tag("engine")
class ImageIdentityCornerIT {
  @RegisterExtension final Cli c = new Cli();

  /**
   * TestUpDryRunMissingImage. Upstream removes alpine:3.20 first; that tag is a shared stand-in
   * here, so the fixture is given an image name no Engine holds instead.
   */
  @Test
  void upDryRunMissingImage() {
    String project = "compose-e2e-identity-dryrun";
    String file = "./fixtures/image-identity/compose.yaml";
    c.withEnv("IDENTITY_IMAGE=compose-e2e-identity-dryrun-never-pulled:3.20");
    try {
      Result res = c.composeNoCheck("--dry-run", "-f", file, "--project-name", project, "up", "-d");
      res.assertSuccess();
      assertThat(res.combined()).doesNotContain("No such image");
      c.dockerNoCheck("image", "inspect", "compose-e2e-identity-dryrun-never-pulled:3.20").assertFailure();
    } finally {
      c.composeNoCheck("--project-name", project, "down", "--timeout=0");
    }
  }

  /**
   * TestPullRefreshWindowExplicitPull, against a registry of the scenario's own on 127.0.0.1 that
   * holds the alpine stand-in as alpine:3.18.
   */
  @Test
  void pullRefreshWindowExplicitPull() throws Exception {
    String project = "compose-e2e-identity-refresh-window";
    String file = "./fixtures/image-identity/refresh-window.yaml";
    try (LocalRegistry registry = LocalRegistry.start()) {
      String image = registry.host() + "/alpine:3.18";
      c.docker("tag", "alpine", image);
      c.docker("push", image);
      c.withEnv("REGISTRY=" + registry.host());
      try {
        // make the image fresh: the window (daily) is not due
        c.compose("-f", file, "--project-name", project, "pull");
        Result res = c.compose("-f", file, "--project-name", project, "pull");
        assertThat(res.combined()).as("explicit pull must refresh ahead of the window").contains("Pulled");
        assertThat(res.combined()).as("explicit pull must not skip on the refresh window").doesNotContain("Skipped");
      } finally {
        c.composeNoCheck("--project-name", project, "down", "--timeout=0");
        c.dockerNoCheck("rmi", "-f", image);
      }
    }
  }
}
