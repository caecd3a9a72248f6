package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.PushResponseItem;
import io.berth.testsupport.LocalRegistry;
import io.berth.testsupport.TestImages;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The flags of {@code up} beyond convergence itself, against the real Engine. */
class UpFlagsEngineTest extends EngineStackTest {

  /**
   * The container ignores SIGTERM and asks for an hour's grace: the recreate finishes only because
   * {@code -t 1} reached its stop, which then killed it.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void timeoutIsTheGracePeriodOfTheStopOfARecreate() throws Exception {
    stack.write("compose.yaml", """
        services:
          stubborn:
            image: ${IMAGE}
            command: ["sh", "-c", "trap '' TERM; while true; do sleep 1; done"]
            stop_grace_period: 1h
            environment:
              ROUND: ${ROUND}
        """);
    try {
      stack.berth.env("ROUND", "1");
      stack.ok("up", "-d");
      String old = stack.containerId("stubborn");
      long since = Instant.now().getEpochSecond() - 1;

      stack.berth.env("ROUND", "2");
      BerthRunner.Result recreated = stack.ok("up", "-d", "-t", "1");

      assertThat(recreated.err()).contains("Recreate");
      assertThat(stack.containerId("stubborn")).isNotEqualTo(old);
      assertThat(stack.inspect("stubborn").getState().getRunning()).isTrue();
      // The old container ended by the kill that follows the grace period, not by the TERM it ignored.
      assertThat(dieExitCodes(old, since)).containsExactly("137");
    } finally {
      // The fixture's down would give the container its hour.
      stack.berth("down", "-t", "0");
    }
  }

  @Test
  void noLogPrefixAndTimestampsShapeTheAttachedOutput() throws Exception {
    stack.write("compose.yaml", """
        services:
          job:
            image: ${IMAGE}
            command: ["sh", "-c", "echo job-line"]
        """);

    BerthRunner.Result plain = stack.ok("up", "--no-log-prefix", "--timestamps", "--no-color", "--menu", "-y");

    assertThat(plain.out()).contains("Attaching to job-1")
        .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z job-line$")
        .doesNotContain("job-1  |", "\u001b[");

    BerthRunner.Result prefixed = stack.ok("up");
    assertThat(prefixed.out()).containsPattern("(?m)^job-1  \\| job-line$");
  }

  @Test
  void attachDependenciesAlsoFollowsTheDependenciesOfTheServicesNamed() throws Exception {
    stack.write("compose.yaml", """
        services:
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "sleep 1; echo web-line"]
            depends_on: [db]
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "echo db-line"]
        """);

    BerthRunner.Result named = stack.ok("up", "web");
    assertThat(named.out()).contains("Attaching to web-1\n", "web-1  | web-line").doesNotContain("db-line");

    BerthRunner.Result withDependencies = stack.ok("up", "--attach-dependencies", "web");
    assertThat(withDependencies.out()).contains("Attaching to db-1, web-1", "db-1   | db-line", "web-1  | web-line");
  }

  @Test
  void watchIsRefusedAndMissingImagesStopUpBeforeAnythingIsCreated() throws Exception {
    stack.berth.env("ABSENT", "berth-test/absent-" + stack.project + ":1");
    stack.write("Dockerfile", "FROM " + image + "\n");
    stack.write("compose.yaml", """
        services:
          db:
            image: ${IMAGE}
          app:
            image: ${ABSENT}
            depends_on: [db]
          built:
            build: .
        """);

    BerthRunner.Result watch = stack.berth("up", "--watch");
    assertThat(watch.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(watch.err().strip()).isEqualTo("--watch is not supported by berth yet");

    BerthRunner.Result never = stack.berth("up", "-d", "--pull", "never", "app");
    assertThat(never.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(never.err()).contains("is not present and --pull is never");

    BerthRunner.Result noBuild = stack.berth("up", "-d", "--no-build", "built");
    assertThat(noBuild.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(noBuild.err()).contains("No such image: " + stack.project + "-built", "--no-build");

    assertThat(stack.anythingOfProjectExists()).isFalse();
  }

  @Test
  void pullAlwaysPullsAPresentImageAndQuietPullLeavesOutTheLayers() throws Exception {
    var docker = stack.docker;
    try (LocalRegistry registry = LocalRegistry.start()) {
      String repository = registry.host() + "/berth/busybox";
      docker.tagImageCmd(image, repository, "quiet").exec();
      docker.pushImageCmd(repository).withTag("quiet").exec(new ResultCallback.Adapter<PushResponseItem>()).awaitCompletion();
      stack.berth.env("REMOTE", repository + ":quiet");
      stack.write("compose.yaml", """
          services:
            remote:
              image: ${REMOTE}
              pull_policy: missing
              command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          """);
      try {
        // Present, and missing says leave it: --pull always pulls it all the same.
        assertThat(stack.ok("up", "-d").err()).doesNotContain("Pulling");
        BerthRunner.Result loud = stack.ok("up", "-d", "--pull", "always");
        assertThat(loud.err()).contains("Image " + repository + ":quiet  Pulling", "Pulled", "quiet Pulling from berth/busybox");

        BerthRunner.Result quiet = stack.ok("up", "-d", "--pull", "always", "--quiet-pull");
        assertThat(quiet.err()).contains("Image " + repository + ":quiet  Pulling", "Pulled")
            .doesNotContain("Pulling from");
      } finally {
        stack.ok("down");
        TestImages.removeTag(docker, repository + ":quiet");
      }
    }
  }

  /** The exit codes of {@code container}'s die events since {@code since}, as the Engine recorded them. */
  private List<String> dieExitCodes(String container, long since) throws InterruptedException {
    List<String> codes = new CopyOnWriteArrayList<>();
    stack.docker.eventsCmd().withSince(Long.toString(since)).withUntil(Long.toString(Instant.now().getEpochSecond() + 1))
        .withContainerFilter(container).withEventFilter("die")
        .exec(new ResultCallback.Adapter<Event>() {
          @Override
          public void onNext(Event event) {
            codes.add(event.getActor().getAttributes().get("exitCode"));
          }
        }).awaitCompletion(30, TimeUnit.SECONDS);
    return codes;
  }
}
