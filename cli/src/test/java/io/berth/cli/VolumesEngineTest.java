package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** volumes: the project's named volumes, narrowed to those the named services mount. */
class VolumesEngineTest extends EngineStackTest {
  @BeforeEach
  void stackWithTwoVolumes() {
    stack.write0("compose.yaml", """
        services:
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            volumes: [data:/data]
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            volumes: [cache:/cache]
        volumes:
          data:
          cache:
            labels:
              tier: back
        """);
    stack.ok("up", "-d");
  }

  @Test
  void listsTheProjectsVolumesInDockersTable() {
    String cache = stack.project + "_cache";
    String data = stack.project + "_data";

    assertThat(stack.ok("volumes").out()).isEqualTo("""
        DRIVER    VOLUME NAME
        local     %s
        local     %s
        """.formatted(cache, data));
    assertThat(stack.ok("volumes", "web").out()).isEqualTo("DRIVER    VOLUME NAME\nlocal     " + data + "\n");
    assertThat(stack.ok("volumes", "-q", "db").out()).isEqualTo(cache + "\n");
  }

  @Test
  void formatsAsJsonOrATemplate() throws Exception {
    String cache = stack.project + "_cache";

    JsonNode json = new ObjectMapper().readTree(stack.ok("volumes", "--format", "json", "db").out());
    assertThat(json.get("Name").asText()).isEqualTo(cache);
    assertThat(json.get("Driver").asText()).isEqualTo("local");
    assertThat(json.get("Labels").asText()).contains("tier=back", "com.docker.compose.volume=cache");

    assertThat(stack.ok("volumes", "--format", "{{.Name}} {{.Scope}}", "db").out()).isEqualTo(cache + " local\n");
    assertThat(stack.ok("volumes", "--format", "table {{.Name}}\\t{{.Driver}}", "db").out())
        .isEqualTo("VOLUME NAME" + " ".repeat(Math.max(3, cache.length() + 3 - 11)) + "DRIVER\n" + cache + "   local\n");
  }

  @Test
  void refusesAnUnknownServiceOrField() {
    BerthRunner.Result service = stack.berth("volumes", "nope");
    assertThat(service.code()).isNotZero();
    assertThat(service.err()).isEqualTo("no such service: nope\n");

    BerthRunner.Result field = stack.berth("volumes", "--format", "{{.Nope}}");
    assertThat(field.code()).isNotZero();
    assertThat(field.err()).startsWith("invalid --format \"{{.Nope}}\": template has no field \"Nope\": the fields are Name, Driver");
  }
}
