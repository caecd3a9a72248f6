package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * berth installed as the docker CLI's compose plugin, then driven through the real docker CLI as
 * a user or a tool types {@code docker compose ...}.
 */
class DockerPluginIT extends EngineStackTest {
  @TempDir Path dockerConfig;

  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Run run(String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("DOCKER_CONFIG", dockerConfig.toString());
    pb.environment().put("IMAGE", image);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end in 180 s");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Run ok(String... command) throws IOException, InterruptedException {
    Run r = run(command);
    assertThat(r.code()).as(String.join(" ", command) + "\n" + r).isZero();
    return r;
  }

  private Run compose(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker", "compose", "-f", "compose.yaml", "-p", stack.project));
    command.addAll(List.of(args));
    return ok(command.toArray(String[]::new));
  }

  private String berthPath() {
    return BerthProcess.repoRoot().resolve("bin/berth").toString();
  }

  @Test
  void dockerComposeRunsBerthFromUpToDown() throws Exception {
    stack.write("compose.yaml", """
        services:
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "echo web-says-hello; trap 'exit 0' TERM; httpd -f -p 8080 & wait"]
            ports: ["127.0.0.1::8080"]
            healthcheck:
              test: ["CMD", "true"]
              interval: 1s
            volumes: [data:/data]
        volumes:
          data: {}
        """);
    ok(berthPath(), "plugin", "install");
    assertThat(dockerConfig.resolve("cli-plugins/docker-compose")).isExecutable();

    assertThat(ok("docker", "compose", "version").out()).contains("Docker Compose v2.40.3 compatible");
    assertThat(new ObjectMapper().readTree(ok("docker", "compose", "version", "--format", "json").out()).get("version").asText())
        .isEqualTo("v2.40.3");

    compose("up", "-d", "--wait");
    assertThat(stack.inspect("web").getState().getHealth().getStatus()).isEqualTo("healthy");

    JsonNode ps = new ObjectMapper().readTree(compose("ps", "--format", "json").out().lines().findFirst().orElseThrow());
    assertThat(ps.get("Service").asText()).isEqualTo("web");
    assertThat(ps.get("State").asText()).isEqualTo("running");
    assertThat(ps.get("Publishers").get(0).get("TargetPort").asInt()).isEqualTo(8080);

    JsonNode config = new ObjectMapper().readTree(compose("config", "--format", "json").out());
    assertThat(config.get("services").get("web").get("image").asText()).isEqualTo(image);

    assertThat(compose("logs").out()).contains("web-1  | web-says-hello");

    compose("down", "-v");
    assertThat(stack.anythingOfProjectExists()).isFalse();
    assertThat(stack.volumeExists(stack.project + "_data")).isFalse();
  }

  @Test
  void installRefusesAPluginItDidNotWriteAndUninstallRemovesOnlyItsOwn() throws Exception {
    Path plugin = dockerConfig.resolve("cli-plugins/docker-compose");
    Files.createDirectories(plugin.getParent());
    Files.writeString(plugin, "#!/bin/sh\necho someone else's compose\n");

    Run refused = run(berthPath(), "plugin", "install");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(refused.err()).contains(plugin + " exists and was not installed by berth").doesNotContain("Exception");
    assertThat(run(berthPath(), "plugin", "uninstall").code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(Files.readString(plugin)).contains("someone else's compose");

    ok(berthPath(), "plugin", "install", "--force");
    assertThat(ok("docker", "compose", "version", "--short").out()).isEqualTo("2.40.3\n");

    Path bin = dir.resolve("bin");
    ok(berthPath(), "plugin", "install", "--standalone", bin.toString());
    assertThat(ok(bin.resolve("docker-compose").toString(), "version", "--short").out()).isEqualTo("2.40.3\n");

    ok(berthPath(), "plugin", "uninstall", "--standalone", bin.toString());
    assertThat(plugin).doesNotExist();
    assertThat(bin.resolve("docker-compose")).doesNotExist();
  }

  @Test
  void theMetadataIsWhatTheDockerCliAccepts() throws Exception {
    JsonNode meta = new ObjectMapper().readTree(ok(berthPath(), "docker-cli-plugin-metadata").out());
    assertThat(meta.get("SchemaVersion").asText()).isEqualTo("0.1.0");
    assertThat(meta.get("Vendor").asText()).isEqualTo("berth");
    ok(berthPath(), "plugin", "install");
    // The docker CLI lists a plugin whose metadata it accepts, and the error of one it rejects.
    Run info = ok("docker", "info", "--format", "{{json .ClientInfo.Plugins}}");
    assertThat(info.out()).contains("\"Name\":\"compose\"").contains("berth").doesNotContain("\"Err\"");
  }
}
