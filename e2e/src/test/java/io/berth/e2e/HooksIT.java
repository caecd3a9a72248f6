package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/hooks_test.go}: post_start, pre_stop and pre_start hooks. */
@Tag("engine")
class HooksIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestPostStartHookInError. */
  @Test
  void postStartHookInError() {
    String project = "hooks-post-start-failure";
    try {
      Result res = c.composeNoCheck("-f", "fixtures/hooks/poststart/compose-error.yaml", "--project-name", project, "up", "-d");
      res.assertExitCode(1);
      res.assertCombinedContains("test hook exited with status 127");
    } finally {
      c.compose("--project-name", project, "down", "-v", "--remove-orphans", "-t", "0");
    }
  }

  /** TestPostStartHookSuccess. */
  @Test
  void postStartHookSuccess() {
    String project = "hooks-post-start-success";
    try {
      c.compose("-f", "fixtures/hooks/poststart/compose-success.yaml", "--project-name", project, "up", "-d").assertExitCode(0);
    } finally {
      c.compose("--project-name", project, "down", "-v", "--remove-orphans", "-t", "0");
    }
  }

  /** TestPreStopHookSuccess. */
  @Test
  void preStopHookSuccess() {
    String project = "hooks-pre-stop-success";
    String file = "fixtures/hooks/prestop/compose-success.yaml";
    try {
      c.compose("-f", file, "--project-name", project, "up", "-d").assertExitCode(0);
      c.compose("-f", file, "--project-name", project, "down", "-v", "--remove-orphans", "-t", "0").assertExitCode(0);
    } finally {
      c.compose("-f", file, "--project-name", project, "down", "-v", "--remove-orphans", "-t", "0");
    }
  }

  /** TestPreStopHookInError. */
  @Test
  void preStopHookInError() {
    String project = "hooks-pre-stop-failure";
    String file = "fixtures/hooks/prestop/compose-error.yaml";
    try {
      c.composeNoCheck("-f", file, "--project-name", project, "up", "-d").assertExitCode(0);
      Result res = c.composeNoCheck("-f", file, "--project-name", project, "down", "-v", "--remove-orphans", "-t", "0");
      res.assertExitCode(1);
      res.assertCombinedContains("sample hook exited with status 127");
    } finally {
      // With the hook that works, so that down can stop the container.
      c.compose("-f", "fixtures/hooks/prestop/compose-success.yaml", "--project-name", project, "down", "-v",
          "--remove-orphans", "-t", "0");
    }
  }

  /** TestPreStopHookSuccessWithPreviousStop. */
  @Test
  void preStopHookSuccessWithPreviousStop() {
    String project = "hooks-pre-stop-success-with-previous-stop";
    String file = "fixtures/hooks/compose.yaml";
    try {
      c.compose("-f", file, "--project-name", project, "up", "-d").assertExitCode(0);
      c.compose("-f", file, "--project-name", project, "stop", "sample").assertExitCode(0);
    } finally {
      // The hook of the stopped container has nothing to run in: down still succeeds.
      c.compose("-f", file, "--project-name", project, "down", "-v", "--remove-orphans", "-t", "0").assertExitCode(0);
    }
  }

  /** TestPostStartAndPreStopHook. */
  @Test
  void postStartAndPreStopHook() {
    String project = "hooks-post-start-and-pre-stop";
    String file = "fixtures/hooks/compose.yaml";
    try {
      c.compose("-f", file, "--project-name", project, "up", "-d").assertExitCode(0);
    } finally {
      c.compose("-f", file, "--project-name", project, "down", "-v", "--remove-orphans", "-t", "0").assertExitCode(0);
    }
  }

  /** TestPreStartHookSuccess. */
  @Test
  void preStartHookSuccess() {
    String project = "hooks-pre-start-success";
    String file = "fixtures/pre_start/compose-success.yaml";
    try {
      c.compose("-f", file, "--project-name", project, "up", "-d", "--wait").assertExitCode(0);

      // Service should be able to read the file written by the pre_start hook.
      c.compose("-f", file, "--project-name", project, "logs", "sample").assertCombinedContains("initialized");
    } finally {
      down(file, project);
    }
  }

  /** TestPreStartHookInError. */
  @Test
  void preStartHookInError() {
    String project = "hooks-pre-start-failure";
    String file = "fixtures/pre_start/compose-error.yaml";
    try {
      Result res = c.composeNoCheck("-f", file, "--project-name", project, "up", "-d");
      res.assertExitCode(1);
      res.assertCombinedContains("pre_start", "17");

      // The service container should exist but not be running.
      Result ps = c.docker("ps", "-a", "--filter", "label=com.docker.compose.project=" + project, "--format",
          "{{.Names}} {{.State}}");
      assertThat(ps.combined()).contains("sample").doesNotContain("running");
    } finally {
      down(file, project);
    }
  }

  /** TestPreStartHookBuildInheritance. */
  @Test
  void preStartHookBuildInheritance() {
    String project = "hooks-pre-start-build";
    String file = "fixtures/pre_start/compose-build.yaml";
    try {
      c.compose("-f", file, "--project-name", project, "up", "-d", "--wait").assertExitCode(0);
      c.compose("-f", file, "--project-name", project, "logs", "sample").assertCombinedContains("built-image-marker");
    } finally {
      c.compose("-f", file, "--project-name", project, "down", "-v", "--remove-orphans", "--rmi", "local", "-t", "0");
    }
  }

  /** TestPreStartHookIdempotentReUp. */
  @Test
  void preStartHookIdempotentReUp() {
    String project = "hooks-pre-start-idempotent";
    String file = "fixtures/pre_start/idempotent/compose.yaml";
    try {
      // First up: hook writes one unique token.
      c.compose("-f", file, "--project-name", project, "up", "-d", "--wait");
      assertThat(lineCount(project, "tokens.txt")).as("token lines after the first up").isEqualTo(1);

      // Second up with no spec change: service is already running so the hook must NOT re-run.
      c.compose("-f", file, "--project-name", project, "up", "-d", "--wait");
      assertThat(lineCount(project, "tokens.txt")).as("token lines after an idempotent re-up").isEqualTo(1);
    } finally {
      down(file, project);
    }
  }

  /** TestPreStartHookReRunOnSpecChange. */
  @Test
  void preStartHookReRunOnSpecChange() {
    String project = "hooks-pre-start-spec-change";
    String v1 = "fixtures/pre_start/spec-change/compose.v1.yaml";
    String v2 = "fixtures/pre_start/spec-change/compose.v2.yaml";
    try {
      // First up with v1 spec: hook appends "v1".
      c.compose("-f", v1, "--project-name", project, "up", "-d", "--wait");
      assertThat(cat(project, "versions.txt")).contains("v1").doesNotContain("v2");

      // Second up with v2 spec: hook command changed, container recreated, hook runs again and appends "v2".
      c.compose("-f", v2, "--project-name", project, "up", "-d", "--wait");
      assertThat(cat(project, "versions.txt")).contains("v1").contains("v2");
    } finally {
      down(v2, project);
    }
  }

  /** TestPreStartHookForceRecreate. */
  @Test
  void preStartHookForceRecreate() {
    String project = "hooks-pre-start-force-recreate";
    String file = "fixtures/pre_start/idempotent/compose.yaml";
    try {
      // First up: hook writes one unique token.
      c.compose("-f", file, "--project-name", project, "up", "-d", "--wait");
      assertThat(lineCount(project, "tokens.txt")).as("token lines after the first up").isEqualTo(1);

      // Force-recreate: container is rebuilt so the hook must run again.
      c.compose("-f", file, "--project-name", project, "up", "-d", "--force-recreate", "--wait");
      assertThat(lineCount(project, "tokens.txt")).as("token lines after --force-recreate").isEqualTo(2);
    } finally {
      down(file, project);
    }
  }

  /** TestPreStartHookMidSequenceFailure. */
  @Test
  void preStartHookMidSequenceFailure() {
    String project = "hooks-pre-start-mid-failure";
    String file = "fixtures/pre_start/mid-failure/compose.yaml";
    try {
      // Hook 0 succeeds; hook 1 exits with code 17. up must fail.
      Result res = c.composeNoCheck("-f", file, "--project-name", project, "up", "-d");
      res.assertExitCode(1);

      // Error must point at hook index 1 (not 0) and report exit code 17.
      res.assertCombinedContains("pre_start[1]", "17");

      // Hook 0 must have run before hook 1 failed.
      assertThat(cat(project, "hooks.txt")).contains("ran-0");

      // The service container must exist but not be running.
      Result ps = c.docker("ps", "-a", "--filter", "label=com.docker.compose.project=" + project, "--format",
          "{{.Names}} {{.State}}");
      assertThat(ps.combined()).contains("sample").doesNotContain("running");
    } finally {
      down(file, project);
    }
  }

  /** TestPreStartHookSequentialOrder. */
  @Test
  void preStartHookSequentialOrder() {
    String project = "hooks-pre-start-sequential";
    String file = "fixtures/pre_start/sequential/compose.yaml";
    try {
      c.compose("-f", file, "--project-name", project, "up", "-d", "--wait");

      // File must contain A then B in that exact order.
      assertThat(cat(project, "out")).isEqualTo("A\nB\n");
    } finally {
      down(file, project);
    }
  }

  /** TestPreStartHookNotReRunOnScaleUp. */
  @Test
  void preStartHookNotReRunOnScaleUp() {
    String project = "hooks-pre-start-scale-up";
    String file = "fixtures/pre_start/idempotent/compose.yaml";
    try {
      c.compose("-f", file, "--project-name", project, "up", "-d", "--wait");
      assertThat(lineCount(project, "tokens.txt")).as("token lines after the first up").isEqualTo(1);

      // Scale up: the new replica must NOT re-run pre_start because another replica is already running.
      c.compose("-f", file, "--project-name", project, "up", "-d", "--scale", "sample=2", "--wait");
      assertThat(lineCount(project, "tokens.txt")).as("token lines after a scale up").isEqualTo(1);
    } finally {
      down(file, project);
    }
  }

  /** TestPreStartHookRunsOnceForScaledService. */
  @Test
  void preStartHookRunsOnceForScaledService() {
    String project = "hooks-pre-start-scaled";
    String file = "fixtures/pre_start/scaled/compose.yaml";
    try {
      c.compose("-f", file, "--project-name", project, "up", "-d", "--wait");

      // per_replica: false (the default): the hook runs ONCE for the whole service, even with deploy.replicas: 2.
      Result probe = c.docker("run", "--rm", "-v", project + "_data:/mnt", "alpine", "wc", "-l", "/mnt/log");
      assertThat(probe.stdout().strip()).as("wc -l of the hook's log").startsWith("1 ");
    } finally {
      down(file, project);
    }
  }

  private void down(String file, String project) {
    c.compose("-f", file, "--project-name", project, "down", "-v", "--remove-orphans", "-t", "0");
  }

  /** The project's volume {@code data} file, read by a container of its own (upstream's probe). */
  private String cat(String project, String file) {
    return c.docker("run", "--rm", "-v", project + "_data:/mnt", "alpine", "cat", "/mnt/" + file).stdout();
  }

  /** The line count {@code wc -l} gives of a file of the project's volume {@code data} (upstream's wcLineCount). */
  private int lineCount(String project, String file) {
    String out = c.docker("run", "--rm", "-v", project + "_data:/mnt", "alpine", "wc", "-l", "/mnt/" + file).stdout();
    String[] fields = out.strip().split("\\s+");
    assertThat(fields[0]).as("wc -l output %s", out).matches("\\d+");
    return Integer.parseInt(fields[0]);
  }
}
