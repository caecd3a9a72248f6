package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.berth.testsupport.EngineProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The less common service attributes reach the Engine as docker compose sends them. */
class ExtraAttributesEngineTest extends EngineStackTest {

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void cpuDevicesNamespacesAndDeployReachTheContainer() throws IOException {
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: sleep 60
            restart: always
            cgroup: private
            uts: host
            platform: linux/amd64
            mac_address: 02:42:ac:11:65:43
            device_cgroup_rules: ["c 1:3 mr"]
            devices:
              - {source: /dev/null, target: /dev/mynull, permissions: r}
              - /dev/zero:/dev/myzero
            blkio_config:
              weight: 300
            deploy:
              resources:
                limits: {cpus: "0.5", memory: 64m, pids: 50}
                reservations: {memory: 32m}
              restart_policy: {condition: on-failure, max_attempts: 3}
          tuned:
            image: ${IMAGE}
            command: sleep 60
            cpu_period: 100000
            cpu_quota: 50000
        """);

    stack.ok("up", "-d");
    InspectContainerResponse c = stack.inspect("app");
    JsonNode host = EngineProbe.inspectRaw(c.getId()).get("HostConfig");

    JsonNode tuned = EngineProbe.inspectRaw(stack.containerId("tuned")).get("HostConfig");
    assertThat(tuned.get("CpuPeriod").asLong()).isEqualTo(100000);
    assertThat(tuned.get("CpuQuota").asLong()).isEqualTo(50000);
    assertThat(host.get("CgroupnsMode").asText()).isEqualTo("private");
    assertThat(host.get("UTSMode").asText()).isEqualTo("host");
    assertThat(texts(host.get("DeviceCgroupRules"))).containsExactly("c 1:3 mr");
    assertThat(host.get("Devices").toString()).contains("\"PathOnHost\":\"/dev/null\"", "\"PathInContainer\":\"/dev/mynull\"",
        "\"CgroupPermissions\":\"r\"", "\"PathInContainer\":\"/dev/myzero\"");
    // blkio_config is sent (the model tests check what); this kernel has no weight support, so
    // the Engine accepts and drops it rather than failing the container.
    // deploy.resources win where compose lets them, and deploy.restart_policy over restart.
    assertThat(host.get("NanoCpus").asLong()).isEqualTo(500_000_000L);
    assertThat(host.get("Memory").asLong()).isEqualTo(64L * 1024 * 1024);
    assertThat(host.get("MemoryReservation").asLong()).isEqualTo(32L * 1024 * 1024);
    assertThat(host.get("PidsLimit").asLong()).isEqualTo(50);
    assertThat(host.get("RestartPolicy").get("Name").asText()).isEqualTo("on-failure");
    assertThat(host.get("RestartPolicy").get("MaximumRetryCount").asInt()).isEqualTo(3);
    assertThat(EngineProbe.inspectRaw(c.getId()).get("Config").get("MacAddress").asText()).isEqualTo("02:42:ac:11:65:43");
    assertThat(c.getState().getRunning()).isTrue();
  }

  @Test
  void linksAndVolumesFromShareWhatTheyName() throws Exception {
    stack.write("compose.yaml", """
        services:
          db:
            image: ${IMAGE}
            command: sleep 60
            volumes: [/data]
          web:
            image: ${IMAGE}
            command: sleep 60
            links: ["db:database"]
            volumes_from: ["db:ro"]
        """);

    stack.ok("up", "-d");
    InspectContainerResponse web = stack.inspect("web");
    String db = stack.project + "-db-1";

    assertThat(web.getHostConfig().getVolumesFrom()).extracting(Object::toString).containsExactly(db + ":ro");
    // On a user-defined network the Engine keeps legacy links on the endpoint.
    assertThat(EngineProbe.inspectRaw(web.getId()).get("NetworkSettings").get("Networks").get(stack.project + "_default")
        .get("Links").toString()).contains(db + ":database", db + ":db-1", db + ":" + stack.project + "-db-1");
    stack.exec("db", "sh", "-c", "echo shared > /data/f");
    assertThat(stack.exec("web", "cat", "/data/f")).contains("shared");
    assertThat(stack.exec("web", "sh", "-c", "touch /data/g 2>&1 || echo refused")).contains("refused");
    assertThat(stack.exec("web", "ping", "-c", "1", "-W", "2", "database")).contains("1 packets received");
  }

  @Test
  void gpusAreRequestedAndAnEngineWithoutThemRefusesClearly() throws IOException {
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: sleep 60
            gpus: all
        """);

