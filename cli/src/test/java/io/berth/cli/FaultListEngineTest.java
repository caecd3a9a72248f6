package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Cases of the reliability fault list (bench/faults/coverage.md) that no other test asserted:
 * a dependency that fails, orphans, and a down after someone removed containers by hand.
 */
class FaultListEngineTest extends EngineStackTest {
  private static final String SERVER = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"]";
  /**
   * A healthcheck that stays "starting" long after its container exits: the dependency is then
   * seen exited, never "running without a healthcheck", however fast it exits.
   */
  private static final String NEVER_CHECKED = "{test: [\"CMD\", \"true\"], interval: 1h, start_period: 1h}";

  /** R-10, as Compose's TestUpWithDependencyExit. */
  @Test
  void aDependencyThatExitsBeforeItIsHealthyFailsUpAndItsDependentStaysCreated() {
    stack.write0("compose.yaml", """
        services:
          web:
            image: ${IMAGE}
            command: %s
            depends_on:
              db: {condition: service_healthy}
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "exit 1"]
            healthcheck: %s
        """.formatted(SERVER, NEVER_CHECKED));

    BerthRunner.Result up = stack.berth("up", "-d");

    assertThat(up.code()).as(up.toString()).isEqualTo(1);
    assertThat(up.err()).contains("dependency failed to start: container " + stack.project + "-db-1 exited (1)")
        .doesNotContain("\tat ");
    assertThat(stack.inspect("web").getState().getStatus()).isEqualTo("created");
  }

  /** R-12, as Compose's TestUpWithDependencyNotRequired: the failure is a warning and the dependent runs. */
  @Test
  void anOptionalDependencyThatFailsIsAWarningAndItsDependentStarts() {
    stack.write0("compose.yaml", """
        services:
          foo:
            image: ${IMAGE}
            command: %s
            depends_on:
              bar: {condition: service_healthy, required: false}
          bar:
            image: ${IMAGE}
            command: ["sh", "-c", "exit 1"]
            healthcheck: %s
        """.formatted(SERVER, NEVER_CHECKED));

    BerthRunner.Result up = stack.berth("up", "-d");

    assertThat(up.code()).as(up.toString()).isZero();
    assertThat(up.err()).contains("optional dependency \"bar\" failed to start: container " + stack.project
        + "-bar-1 exited (1)");
    assertThat(stack.inspect("foo").getState().getRunning()).isTrue();
  }

  /**
   * a service gone from the file leaves an orphan that up warns about; COMPOSE_REMOVE_ORPHANS
   * in the project's .env removes it, as Compose's TestRemoveOrphans; neither that nor down
   * touches a project whose name merely starts with ours.
   */
  @Test
  void orphansAreWarnedOfAndComposeRemoveOrphansInDotEnvRemovesOnlyThisProjects(@org.junit.jupiter.api.io.TempDir Path other) {
    String both = """
        services:
          app:
            image: ${IMAGE}
            command: %s
          old:
            image: ${IMAGE}
            command: %s
        """.formatted(SERVER, SERVER);
    String appOnly = both.substring(0, both.indexOf("  old:"));
    stack.write0("compose.yaml", both);
    stack.ok("up", "-d");
    BerthRunner sibling = new BerthRunner(other).env("IMAGE", image).env("COMPOSE_PROJECT_NAME", stack.project + "2");
    try {
      java.nio.file.Files.writeString(other.resolve("compose.yaml"), both);
      assertThat(sibling.run("up", "-d").code()).isZero();
      java.nio.file.Files.writeString(other.resolve("compose.yaml"), appOnly);
      stack.write0("compose.yaml", appOnly);

      BerthRunner.Result warned = stack.ok("up", "-d");
      assertThat(warned.err()).contains("Found orphan containers (" + stack.project + "-old-1) for this project.");
      assertThat(stack.inspect("old").getState().getRunning()).isTrue();

      stack.write0(".env", "COMPOSE_REMOVE_ORPHANS=true\n");
      BerthRunner.Result removed = stack.ok("up", "-d");

      assertThat(removed.err()).doesNotContain("Found orphan containers");
      assertThat(stack.containers()).extracting(c -> c.getLabels().get("com.docker.compose.service")).containsExactly("app");
      assertThat(stack.docker.inspectContainerCmd(stack.project + "2-old-1").exec().getState().getRunning())
          .as("the orphan of another project").isTrue();

      // down of this project leaves the project whose name starts with ours alone.
      stack.ok("down");
      assertThat(stack.containers()).isEmpty();
      assertThat(stack.docker.inspectContainerCmd(stack.project + "2-app-1").exec().getState().getRunning()).isTrue();
      assertThat(stack.networkExists(stack.project + "2_default")).isTrue();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      sibling.run("down", "-v", "--remove-orphans");
    }
  }

  /** containers removed by hand are no error for down, which removes the rest. */
  @Test
  void downAfterHalfTheContainersWereRemovedByHandSucceedsAndLeavesNothing() {
    stack.write0("compose.yaml", """
        services:
          a:
            image: ${IMAGE}
            command: %s
          b:
            image: ${IMAGE}
            command: %s
            depends_on: [a]
        """.formatted(SERVER, SERVER));
    stack.ok("up", "-d", "--scale", "b=2");
    stack.docker.removeContainerCmd(stack.project + "-a-1").withForce(true).exec();
    stack.docker.removeContainerCmd(stack.project + "-b-2").withForce(true).exec();

    BerthRunner.Result down = stack.berth("down");

    assertThat(down.code()).as(down.toString()).isZero();
    assertThat(down.err()).doesNotContain("Error", "\tat ");
    assertThat(stack.anythingOfProjectExists()).isFalse();
  }
}
