package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream {@code pkg/e2e/image_identity_test.go}. Upstream skips it unless the Engine uses the
 * containerd image store; its point, that a second {@code up} recreates nothing, holds on any
 * store, so it runs here. alpine:3.20 is a shared stand-in: it is not removed first.
 */
@Tag("engine")
class ImageIdentityIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestUpIdempotentContainerdStore. */
  @Test
  void upIdempotentContainerdStore() {
    String project = "compose-e2e-image-identity-idempotent";
    String file = "./fixtures/image-identity/compose.yaml";
    c.compose("-f", file, "--project-name", project, "up", "-d");
    String containerId = c.docker("inspect", project + "-app-1", "-f", "{{.Id}}").stdout();

    Result res = c.compose("-f", file, "--project-name", project, "up", "-d");
    assertThat(res.combined()).as("second up should not recreate anything").doesNotContain("Recreate");
    assertThat(c.docker("inspect", project + "-app-1", "-f", "{{.Id}}").stdout()).isEqualTo(containerId);
  }
}
