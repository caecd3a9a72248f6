package io.berth.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream {@code pkg/e2e/compose_exec_test.go}. Upstream runs {@code /usr/bin/env}; the busybox
 * stand-in for alpine has it on the PATH only, so the scenarios run {@code env}.
 */
@Tag("engine")
class ComposeExecIT {
  @RegisterExtension final Cli c = new Cli();

  private static String[] args(String project, String cmd, String... rest) {
    List<String> all = new ArrayList<>(List.of("--project-directory", "fixtures/simple-composefile", "--project-name",
        project, cmd));
    all.addAll(Arrays.asList(rest));
    return all.toArray(String[]::new);
  }

  /** TestLocalComposeExec. */
  @Test
  void localComposeExec() {
    String project = "compose-e2e-exec";
    c.compose(args(project, "down", "--timeout=0"));
    c.compose(args(project, "up", "-d"));

    // exec true
    c.compose(args(project, "exec", "simple", "/bin/true"));

    // exec false
    c.composeNoCheck(args(project, "exec", "simple", "/bin/false")).assertExitCode(1);

    // exec with env set
    Result res = c.composeWithEnv(Map.of("FOO", "BAR"), args(project, "exec", "-e", "FOO", "simple", "env"));
    res.assertOutContains("FOO=BAR");

    // exec without env set
    res = c.compose(args(project, "exec", "-e", "FOO", "simple", "env"));
    org.assertj.core.api.Assertions.assertThat(res.stdout()).as(res.combined()).doesNotContain("FOO=");

    c.compose(args(project, "down", "--timeout=0"));
  }

  /** TestLocalComposeExecOneOff. */
  @Test
  void localComposeExecOneOff() {
    String project = "compose-e2e-exec-one-off";
    c.compose(args(project, "run", "-d", "simple"));

    // exec in one-off container
    Result res = c.compose(args(project, "exec", "-e", "FOO", "simple", "env"));
    org.assertj.core.api.Assertions.assertThat(res.stdout()).as(res.combined()).doesNotContain("FOO=");

    // exec with index
    res = c.composeNoCheck(args(project, "exec", "--index", "1", "-e", "FOO", "simple", "env"));
    res.assertExitCode(1).assertErrContains("service \"simple\" is not running container #1");

    String ids = c.docker("ps", "-q", "--filter", "label=com.docker.compose.project=" + project).stdout().trim();
    List<String> stop = new ArrayList<>(List.of("stop"));
    stop.addAll(Arrays.asList(ids.split("\n")));
    c.dockerNoCheck(stop.toArray(String[]::new));
  }

  /** Not upstream's (berth issue 14): exec on a service whose containers are stopped says so as Compose does. */
  @Test
  void execOnAStoppedServiceSaysTheServiceIsNotRunning() {
    String project = "compose-e2e-exec-stopped";
    c.compose(args(project, "up", "-d"));
    c.compose(args(project, "stop", "simple"));

    Result res = c.composeNoCheck(args(project, "exec", "simple", "true"));
    res.assertExitCode(1).assertErrContains("service \"simple\" is not running").assertCombinedLacks("container ");

    c.compose(args(project, "down", "--timeout=0"));
  }
}
