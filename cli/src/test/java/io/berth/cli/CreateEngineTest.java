package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import io.berth.testsupport.TestImages;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code berth create}: Compose's create, that is {@code up --no-start}, against the real Engine. */
class CreateEngineTest extends EngineStackTest {
  private static final String STACK = """
      services:
        web:
          image: ${IMAGE}
          command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          depends_on: [db]
        db:
          image: ${IMAGE}
          command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        other:
          image: ${IMAGE}
          command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
      """;

  @Test
  void createMakesTheContainersWithComposesLabelsStartsNoneAndStartRunsThem() throws Exception {
    stack.write("compose.yaml", STACK);

    BerthRunner.Result created = stack.ok("create", "web");

    assertThat(stack.containers()).extracting(c -> c.getLabels().get("com.docker.compose.service"))
        .containsExactlyInAnyOrder("web", "db");
    assertThat(stack.containers()).allSatisfy(c -> assertThat(c.getState()).isEqualTo("created"));
    var web = stack.inspect("web");
    Map<String, String> labels = web.getConfig().getLabels();
    assertThat(labels).containsEntry("com.docker.compose.project", stack.project)
        .containsEntry("com.docker.compose.service", "web")
        .containsEntry("com.docker.compose.container-number", "1")
        .containsEntry("com.docker.compose.oneoff", "False")
        .containsEntry("com.docker.compose.depends_on", "db:service_started:false")
        .containsKey("com.docker.compose.config-hash");
    assertThat(web.getState().getStartedAt()).startsWith("0001-01-01");
    // As up prints them, a dependency's container before its dependent's, and no Starting line.
    String db = stack.project + "-db-1";
    String webName = stack.project + "-web-1";
    assertThat(created.err()).contains("Network " + stack.project + "_default  Created",
        "Container " + db + "  Creating", "Container " + db + "  Created",
        "Container " + webName + "  Creating", "Container " + webName + "  Created").doesNotContain("Start");
    assertThat(created.err().indexOf("Container " + db + "  Created"))
        .isLessThan(created.err().indexOf("Container " + webName + "  Creating"));

    stack.ok("start");

    assertThat(stack.containers()).hasSize(2).allSatisfy(c -> assertThat(c.getState()).isEqualTo("running"));
    // A second create leaves what matches alone: nothing is recreated or stopped.
    String webId = stack.containerId("web");
    BerthRunner.Result again = stack.ok("create");
    assertThat(stack.containerId("web")).isEqualTo(webId);
    assertThat(stack.inspect("web").getState().getRunning()).isTrue();
    assertThat(stack.inspect("other").getState().getStatus()).isEqualTo("created");
    assertThat(again.err()).doesNotContain("Recreate", "Stopping");
  }

  @Test
  void createScalesAndForceRecreatesAndRemovesOrphans() throws Exception {
    stack.write("compose.yaml", STACK);
    stack.ok("create", "--scale", "other=2", "other");
    assertThat(stack.containers()).extracting(Container::getState).containsExactly("created", "created");

    String first = stack.containerId("other");
    stack.ok("create", "--force-recreate", "--scale", "other=2", "other");
    assertThat(stack.containerId("other")).isNotEqualTo(first);
    assertThat(stack.containers()).hasSize(2).allSatisfy(c -> assertThat(c.getState()).isEqualTo("created"));

    stack.write("compose.yaml", """
        services:
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """);
    BerthRunner.Result warned = stack.ok("create", "-y");
    assertThat(warned.err()).contains("Found orphan containers");
    // COMPOSE_IGNORE_ORPHANS, read from the project's .env as Compose reads it: no warning, and no --remove-orphans with it.
    stack.write(".env", "COMPOSE_IGNORE_ORPHANS=True\n");
    assertThat(stack.ok("create").err()).doesNotContain("orphan");
    BerthRunner.Result combined = stack.berth("up", "-d", "--remove-orphans");
    assertThat(combined.code()).isNotZero();
    assertThat(combined.err()).contains("cannot combine COMPOSE_IGNORE_ORPHANS and --remove-orphans");
    assertThat(stack.containers()).hasSize(3);
    stack.write(".env", "");
    stack.ok("create", "--remove-orphans");
    assertThat(stack.containers()).extracting(c -> c.getLabels().get("com.docker.compose.service")).containsExactly("db");
    assertThat(stack.inspect("db").getConfig().getLabels().get("com.docker.compose.config-hash")).isNotBlank();
  }

  @Test
  void pullNeverWithAMissingImageFailsBeforeAnythingIsCreated() throws Exception {
    stack.berth.env("ABSENT", "berth-test/absent-" + stack.project + ":1");
    stack.write("compose.yaml", """
        services:
          db:
            image: ${IMAGE}
          app:
            image: ${ABSENT}
            depends_on: [db]
        """);

    BerthRunner.Result refused = stack.berth("create", "--pull", "never");

    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(refused.err().strip()).isEqualTo("service \"app\": image berth-test/absent-" + stack.project
        + ":1 is not present and --pull is never");
    assertThat(stack.anythingOfProjectExists()).isFalse();
  }

  @Test
  void noBuildWithAnImageOnlyABuildCouldMakeFailsClearly() throws Exception {
    stack.write("Dockerfile", "FROM " + image + "\n");
    stack.write("compose.yaml", """
        services:
          app:
            build: .
        """);

    BerthRunner.Result refused = stack.berth("create", "--no-build");

    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(refused.err().strip()).isEqualTo("service \"app\": No such image: " + stack.project
        + "-app (it has a build section, but --no-build was given)");
    assertThat(refused.err()).doesNotContain("Building");
    assertThat(stack.anythingOfProjectExists()).isFalse();

    // Without --no-build the same create builds it; with the image there, --no-build uses it.
    try {
      stack.ok("create");
      stack.ok("rm", "-f");
      BerthRunner.Result reused = stack.ok("create", "--no-build");
      assertThat(reused.err()).doesNotContain("Building");
      assertThat(stack.inspect("app").getState().getStatus()).isEqualTo("created");
    } finally {
      stack.ok("down");
      TestImages.removeTag(stack.docker, stack.project + "-app");
    }
  }

  @Test
  void theHashCreateWritesIsUpsSoUpKeepsWhatCreateMade() throws Exception {
    stack.write("compose.yaml", STACK);
    stack.ok("create", "db");
    String id = stack.containerId("db");

    BerthRunner.Result up = stack.ok("up", "-d", "db");

    assertThat(stack.containerId("db")).isEqualTo(id);
    assertThat(up.err()).doesNotContain("Recreate");
    assertThat(stack.inspect("db").getState().getRunning()).isTrue();
  }
}
