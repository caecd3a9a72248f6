package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream {@code pkg/e2e/image_identity_corner_test.go}: the dry-run scenario. The other three
 * need the containerd image store or a registry on the internet (docs/e2e.md).
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
}
