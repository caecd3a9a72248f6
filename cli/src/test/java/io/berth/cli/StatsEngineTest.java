package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** stats --no-stream: one table of the project's containers, as docker stats prints it. */
class StatsEngineTest extends EngineStackTest {
  /** A row's figures: a share, a size over a size, a share, two pairs of sizes, a count. */
  private static final String FIGURES =
      " +\\d+\\.\\d\\d% +[\\d.e+]+[KMGT]?i?B / [\\d.e+]+[KMGT]?i?B +\\d+\\.\\d\\d% +[\\d.e+]+[kMGT]?B / [\\d.e+]+[kMGT]?B"
          + " +[\\d.e+]+[kMGT]?B / [\\d.e+]+[kMGT]?B +\\d+";

  @BeforeEach
  void twoRunningServices() {
    stack.write0("compose.yaml", """
        services:
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          gone:
            image: ${IMAGE}
            command: ["true"]
        """);
    stack.ok("up", "-d");
    stack.ok("stop", "gone");
  }

  @Test
  void noStreamPrintsARowPerRunningContainerUnderDockersHeader() {
    List<String> lines = stack.ok("stats", "--no-stream").out().lines().toList();

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("CONTAINER ID   NAME +CPU %     MEM USAGE / LIMIT +MEM %     NET I/O +BLOCK I/O +PIDS");
    assertThat(lines.get(1)).matches(shortId("db") + "   " + stack.project + "-db-1" + FIGURES);
    assertThat(lines.get(2)).matches(shortId("web") + "   " + stack.project + "-web-1" + FIGURES);
    // The columns line up under their titles.
    assertThat(lines.get(1).indexOf(stack.project)).isEqualTo(lines.get(0).indexOf("NAME"));
    assertThat(lines.get(1).lastIndexOf(' ') + 1).isEqualTo(lines.get(0).indexOf("PIDS"));
  }

  @Test
  void aServiceAllAndTheFormats() throws Exception {
    assertThat(stack.ok("stats", "--no-stream", "web").out().lines().skip(1))
        .singleElement().asString().startsWith(shortId("web") + "   " + stack.project + "-web-1");

    // A stopped container has no figures: all zero.
    List<String> all = stack.ok("stats", "--no-stream", "-a", "--no-trunc", "--format", "{{.ID}} {{.Name}} {{.CPUPerc}} {{.PIDs}}").out()
        .lines().toList();
    assertThat(all).contains(stack.containerId("gone") + " " + stack.project + "-gone-1 0.00% 0");
    assertThat(all).hasSize(3);

    JsonNode web = new ObjectMapper().readTree(stack.ok("stats", "--no-stream", "--format", "json", "web").out());
    assertThat(web.get("Name").asText()).isEqualTo(stack.project + "-web-1");
    assertThat(web.get("Container").asText()).isEqualTo(stack.containerId("web"));
    assertThat(web.get("PIDs").asText()).isEqualTo("2");
  }

  @Test
  void refusesAnUnknownServiceOrField() {
    BerthRunner.Result service = stack.berth("stats", "--no-stream", "nope");
    assertThat(service.code()).isNotZero();
    assertThat(service.err()).isEqualTo("no such service: nope\n");
    BerthRunner.Result field = stack.berth("stats", "--no-stream", "--format", "{{.CPU}}");
    assertThat(field.code()).isNotZero();
    assertThat(field.err()).startsWith("invalid --format \"{{.CPU}}\": template has no field \"CPU\"");
  }

  private String shortId(String service) {
    return stack.containerId(service).substring(0, 12);
  }
}
