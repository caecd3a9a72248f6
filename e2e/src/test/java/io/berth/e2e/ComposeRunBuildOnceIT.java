package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream {@code pkg/e2e/compose_run_build_once_test.go}. Upstream counts BuildKit's
 * {@code naming to ...<project>-<service>... done}; the Engine here has the classic builder,
 * whose line for the same moment is {@code Successfully tagged <project>-<service>:latest}.
 */
@Tag("engine")
class ComposeRunBuildOnceIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestRunBuildOnce. */
  @Test
  void runBuildOnce() {
    // dependency with pull_policy build is built only once
    String project = randomProjectName("build-once");
    String file = "./fixtures/run-test/build-once.yaml";
    try {
      Result res = c.compose("-p", project, "-f", file, "--verbose", "run", "--build", "--rm", "curl");
      assertThat(countServiceBuilds(res.combined(), project, "nginx")).as(res.combined()).isEqualTo(1);
      res.assertOutContains("curl service");
    } finally {
      c.composeNoCheck("-p", project, "-f", file, "down", "--rmi", "local", "--remove-orphans", "-v");
    }

    // nested dependencies build only once each
    project = randomProjectName("build-nested");
    file = "./fixtures/run-test/build-once-nested.yaml";
    try {
      Result res = c.compose("-p", project, "-f", file, "--verbose", "run", "--build", "--rm", "app");
      assertThat(countServiceBuilds(res.combined(), project, "db")).as(res.combined()).isEqualTo(1);
      assertThat(countServiceBuilds(res.combined(), project, "api")).as(res.combined()).isEqualTo(1);
      assertThat(countServiceBuilds(res.combined(), project, "app")).as(res.combined()).isEqualTo(1);
      res.assertOutContains("App running");
    } finally {
      c.composeNoCheck("-p", project, "-f", file, "down", "--rmi", "local", "--remove-orphans", "-v");
    }

    // service with no dependencies builds once
    project = randomProjectName("build-simple");
    file = "./fixtures/run-test/build-once-no-deps.yaml";
    try {
      Result res = c.compose("-p", project, "-f", file, "run", "--build", "--rm", "simple");
      assertThat(countServiceBuilds(res.combined(), project, "simple")).as(res.combined()).isEqualTo(1);
      res.assertOutContains("Simple service");
    } finally {
      c.composeNoCheck("-p", project, "-f", file, "down", "--rmi", "local", "--remove-orphans", "-v");
    }
  }

  /** How many times the classic builder tagged the service's image (upstream's countServiceBuilds). */
  private static int countServiceBuilds(String output, String project, String service) {
    Matcher m = Pattern.compile("Successfully tagged .*" + Pattern.quote(project + "-" + service) + ".*").matcher(output);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String randomProjectName(String prefix) {
    byte[] b = new byte[4];
    new SecureRandom().nextBytes(b);
    return prefix + "-" + HexFormat.of().formatHex(b);
  }
}
