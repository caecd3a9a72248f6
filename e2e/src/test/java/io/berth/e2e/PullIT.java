package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.testsupport.LocalRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream {@code pkg/e2e/pull_test.go}, against a registry of the scenario's own on 127.0.0.1
 * (REGISTRY in the fixtures) holding the alpine stand-in under upstream's tags. berth's lines name
 * the image as Compose v5's do, with berth's two spaces before the status.
 */
@Tag("engine")
class PullIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestComposePull. */
  @Test
  void composePull() throws Exception {
    try (LocalRegistry registry = LocalRegistry.start()) {
      String reg = registry.host();
      String[] tags = {"3.14", "3.15", "3.13.12", "latest"};
      for (String tag : tags) {
        c.docker("tag", "alpine", reg + "/alpine:" + tag);
        c.docker("push", reg + "/alpine:" + tag);
      }
      c.withEnv("REGISTRY=" + reg);
      try {
        // Verify image pulled
        c.compose("--project-directory", "fixtures/compose-pull/simple", "down", "--rmi", "all");
        String output = c.compose("--project-directory", "fixtures/compose-pull/simple", "pull").combined();
        assertThat(output).contains("Image " + reg + "/alpine:3.14  Pulled", "Image " + reg + "/alpine:3.15  Pulled");
        // verify default policy is 'always' for pull command
        output = c.compose("--project-directory", "fixtures/compose-pull/simple", "pull").combined();
        assertThat(output).contains("Image " + reg + "/alpine:3.14  Pulled", "Image " + reg + "/alpine:3.15  Pulled");

        // Verify skipped pull if image is already present locally
        c.compose("--project-directory", "fixtures/compose-pull/image-present-locally", "pull");
        output = c.compose("--project-directory", "fixtures/compose-pull/image-present-locally", "pull").combined();
        assertThat(output).contains("alpine:3.13.12  Skipped Image is already present locally");
        // image with :latest tag gets pulled regardless if pull_policy: missing or if_not_present
        assertThat(output).contains("alpine:latest  Pulled");

        // Verify skipped no image to be pulled
        output = c.compose("--project-directory", "fixtures/compose-pull/no-image-name-given", "pull").combined();
        assertThat(output).contains("Skipped No image to be pulled");

        // Verify pull failure: the local registry's answer for an unknown repository (Docker Hub's
        // is "pull access denied for does_not_exists").
        c.composeNoCheck("--project-directory", "fixtures/compose-pull/unknown-image", "pull")
            .assertExitCode(1).assertErrContains(reg + "/does_not_exists");

        // Verify ignore pull failure
        c.compose("--project-directory", "fixtures/compose-pull/unknown-image", "pull", "--ignore-pull-failures")
            .assertErrContains("Some service image(s) must be built from source by running:");
      } finally {
        for (String tag : tags) {
          c.dockerNoCheck("rmi", "-f", reg + "/alpine:" + tag);
        }
      }
    }
  }
}
