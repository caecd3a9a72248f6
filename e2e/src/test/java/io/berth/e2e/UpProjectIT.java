package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/up_test.go}: TestUpWithAllResources and TestUpProfile (the rest is UpIT). */
@Tag("engine")
class UpProjectIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestUpWithAllResources. */
  @Test
  void upWithAllResources() {
    String project = "compose-e2e-all-resources";
    try {
      Result res = c.compose("-f", "./fixtures/resources/compose.yaml", "--all-resources", "--project-name", project, "up");
      assertThat(res.combined()).contains("Volume " + project + "_my_vol  Created");
      assertThat(res.combined()).contains("Network " + project + "_my_net  Created");
    } finally {
      c.compose("--project-name", project, "down", "-v");
    }
  }

  /** TestUpProfile: naming a service of an inactive profile enables it (and brings its dependency). */
  @Test
  void upProfile() {
    String project = "compose-e2e-up-profile";
    try {
      Result res = c.compose("-f", "./fixtures/profiles/docker-compose.yaml", "--project-name", project, "up", "foo");
      assertThat(res.combined()).contains("Container db_c  Created");
      assertThat(res.combined()).contains("Container foo_c  Created");
      assertThat(res.combined()).doesNotContain("Container bar_c  Created");
    } finally {
      c.compose("--project-name", project, "--profile", "test", "down", "-v");
    }
  }
}