    BerthRunner.Result r = stack.berth("up", "-d");

    // No GPU here: the request reaches the Engine, which refuses it at start in one line.
    assertThat(r.code()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains("could not select device driver").doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode requests = EngineProbe.inspectRaw(stack.containerId("app")).get("HostConfig").get("DeviceRequests");
    assertThat(requests.get(0).get("Count").asInt()).isEqualTo(-1);
    assertThat(requests.get(0).get("Capabilities").toString()).isEqualTo("[[\"gpu\"]]");
  }

  @Test
  void postStartAndPreStopHooksRunInTheContainer() throws IOException {
    stack.write("out/.keep", "");
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: sleep 60
            volumes: ["./out:/out"]
            post_start:
              - command: sh -c 'echo "$$GREETING from $$(pwd)" > /out/post'
                working_dir: /tmp
                environment: {GREETING: started}
            pre_stop:
              - command: sh -c 'echo stopping > /out/pre'
        """);

    stack.ok("up", "-d");
    assertThat(Files.readString(dir.resolve("out/post"))).isEqualTo("started from /tmp\n");
    assertThat(dir.resolve("out/pre")).doesNotExist();

    stack.ok("stop");
    assertThat(Files.readString(dir.resolve("out/pre"))).isEqualTo("stopping\n");
  }

  @Test
  void aFailingPostStartHookFailsTheServiceInOneLine() throws IOException {
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: sleep 60
            post_start:
              - command: sh -c 'echo broken >&2; exit 3'
        """);

    BerthRunner.Result r = stack.berth("up", "-d");

    assertThat(r.code()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains("app hook exited with status 3: broken").doesNotContain("\tat ");
  }

