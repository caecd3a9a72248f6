package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The walking skeleton's promises, checked against the real Engine through the command line. */
class UpDownEngineTest extends EngineStackTest {
  /**
   * web serves a page on 127.0.0.1, api serves another that web fetches by name, db keeps a boot
   * log in a named volume. Each process traps TERM so that stopping takes no grace period.
   */
  private static final String STACK = """
      services:
        web:
          image: ${IMAGE}
          command: ["sh", "-c", "trap 'exit 0' TERM; httpd -f -p 8080 -h /www & wait"]
          ports:
            - "127.0.0.1:${WEB_PORT}:8080"
          volumes:
            - ./www:/www:ro
          depends_on: [api]
        api:
          image: ${IMAGE}
          command: ["sh", "-c", "trap 'exit 0' TERM; httpd -f -p 8081 -h /api & wait"]
          environment:
            MODE: ${API_MODE:-normal}
          volumes:
            - ./api:/api:ro
          depends_on: [db]
        db:
          image: ${IMAGE}
          command: ["sh", "-c", "date >> /data/boots; trap 'exit 0' TERM; sleep 3600 & wait"]
          volumes:
            - data:/data
      volumes:
        data:
      """;

  private int port;

  @BeforeEach
  void writeStack() throws IOException {
    port = StackFixture.freePort();
    stack.berth.env("IMAGE", image).env("WEB_PORT", Integer.toString(port));
    stack.write("compose.yaml", STACK);
    stack.write("www/index.html", "hello from web\n");
    stack.write("api/index.html", "hello from api\n");
  }

  @Test
  void upStartsInDependencyOrderServesAndDownKeepsTheNamedVolume() throws Exception {
    stack.ok("up", "-d");

    Instant db = Instant.parse(stack.inspect("db").getState().getStartedAt());
    Instant api = Instant.parse(stack.inspect("api").getState().getStartedAt());
    Instant web = Instant.parse(stack.inspect("web").getState().getStartedAt());
    assertThat(db).isBefore(api);
    assertThat(api).isBefore(web);

    assertThat(get("http://127.0.0.1:" + port + "/")).isEqualTo("hello from web\n");
    assertThat(stack.exec("web", "wget", "-qO-", "http://api:8081/")).isEqualTo("hello from api\n");

    BerthRunner.Result ps = stack.ok("ps");
    assertThat(ps.out().lines().toList()).hasSize(4);
    assertThat(ps.out()).startsWith("NAME").contains("SERVICE", "STATUS");
    for (String s : List.of("web", "api", "db")) {
      assertThat(ps.out()).containsPattern(stack.project + "-" + s + "-1 .* " + s + " .*Up ");
    }
    assertThat(ps.out()).contains("127.0.0.1:" + port + "->8080/tcp");
    assertThat(stack.ok("port", "web", "8080").out()).isEqualTo("127.0.0.1:" + port + "\n");
    assertThat(stack.ok("ls").out()).containsPattern(stack.project + " +running\\(3\\) +" + java.util.regex.Pattern.quote(dir.resolve("compose.yaml").toString()));

    stack.ok("down");
    assertThat(stack.containers()).isEmpty();
    assertThat(stack.networkExists(stack.project + "_default")).isFalse();
    assertThat(stack.volumeExists(stack.project + "_data")).isTrue();

    stack.ok("up", "-d");
    assertThat(stack.exec("db", "cat", "/data/boots").lines()).hasSize(2);

    stack.ok("down", "-v");
    assertThat(stack.volumeExists(stack.project + "_data")).isFalse();
    assertThat(stack.anythingOfProjectExists()).isFalse();
  }

