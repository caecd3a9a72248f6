package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.testsupport.EngineProbe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code images --format} and {@code ls --filter} against the real Engine, in Compose's output. */
class ImagesLsEngineTest extends EngineStackTest {
  @BeforeEach
  void upTwoServices() throws Exception {
    stack.write("compose.yaml", """
        services:
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """);
    stack.ok("up", "-d");
  }

  @Test
  void imagesJsonTellsEachContainersImageWithComposesFields() throws Exception {
    var inspect = EngineProbe.client().inspectImageCmd(image).exec();
    int colon = image.lastIndexOf(':');

    String out = stack.ok("images", "--format", "json").out();
    assertThat(out).endsWith("]\n\n");
    JsonNode rows = new ObjectMapper().readTree(out);
    assertThat(rows).hasSize(2);
    List<String> containers = new ArrayList<>();
    for (JsonNode row : rows) {
      List<String> fields = new ArrayList<>();
      row.fieldNames().forEachRemaining(fields::add);
      assertThat(fields.subList(0, 7)).containsExactly("ID", "ContainerName", "Repository", "Tag", "Platform", "Size", "Created");
      assertThat(fields.subList(7, fields.size())).isSubsetOf("LastTagTime");
      containers.add(row.get("ContainerName").asText());
      assertThat(row.get("ID").asText()).isEqualTo(inspect.getId());
      assertThat(row.get("Repository").asText()).isEqualTo(image.substring(0, colon));
      assertThat(row.get("Tag").asText()).isEqualTo(image.substring(colon + 1));
      assertThat(row.get("Platform").asText()).isEqualTo(inspect.getOs() + "/" + inspect.getArch());
      assertThat(row.get("Size").isIntegralNumber()).isTrue();
      assertThat(row.get("Size").asLong()).isEqualTo(inspect.getSize());
      assertThat(row.get("Created").asText()).isEqualTo(inspect.getCreated());
    }
    assertThat(containers).containsExactlyInAnyOrder(stack.project + "-web-1", stack.project + "-db-1");

    JsonNode web = new ObjectMapper().readTree(stack.ok("images", "--format", "json", "web").out());
    assertThat(web).hasSize(1);
    assertThat(web.get(0).get("ContainerName").asText()).isEqualTo(stack.project + "-web-1");

    // table is the default, and the same output.
    assertThat(stack.ok("images", "--format", "table", "db").out()).isEqualTo(stack.ok("images", "db").out())
        .containsPattern("CONTAINER +REPOSITORY +TAG +PLATFORM +IMAGE ID +SIZE +CREATED\n" + stack.project + "-db-1 +");
  }

  @Test
  void lsFilterKeepsTheProjectsWhoseNameMatches() {
    assertThat(stack.ok("ls", "--filter", "name=" + stack.project).out()).contains(stack.project + " ");
    // As Compose, a value is also a regular expression found in the name.
    assertThat(stack.ok("ls", "-q", "--filter", "name=^" + stack.project.substring(0, 12) + ".*" + "$").out().lines())
        .contains(stack.project);
    assertThat(stack.ok("ls", "-q", "--filter", "NAME = " + stack.project.substring(3)).out().lines()).contains(stack.project);
    // Filters on name are or'ed.
    assertThat(stack.ok("ls", "-q", "--filter", "name=no-such-project-x", "--filter", "name=" + stack.project).out().lines())
        .contains(stack.project);
    assertThat(stack.ok("ls", "-q", "--filter", "name=" + stack.project + "-other").out().lines()).doesNotContain(stack.project);
    assertThat(stack.ok("ls", "--format", "json", "--filter", "name=" + stack.project + "x").out()).doesNotContain(stack.project);
  }
}
