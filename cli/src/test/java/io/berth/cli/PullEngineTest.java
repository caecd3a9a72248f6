package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PushResponseItem;
import io.berth.testsupport.EngineProbe;
import io.berth.testsupport.LocalRegistry;
import io.berth.testsupport.TestImages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** Images pulled for real, from a registry on 127.0.0.1, as the pull policy says. */
@Tag("engine")
class PullEngineTest {
  @TempDir Path dir;

  @Test
  void pullFetchesFromTheRegistryAndPullPolicyNeverRefusesAMissingImage(TestInfo info) throws Exception {
    EngineProbe.requireEngine();
    String busybox = TestImages.busybox();
    var docker = EngineProbe.client();
    try (LocalRegistry registry = LocalRegistry.start();
        StackFixture stack = new StackFixture(dir, info.getTestMethod().orElseThrow().getName(), docker)) {
      String repository = registry.host() + "/berth/busybox";
      docker.tagImageCmd(busybox, repository, "pulltest").exec();
      docker.pushImageCmd(repository).withTag("pulltest").exec(new ResultCallback.Adapter<PushResponseItem>()).awaitCompletion();
      TestImages.removeTag(docker, repository + ":pulltest");
      stack.berth.env("REMOTE", repository + ":pulltest").env("ABSENT", repository + ":absent");
      stack.write("compose.yaml", """
          services:
            remote:
              image: ${REMOTE}
              command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          """);

      BerthRunner.Result pulled = stack.ok("pull");

      assertThat(pulled.err()).contains("Image " + repository + ":pulltest  Pulling", "Pulled");
      assertThat(docker.inspectImageCmd(repository + ":pulltest").exec().getId()).isNotBlank();

      stack.write("compose.yaml", """
          services:
            absent:
              image: ${ABSENT}
              pull_policy: never
          """);
      BerthRunner.Result refused = stack.berth("up", "-d");
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err()).contains("is not present and pull_policy is never");
      assertThat(stack.containers()).isEmpty();

      stack.write("compose.yaml", """
          services:
            absent:
              image: ${ABSENT}
          """);
      BerthRunner.Result failed = stack.berth("pull");
      assertThat(failed.code()).isEqualTo(1);
      assertThat(failed.err()).contains("could not be pulled").doesNotContain("\tat ");
      assertThat(stack.berth("pull", "--ignore-pull-failures").code()).isZero();

      // As Compose: an image that cannot be pulled but can be built fails nothing; pull names it at
      // the end, up builds it; a service with no image has nothing to pull.
      stack.write("Dockerfile", "FROM " + busybox + "\n");
      stack.write("compose.yaml", """
          services:
            buildable:
              image: ${ABSENT}
              build: .
              pull_policy: always
              command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            local:
              build: .
          """);
      BerthRunner.Result buildable = stack.ok("pull");
      assertThat(buildable.err()).contains(" local  Skipped No image to be pulled",
          "Some service image(s) must be built from source by running:\n    berth build buildable");
      BerthRunner.Result built = stack.ok("up", "-d", "buildable");
      assertThat(built.err()).contains("pull failed, building it");
      assertThat(stack.inspect("buildable").getState().getRunning()).isTrue();
      TestImages.removeTag(docker, repository + ":absent");

      // pull follows the policy: an image present and not latest is left alone under missing, never pulls.
      stack.write("compose.yaml", """
          services:
            present:
              image: ${REMOTE}
              pull_policy: missing
            pinned:
              image: ${REMOTE}
              pull_policy: never
          """);
      BerthRunner.Result policies = stack.ok("pull");
      assertThat(policies.err()).contains("Image " + repository + ":pulltest  Skipped Image is already present locally")
          .doesNotContain("Pulling");

      // Refresh policies pull again once the image was last tagged longer ago than their interval.
      stack.write("compose.yaml", """
          services:
            remote:
              image: ${REMOTE}
              pull_policy: daily
              command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          """);
      assertThat(stack.ok("up", "-d").err()).doesNotContain("Pulling");
      Thread.sleep(1100);
      stack.write("compose.yaml", """
          services:
            remote:
              image: ${REMOTE}
              pull_policy: every_1s
              command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          """);
      assertThat(stack.ok("up", "-d").err()).contains("Image " + repository + ":pulltest  Pulling", "Pulled");
      stack.ok("down");

      // up plans before it pulls: a missing external network stops it before the image is fetched.
      TestImages.removeTag(docker, repository + ":pulltest");
      stack.write("compose.yaml", """
          services:
            remote:
              image: ${REMOTE}
              networks: [outside]
          networks:
            outside:
              external: true
              name: berth-pulltest-absent
          """);
      BerthRunner.Result stopped = stack.berth("up", "-d");
      assertThat(stopped.code()).isEqualTo(1);
      assertThat(stopped.err()).contains("network berth-pulltest-absent declared as external, but could not be found")
          .doesNotContain("Pulling");
      assertThatThrownBy(() -> docker.inspectImageCmd(repository + ":pulltest").exec()).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void pullFlagsWidenNarrowAndOverrideWhatIsPulled(TestInfo info) throws Exception {
    EngineProbe.requireEngine();
    String busybox = TestImages.busybox();
    var docker = EngineProbe.client();
    try (LocalRegistry registry = LocalRegistry.start();
        StackFixture stack = new StackFixture(dir, info.getTestMethod().orElseThrow().getName(), docker)) {
      String repository = registry.host() + "/berth/pullflags";
      for (String tag : List.of("web", "db", "built")) {
        docker.tagImageCmd(busybox, repository, tag).exec();
        docker.pushImageCmd(repository).withTag(tag).exec(new ResultCallback.Adapter<PushResponseItem>()).awaitCompletion();
        TestImages.removeTag(docker, repository + ":" + tag);
      }
      String web = repository + ":web";
      String db = repository + ":db";
      String built = repository + ":built";
      stack.berth.env("WEB", web).env("DB", db).env("BUILT", built);
      stack.write("app/Dockerfile", "FROM scratch\n");
      stack.write("compose.yaml", """
          services:
            web:
              image: ${WEB}
              depends_on: [db]
            db:
              image: ${DB}
            built:
              image: ${BUILT}
              build: ./app
          """);

      // A named service alone, unless --include-deps brings what it depends on.
      stack.ok("pull", "web");
      assertThat(present(web)).isTrue();
      assertThat(present(db)).isFalse();
      assertThat(stack.ok("pull", "--include-deps", "web").err()).contains("Image " + db + "  Pulling", "Image " + web + "  Pulling");
      assertThat(present(db)).isTrue();

      // --ignore-buildable leaves alone the image of a service that has a build section.
      BerthRunner.Result ignored = stack.ok("pull", "--ignore-buildable");
      assertThat(ignored.err()).contains("Image " + built + "  Skipped Image can be built").doesNotContain("Image " + built + "  Pulling");
      assertThat(present(built)).isFalse();
      stack.ok("pull", "built");
      assertThat(present(built)).isTrue();

      // --policy missing pulls only what is absent; without it, pull fetches every image again.
      TestImages.removeTag(docker, db);
      BerthRunner.Result missing = stack.ok("pull", "--policy", "missing");
      assertThat(missing.err()).contains("Image " + db + "  Pulling", "Image " + web + "  Skipped Image is already present locally",
          "Image " + built + "  Skipped Image is already present locally").doesNotContain("Image " + web + "  Pulling");
      assertThat(present(db)).isTrue();
      assertThat(stack.ok("pull", "web").err()).contains("Image " + web + "  Pulling");

      // --policy always overrides the file's pull_policy for this pull.
      stack.write("compose.yaml", """
          services:
            web:
              image: ${WEB}
              pull_policy: never
          """);
      assertThat(stack.ok("pull").err()).doesNotContain("Pulling");
      assertThat(stack.ok("pull", "--policy", "always").err()).contains("Image " + web + "  Pulling", "Pulled");

      // The deprecated flags are accepted and ignored, with Compose's notice.
      BerthRunner.Result deprecated = stack.ok("pull", "--parallel", "--no-parallel=false", "--policy", "missing");
      assertThat(deprecated.err()).startsWith("option '--no-parallel' is DEPRECATED and will be ignored.\n"
          + "option '--parallel' is DEPRECATED and will be ignored.\n");

      for (String ref : List.of(web, db, built)) {
        TestImages.removeTag(docker, ref);
      }
    }
  }

  private static boolean present(String image) {
    try {
      EngineProbe.client().inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
