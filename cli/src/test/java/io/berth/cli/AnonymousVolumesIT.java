package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The data loss a user of an image like postgres met, through {@code bin/berth}: the database
 * lives in the image's own {@code VOLUME}, no volume is named in the file, and changing an
 * environment value must not start it on an empty directory.
 */
class AnonymousVolumesIT extends EngineStackTest {

  private String berth(Map<String, String> env, String... args) throws Exception {
    try (BerthProcess p = BerthProcess.start(dir, env, args)) {
      assertThat(p.awaitExit(Duration.ofSeconds(120))).as(String.join(" ", args) + "\n" + p.output()).isZero();
      return p.output();
    }
  }

  private Set<String> volumesOf(String container) {
    Set<String> names = new LinkedHashSet<>();
    stack.docker.inspectContainerCmd(container).exec().getMounts().forEach(m -> names.add(m.getName()));
    return names;
  }

  @Test
  void anEnvironmentChangeKeepsTheDatabaseAndRmVAndDownVLeaveNoVolumeBehind() throws Exception {
    String tag = "berth-it-dbimage-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
    Path context = Files.createDirectories(dir.resolve("image"));
    Files.writeString(context.resolve("Dockerfile"), "FROM " + image + "\nVOLUME /var/lib/db\n");
    stack.docker.buildImageCmd(context.toFile()).withTags(Set.of(tag)).withPull(false)
        .exec(new BuildImageResultCallback()).awaitImageId();
    try {
      stack.write("compose.yaml", """
          services:
            db:
              image: %s
              command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
              environment:
                MAX_CONNECTIONS: ${MAX_CONNECTIONS}
            cache:
              image: %s
              command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          """.formatted(tag, tag));
      Map<String, String> env = Map.of("COMPOSE_PROJECT_NAME", stack.project, "MAX_CONNECTIONS", "100");
      berth(env, "up", "-d");
      String db = stack.project + "-db-1";
      stack.execIn(db, "sh", "-c", "echo rows > /var/lib/db/table");
      Set<String> seen = new LinkedHashSet<>(volumesOf(db));
      String before = stack.containerId("db");

      berth(Map.of("COMPOSE_PROJECT_NAME", stack.project, "MAX_CONNECTIONS", "200"), "up", "-d");

      assertThat(stack.containerId("db")).isNotEqualTo(before);
      assertThat(stack.execIn(db, "cat", "/var/lib/db/table")).isEqualTo("rows\n");
      seen.addAll(volumesOf(db));
      assertThat(seen).hasSize(1);

      berth(Map.of("COMPOSE_PROJECT_NAME", stack.project, "MAX_CONNECTIONS", "200"), "up", "-d", "--force-recreate", "cache");
      Set<String> cache = volumesOf(stack.project + "-cache-1");
      berth(env, "rm", "-s", "-f", "-v", "cache");
      assertThat(cache).hasSize(1).noneMatch(stack::volumeExists);

      berth(env, "down", "-v");
      assertThat(seen).noneMatch(stack::volumeExists);
    } finally {
      stack.close();
      try {
        stack.docker.removeImageCmd(tag).exec();
      } catch (NotFoundException gone) {
        // Removed already.
      }
    }
  }
}