  @Test
  void downLeavesANetworkAndVolumeAForeignContainerStillUsesWithAWarning() {
    stack.ok("up", "-d");
    String foreign = stack.docker.createContainerCmd(image).withName(stack.project + "-foreign").withCmd("sleep", "60")
        .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig()
            .withNetworkMode(stack.project + "_default")
            .withBinds(com.github.dockerjava.api.model.Bind.parse(stack.project + "_data:/x")))
        .exec().getId();
    try {
      stack.docker.startContainerCmd(foreign).exec();

      // As Compose: the project's containers go, what the foreign container uses stays, and down succeeds.
      BerthRunner.Result down = stack.ok("down", "-v");

      assertThat(down.err()).contains("Network " + stack.project + "_default  Warning Resource is still in use",
          "Volume " + stack.project + "_data  Warning Resource is still in use");
      assertThat(stack.docker.inspectContainerCmd(foreign).exec().getState().getRunning()).isTrue();
      assertThat(stack.docker.inspectNetworkCmd().withNetworkId(stack.project + "_default").exec().getContainers()).hasSize(1);
    } finally {
      stack.docker.removeContainerCmd(foreign).withForce(true).exec();
    }
    BerthRunner.Result again = stack.ok("down", "-v");
    assertThat(again.err()).contains("Network " + stack.project + "_default  Removed", "Volume " + stack.project + "_data  Removed");
    // Nothing left: down is idempotent, and says so in Compose's words.
    assertThat(stack.ok("down", "-v").err()).contains("Warning: No resource found to remove for project \"" + stack.project + "\".");
  }

  @Test
  void resourcesCarryComposeLabels() {
    stack.ok("up", "-d");

    Map<String, String> labels = stack.inspect("web").getConfig().getLabels();
    assertThat(labels).containsEntry("com.docker.compose.project", stack.project)
        .containsEntry("com.docker.compose.service", "web")
        .containsEntry("com.docker.compose.container-number", "1")
        .containsEntry("com.docker.compose.oneoff", "False")
        .containsEntry("com.docker.compose.project.working_dir", dir.toString())
        .containsEntry("com.docker.compose.project.config_files", dir.resolve("compose.yaml").toString())
        .containsKeys("com.docker.compose.config-hash", "com.docker.compose.version");
    assertThat(stack.ok("config", "--hash", "web").out())
        .isEqualTo("web " + labels.get("com.docker.compose.config-hash") + "\n");
    var network = stack.docker.inspectNetworkCmd().withNetworkId(stack.project + "_default").exec();
    assertThat(network.getLabels()).containsEntry("com.docker.compose.project", stack.project)
        .containsEntry("com.docker.compose.network", "default");
    var volume = stack.docker.inspectVolumeCmd(stack.project + "_data").exec();
    assertThat(volume.getLabels()).containsEntry("com.docker.compose.project", stack.project)
        .containsEntry("com.docker.compose.volume", "data");
  }

  @Test
  void secondUpKeepsEveryContainerAndAChangedServiceAloneIsRecreated() {
    stack.ok("up", "-d");
    String web = stack.containerId("web");
    String api = stack.containerId("api");
    String db = stack.containerId("db");

    stack.ok("up", "-d");
    assertThat(List.of(stack.containerId("web"), stack.containerId("api"), stack.containerId("db")))
        .containsExactly(web, api, db);

    stack.berth.env("API_MODE", "fast");
    stack.ok("up", "-d");
    assertThat(stack.containerId("web")).isEqualTo(web);
    assertThat(stack.containerId("db")).isEqualTo(db);
    assertThat(stack.containerId("api")).isNotEqualTo(api);
    assertThat(stack.inspect("api").getConfig().getEnv()).contains("MODE=fast");
    assertThat(stack.containers()).hasSize(3);
  }

  @Test
  void psAndDownWorkByProjectNameWithoutAComposeFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path elsewhere) {
    stack.ok("up", "-d");
    BerthRunner byName = new BerthRunner(elsewhere);

    BerthRunner.Result ps = byName.run("-p", stack.project, "ps", "--services");
    assertThat(ps.out().lines()).as(ps.toString()).containsExactlyInAnyOrder("web", "api", "db");

    assertThat(byName.run("-p", stack.project, "down").code()).isZero();
    assertThat(stack.containers()).isEmpty();
    assertThat(stack.networkExists(stack.project + "_default")).isFalse();
  }

  @Test
  void dryRunPrintsThePlanAndChangesNothing() {
    stack.ok("up", "-d");
    String api = stack.containerId("api");
    stack.berth.env("API_MODE", "fast");

    BerthRunner.Result dry = stack.ok("up", "-d", "--dry-run");
    BerthRunner.Result globalDry = stack.ok("--dry-run", "--progress", "quiet", "--ansi", "never", "down");

    assertThat(dry.out()).contains("service:api:1, CreateContainer, config hash changed");
    assertThat(globalDry.out()).contains("service:api:1, RemoveContainer, down");
    assertThat(globalDry.err()).isEmpty();
    assertThat(stack.containerId("api")).isEqualTo(api);
  }

  @Test
  void badInputCreatesNothingOnTheEngine() throws IOException {
    for (String yaml : List.of(
        "services:\n  web:\n    image: x\n   bad: [\n",
        "services:\n  web:\n    image: x\n    imagee: y\n",
        "services:\n  web:\n    image: x\n    ports: [\"http:80\"]\n",
        "services:\n  web:\n    image: x\n    depends_on: [nope]\n",
        "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n")) {
      stack.write("compose.yaml", yaml);
      BerthRunner.Result r = stack.berth("up", "-d");
      assertThat(r.code()).as(r.toString()).isNotZero();
      assertThat(r.err()).as(r.toString()).containsPattern("compose\\.yaml:\\d+:\\d+: ");
      assertThat(stack.anythingOfProjectExists()).as(yaml).isFalse();
    }
  }

  private static String get(String url) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Exception last = null;
    // httpd needs a moment after its container starts to bind the port.
    for (int i = 0; i < 50; i++) {
      try {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
      } catch (IOException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw last;
  }
}
