package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ps's table, JSON and templates, as Compose's ps prints them through the docker CLI's formatter. */
class PsFormatEngineTest extends EngineStackTest {

  private void upStack() throws Exception {
    stack.write("compose.yaml", """
        services:
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            ports: ["127.0.0.1::8080"]
            healthcheck: {test: ["CMD", "true"], interval: 1s}
          job:
            image: ${IMAGE}
            command: ["sh", "-c", "exit 3"]
        """);
    stack.ok("up", "-d", "--wait", "web");
    stack.ok("up", "-d", "job");
    assertThat(stack.berth("wait", "job").code()).isEqualTo(3);
  }

  @Test
  void jsonHasEveryFieldOfComposesContainerContext() throws Exception {
    upStack();

    Map<String, JsonNode> byService = stack.ok("ps", "-a", "--format", "json").out().lines()
        .map(PsFormatEngineTest::json)
        .collect(Collectors.toMap(j -> j.get("Service").asText(), j -> j));

    JsonNode web = byService.get("web");
    assertThat(iterable(web.fieldNames())).containsExactly("Command", "CreatedAt", "Engine", "ExitCode", "Health", "ID", "Image",
        "Labels", "LocalVolumes", "Mounts", "Name", "Names", "Networks", "Ports", "Project", "Publishers", "RunningFor", "Service",
        "Size", "State", "Status");
    assertThat(web.get("Name").asText()).isEqualTo(stack.project + "-web-1");
    assertThat(web.get("ID").asText()).hasSize(12);
    assertThat(web.get("Health").asText()).isEqualTo("healthy");
    assertThat(web.get("State").asText()).isEqualTo("running");
    assertThat(web.get("Networks").asText()).isEqualTo(stack.project + "_default");
    assertThat(web.get("Publishers").get(0).get("TargetPort").asInt()).isEqualTo(8080);
    assertThat(web.get("Publishers").get(0).get("URL").asText()).isEqualTo("127.0.0.1");
    assertThat(web.get("Ports").asText()).matches("127\\.0\\.0\\.1:[0-9]+->8080/tcp");
    assertThat(web.get("Command").asText()).startsWith("\"sh -c 'trap").endsWith("…\"");

    JsonNode job = byService.get("job");
    assertThat(job.get("ExitCode").isInt()).isTrue();
    assertThat(job.get("ExitCode").asInt()).isEqualTo(3);
    assertThat(job.get("Health").asText()).isEmpty();
    assertThat(job.get("State").asText()).isEqualTo("exited");
  }

  @Test
  void theTableAndTemplatesAreLaidOutAsTheDockerCli() throws Exception {
    upStack();

    List<String> table = stack.ok("ps").out().lines().toList();
    // Go's tabwriter as the docker CLI sets it: a column is its widest cell and three spaces, at least ten.
    assertThat(table.get(0)).startsWith("NAME" + " ".repeat(stack.project.length() + 6 + 3 - 4) + "IMAGE");
    assertThat(table).hasSize(2);
    assertThat(table.get(1)).contains("   web       ", "(healthy)");

    assertThat(stack.ok("ps", "-a", "--format", "{{.Service}} {{.State}} {{.ExitCode}}").out().lines())
        .containsExactlyInAnyOrder("web running 0", "job exited 3");
    assertThat(stack.ok("ps", "--format", "table {{.Service}}\t{{.Health}}").out())
        .isEqualTo("SERVICE   \nweb       healthy\n");

    BerthRunner.Result unknown = stack.berth("ps", "--format", "{{.Nope}}");
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("template has no field \"Nope\"");
  }

  private static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
