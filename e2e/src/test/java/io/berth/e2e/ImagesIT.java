package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream {@code pkg/e2e/images_test.go}. The image is a tag of the alpine stand-in rather than a
 * pulled alpine:3.22; removing that tag leaves the running container's image without its name.
 */
@Tag("engine")
class ImagesIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestImagesAfterImageRemoved. */
  @Test
  void imagesAfterImageRemoved() {
    String project = "compose-e2e-images-removed";
    String image = "compose-e2e-images-removed:v1";
    Runnable cleanup = () -> {
      c.composeNoCheck("--project-name", project, "down", "--timeout=0");
      c.dockerNoCheck("image", "rm", "-f", image);
    };
    cleanup.run();
    try {
      c.docker("tag", "alpine", image);
      c.compose("-f", "./fixtures/images-removed/compose.yaml", "--project-name", project, "up", "-d");

      c.dockerNoCheck("image", "rm", "-f", image);

      Result res = c.composeNoCheck("--project-name", project, "images");
      res.assertSuccess();
      assertThat(res.combined()).contains(project + "-app-1");
    } finally {
      cleanup.run();
    }
  }
}