  @Test
  void providerAndModelServicesAreRefusedBeforeAnythingChanges() throws IOException {
    stack.write("compose.yaml", """
        services:
          llm:
            provider: {type: model, options: {model: ai/smollm2}}
        """);
    BerthRunner.Result r = stack.berth("up", "-d");
    assertThat(r.code()).isNotZero();
    assertThat(r.err().strip()).endsWith("service \"llm\" is run by provider \"model\": berth does not run providers yet");

    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            models: [m]
        models:
          m: {model: ai/smollm2}
        """);
    r = stack.berth("up", "-d");
    assertThat(r.err().strip()).endsWith("service \"app\" uses models (m): berth does not run models yet");

    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            pre_start: [{command: "true"}, {command: "true", per_replica: true}]
        """);
    r = stack.berth("up", "-d");
    assertThat(r.err().strip())
        .endsWith("service \"app\" pre_start[1]: per_replica is not yet supported; remove per_replica or set it to false");
    assertThat(stack.anythingOfProjectExists()).isFalse();
  }

  @Test
  void whatBerthCannotSendIsRefusedAllAtOnceBeforeAnyNetworkOrVolumeIsMade() throws IOException {
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            read_only: true
            networks:
              side: {gw_priority: 1}
            volumes:
              - {type: volume, source: data, target: /data, volume: {subpath: sub}}
              - {type: bind, source: ./absent, target: /absent, bind: {create_host_path: false}}
            secrets: [token, vault]
        networks: {side: {}}
        volumes: {data: {}}
        secrets:
          token: {environment: TOKEN}
          vault: {external: true, name: shared-vault}
        """);
    stack.berth.env("TOKEN", "t0ken");

    BerthRunner.Result r = stack.berth("up", "-d");

    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains(
        "service \"app\": networks.side.gw_priority not supported yet by berth",
        "service \"app\": volume /data: subpath and recursive need a newer Engine API",
        "service \"app\": bind source " + stack.dir.resolve("absent") + " does not exist and create_host_path is false",
        "cannot create secret \"token\" in read-only service app: `file` is the sole supported option",
        "service \"app\": unsupported external secret shared-vault").doesNotContain("\tat ");
    assertThat(stack.anythingOfProjectExists()).isFalse();
  }

  @Test
  void anEmptySecretIsNotCopiedSoAReadOnlyServiceStillStarts() throws Exception {
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            read_only: true
            secrets: [token]
        secrets:
          token: {environment: EMPTY_TOKEN}
        """);
    stack.berth.env("EMPTY_TOKEN", "");

    stack.ok("up", "-d");

    assertThat(stack.exec("app", "sh", "-c", "test -e /run/secrets/token && echo present || echo absent")).contains("absent");
  }

  @Test
  void runRefusesADependencyBerthDoesNotRunBeforeAnythingChanges() throws IOException {
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            depends_on: [llm]
            networks: [back]
          llm:
            provider: {type: model, options: {model: ai/smollm2}}
        networks: {back: {}}
        """);

    BerthRunner.Result r = stack.berth("run", "--rm", "app", "true");

    assertThat(r.code()).isNotZero();
    assertThat(r.err().strip()).endsWith("service \"llm\" is run by provider \"model\": berth does not run providers yet");
    assertThat(stack.anythingOfProjectExists()).isFalse();
  }

  @Test
  void logsLeavesOutAttachFalseServicesUnlessNamed() throws Exception {
    stack.write("compose.yaml", """
        services:
          quiet:
            image: ${IMAGE}
            attach: false
            command: ["sh", "-c", "echo quiet-line; sleep 60"]
          loud:
            image: ${IMAGE}
            command: ["sh", "-c", "echo loud-line; sleep 60"]
        """);
    stack.ok("up", "-d");
    for (int i = 0; i < 100 && !stack.ok("logs", "quiet").out().contains("quiet-line"); i++) {
      Thread.sleep(100);
    }
    for (int i = 0; i < 100 && !stack.ok("logs").out().contains("loud-line"); i++) {
      Thread.sleep(100);
    }

    assertThat(stack.ok("logs").out()).contains("loud-line").doesNotContain("quiet-line");
    assertThat(stack.ok("logs", "quiet").out()).contains("quiet-line");
  }

  @Test
  void networksJoinInPriorityOrderWithTheirMacAndLinkLocalAddressesAndDriverOptions() throws IOException {
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: sleep 60
            networks:
              low: {priority: 1}
              high: {priority: 100, mac_address: "02:42:ac:11:00:42"}
        networks: {low: {}, high: {}}
        """);

    stack.ok("up", "-d");
    JsonNode raw = EngineProbe.inspectRaw(stack.containerId("app"));

    assertThat(raw.get("HostConfig").get("NetworkMode").asText()).isEqualTo(stack.project + "_high");
    assertThat(raw.get("NetworkSettings").get("Networks").get(stack.project + "_high").get("MacAddress").asText())
        .isEqualTo("02:42:ac:11:00:42");
    assertThat(raw.get("NetworkSettings").get("Networks").has(stack.project + "_low")).isTrue();

    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: sleep 60
            networks:
              low: {link_local_ips: [169.254.8.8], driver_opts: {com.example.side: "low"}}
              high: {priority: 100, mac_address: "02:42:ac:11:00:42", link_local_ips: [169.254.9.9]}
        networks: {low: {}, high: {}}
        """);
    stack.ok("up", "-d");
    JsonNode networks = EngineProbe.inspectRaw(stack.containerId("app")).get("NetworkSettings").get("Networks");

    // The first network, joined at create, keeps its MAC address with its link-local address.
    JsonNode high = networks.get(stack.project + "_high");
    assertThat(high.get("IPAMConfig").get("LinkLocalIPs").toString()).isEqualTo("[\"169.254.9.9\"]");
    assertThat(high.get("MacAddress").asText()).isEqualTo("02:42:ac:11:00:42");
    assertThat(high.get("Aliases").toString()).contains("\"app\"");
    JsonNode low = networks.get(stack.project + "_low");
    assertThat(low.get("IPAMConfig").get("LinkLocalIPs").toString()).isEqualTo("[\"169.254.8.8\"]");
    assertThat(low.get("DriverOpts").toString()).isEqualTo("{\"com.example.side\":\"low\"}");
  }

  @Test
  void runRunsPostStartHooksToo() throws IOException {
    stack.write("out/.keep", "");
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            volumes: ["./out:/out"]
            post_start:
              - command: sh -c 'echo hooked > /out/run'
        """);

    stack.ok("up", "--no-start");
    stack.ok("run", "--rm", "app", "sleep", "2");

    assertThat(Files.readString(dir.resolve("out/run"))).isEqualTo("hooked\n");
  }
}
