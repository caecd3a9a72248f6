package io.berth.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/commit_test.go}. */
@Tag("engine")
class CommitIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestCommit. */
  @Test
  void commit() {
    String project = "e2e-commit-service";
    c.compose("--project-name", project, "down", "--timeout=0", "--remove-orphans");
    try {
      c.compose("-f", "./fixtures/commit/compose.yaml", "--project-name", project, "up", "-d", "service");
      c.compose("--project-name", project, "commit", "-a", "John Hannibal Smith <hannibal@a-team.com>", "-c",
          "ENV DEBUG=true", "-m", "sample commit", "service", "service:latest");
      // berth's own check: the commit's change is in the new image.
      c.docker("image", "inspect", "-f", "{{.Config.Env}}", "service:latest").assertOutContains("DEBUG=true");
    } finally {
      c.dockerNoCheck("rmi", "service:latest");
    }
  }

  /** TestCommitWithReplicas. */
  @Test
  void commitWithReplicas() {
    String project = "e2e-commit-service-with-replicas";
    c.compose("--project-name", project, "down", "--timeout=0", "--remove-orphans");
    try {
      c.compose("-f", "./fixtures/commit/compose.yaml", "--project-name", project, "up", "-d", "service-with-replicas");
      c.compose("--project-name", project, "commit", "-a", "John Hannibal Smith <hannibal@a-team.com>", "-c",
          "ENV DEBUG=true", "-m", "sample commit", "--index=1", "service-with-replicas", "service-with-replicas:1");
      c.compose("--project-name", project, "commit", "-a", "John Hannibal Smith <hannibal@a-team.com>", "-c",
          "ENV DEBUG=true", "-m", "sample commit", "--index=2", "service-with-replicas", "service-with-replicas:2");
    } finally {
      c.dockerNoCheck("rmi", "service-with-replicas:1", "service-with-replicas:2");
    }
  }
}
