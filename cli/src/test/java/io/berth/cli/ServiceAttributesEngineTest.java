package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.berth.testsupport.EngineProbe;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Service attributes reach the container, and depends_on conditions are waited for. */
class ServiceAttributesEngineTest extends EngineStackTest {

  @Test
  void runtimeAttributesReachTheContainer() throws IOException {
    stack.write("app.env", "FROM_FILE=file\nOVERRIDDEN=file\n");
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: sleep 60
            env_file: [app.env]
            environment: {OVERRIDDEN: inline}
            hostname: apphost
            domainname: example.test
            extra_hosts: ["somehost:127.0.0.2", "other=127.0.0.3"]
            stop_signal: SIGUSR1
            stop_grace_period: 1m30s
            init: true
            tty: true
            stdin_open: true
            privileged: false
            read_only: true
            cap_add: [NET_ADMIN]
            cap_drop: [MKNOD]
            dns: 127.0.0.53
            dns_search: [example.test]
            expose: ["7000", "7100-7101/udp"]
            tmpfs: [/run, "/scratch:size=1m"]
            working_dir: /tmp
            user: nobody
            labels: {team: core}
            restart: on-failure:2
            healthcheck:
              test: ["CMD-SHELL", "true"]
              interval: 1m
              timeout: 5s
              retries: 4
              start_period: 2s
        """);

    stack.ok("up", "-d");
    InspectContainerResponse c = stack.inspect("app");

    assertThat(c.getConfig().getEnv()).contains("FROM_FILE=file", "OVERRIDDEN=inline");
    assertThat(c.getConfig().getHostName()).isEqualTo("apphost");
    assertThat(c.getConfig().getDomainName()).isEqualTo("example.test");
    assertThat(c.getHostConfig().getExtraHosts()).containsExactly("somehost:127.0.0.2", "other:127.0.0.3");
    var raw = EngineProbe.inspectRaw(c.getId()).get("Config");
    assertThat(raw.get("StopSignal").asText()).isEqualTo("SIGUSR1");
    assertThat(raw.get("StopTimeout").asInt()).isEqualTo(90);
    assertThat(c.getHostConfig().getInit()).isTrue();
    assertThat(c.getConfig().getTty()).isTrue();
    assertThat(c.getConfig().getStdinOpen()).isTrue();
    assertThat(c.getHostConfig().getReadonlyRootfs()).isTrue();
    assertThat(Arrays.toString(c.getHostConfig().getCapAdd())).contains("NET_ADMIN");
    assertThat(Arrays.toString(c.getHostConfig().getCapDrop())).contains("MKNOD");
    assertThat(c.getHostConfig().getDns()).containsExactly("127.0.0.53");
    assertThat(c.getHostConfig().getDnsSearch()).containsExactly("example.test");
    assertThat(c.getConfig().getExposedPorts()).extracting(Object::toString).contains("7000/tcp", "7100/udp", "7101/udp");
    assertThat(c.getHostConfig().getTmpFs()).containsEntry("/run", "").containsEntry("/scratch", "size=1m");
    assertThat(c.getConfig().getWorkingDir()).isEqualTo("/tmp");
    assertThat(c.getConfig().getUser()).isEqualTo("nobody");
    assertThat(c.getConfig().getLabels()).containsEntry("team", "core");
    assertThat(c.getHostConfig().getRestartPolicy().toString()).isEqualTo("on-failure:2");
    assertThat(c.getConfig().getHealthcheck().getTest()).containsExactly("CMD-SHELL", "true");
    assertThat(c.getConfig().getHealthcheck().getInterval()).isEqualTo(60_000_000_000L);
    assertThat(c.getConfig().getHealthcheck().getTimeout()).isEqualTo(5_000_000_000L);
    assertThat(c.getConfig().getHealthcheck().getRetries()).isEqualTo(4);
    assertThat(c.getConfig().getHealthcheck().getStartPeriod()).isEqualTo(2_000_000_000L);
  }

  @Test
  void resourceLimitsNamespacesAndLoggingReachTheContainer() {
    stack.write0("compose.yaml", """
        services:
          main:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 512}
            sysctls: {net.core.somaxconn: 1024}
            shm_size: 64m
            mem_limit: 256m
            mem_reservation: 128m
            memswap_limit: 512m
            cpus: 0.5
            cpu_shares: 512
            pids_limit: 100
            oom_score_adj: 100
            security_opt: [no-new-privileges:true]
            group_add: ["100"]
            dns_opt: [use-vc]
            ipc: shareable
            logging: {driver: json-file, options: {max-size: 1m}}
          sidecar:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            network_mode: service:main
            ipc: service:main
        """);

    stack.ok("up", "-d");
    InspectContainerResponse c = stack.inspect("main");
    var h = c.getHostConfig();

    assertThat(h.getUlimits()).extracting(Object::toString).anyMatch(u -> u.contains("nofile")).anyMatch(u -> u.contains("nproc"));
    assertThat(h.getSysctls()).containsEntry("net.core.somaxconn", "1024");
    assertThat(h.getShmSize()).isEqualTo(64L * 1024 * 1024);
    assertThat(h.getMemory()).isEqualTo(256L * 1024 * 1024);
    assertThat(h.getMemoryReservation()).isEqualTo(128L * 1024 * 1024);
    assertThat(h.getMemorySwap()).isEqualTo(512L * 1024 * 1024);
    assertThat(h.getNanoCPUs()).isEqualTo(500_000_000L);
    assertThat(h.getCpuShares()).isEqualTo(512);
    assertThat(h.getPidsLimit()).isEqualTo(100L);
    assertThat(h.getOomScoreAdj()).isEqualTo(100);
    assertThat(h.getSecurityOpts()).containsExactly("no-new-privileges:true");
    assertThat(h.getGroupAdd()).containsExactly("100");
    assertThat(h.getLogConfig().getType().getType()).isEqualTo("json-file");
    assertThat(h.getLogConfig().getConfig()).containsEntry("max-size", "1m");
    var sidecar = stack.inspect("sidecar").getHostConfig();
    assertThat(sidecar.getNetworkMode()).isIn("container:" + stack.project + "-main-1", "container:" + c.getId());
    assertThat(sidecar.getIpcMode()).isIn("container:" + stack.project + "-main-1", "container:" + c.getId());
    assertThat(Instant.parse(stack.inspect("sidecar").getState().getStartedAt()))
        .isAfter(Instant.parse(c.getState().getStartedAt()));
  }

  @Test
  void userNetworksWithAliasesStaticAddressesAndAnInternalNetwork() throws Exception {
    stack.write0("compose.yaml", """
        services:
          server:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; echo hello > /tmp/index.html; httpd -f -p 8080 -h /tmp & wait"]
            networks:
              back:
                aliases: [api.internal]
                ipv4_address: 10.231.5.10
          client:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            networks: [back, sealed]
        networks:
          back:
            driver_opts: {com.docker.network.driver.mtu: "1400"}
            ipam:
              config:
                # Outside the Engine's default pools (172.17-31/16, 192.168/16), from which the
                # sealed network, created at the same time, takes its subnet.
                - subnet: 10.231.5.0/24
            labels: {purpose: test}
          sealed:
            internal: true
        """);

    stack.ok("up", "-d");

    var server = stack.inspect("server").getNetworkSettings().getNetworks().get(stack.project + "_back");
    assertThat(server.getIpAddress()).isEqualTo("10.231.5.10");
    String fetched = "";
    for (int i = 0; i < 50 && !fetched.equals("hello\n"); i++) {
      fetched = stack.exec("client", "wget", "-qO-", "http://api.internal:8080/");
      Thread.sleep(100);
    }
    assertThat(fetched).isEqualTo("hello\n");
    var sealed = stack.docker.inspectNetworkCmd().withNetworkId(stack.project + "_sealed").exec();
    assertThat(sealed.getInternal()).isTrue();
    var back = stack.docker.inspectNetworkCmd().withNetworkId(stack.project + "_back").exec();
    assertThat(back.getOptions()).containsEntry("com.docker.network.driver.mtu", "1400");
    assertThat(back.getLabels()).containsEntry("purpose", "test");
  }

  @Test
  void secretsAndConfigsAreReadableAndTheirValuesNeverShow() throws Exception {
    stack.write("db_password.txt", "file-canary-1234\n");
    stack.berth.env("API_TOKEN", "env-canary-5678");
    stack.write("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            secrets:
              - db_password
              - source: api_token
                target: token
                mode: 0400
            configs:
              - source: app_conf
                target: /etc/app.conf
        secrets:
          db_password: {file: ./db_password.txt}
          api_token: {environment: API_TOKEN}
        configs:
          app_conf: {content: "debug=true"}
        """);

    BerthRunner.Result up = stack.ok("--verbose", "up", "-d");

    assertThat(stack.exec("app", "cat", "/run/secrets/db_password")).isEqualTo("file-canary-1234\n");
    assertThat(stack.exec("app", "cat", "/run/secrets/token")).isEqualTo("env-canary-5678");
    assertThat(stack.exec("app", "stat", "-c", "%a", "/run/secrets/token").strip()).isEqualTo("400");
    assertThat(stack.exec("app", "cat", "/etc/app.conf")).isEqualTo("debug=true");
    String inspect = EngineProbe.inspectRaw(stack.containerId("app")).toString();
    assertThat(inspect).doesNotContain("env-canary-5678", "file-canary-1234");
    assertThat(up.out() + up.err()).doesNotContain("env-canary-5678", "file-canary-1234");
    assertThat(stack.ok("config").out()).doesNotContain("env-canary-5678").contains("environment: API_TOKEN");
  }

  @Test
  void externalResourcesMustExistAndAreNeverRemoved() {
    String network = stack.project + "-ext-net";
    String volume = stack.project + "-ext-vol";
    stack.berth.env("EXT_NET", network).env("EXT_VOL", volume);
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            networks: [outside]
            volumes: [shared:/shared]
        networks:
          outside: {external: true, name: "${EXT_NET}"}
        volumes:
          shared: {external: true, name: "${EXT_VOL}"}
        """);

    BerthRunner.Result missing = stack.berth("up", "-d");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("network " + network + " declared as external, but could not be found");
    assertThat(stack.containers()).isEmpty();

    stack.docker.createNetworkCmd().withName(network).exec();
    stack.docker.createVolumeCmd().withName(volume).exec();
    try {
      stack.ok("up", "-d");
      assertThat(stack.inspect("app").getNetworkSettings().getNetworks()).containsKey(network);
      stack.ok("down", "-v");
      assertThat(stack.networkExists(network)).isTrue();
      assertThat(stack.volumeExists(volume)).isTrue();
    } finally {
      stack.close();
      stack.docker.removeNetworkCmd(network).exec();
      stack.docker.removeVolumeCmd(volume).exec();
    }
  }

  @Test
  void dependentsStartAfterHealthyAndCompletedDependencies() {
    stack.write0("compose.yaml", """
        services:
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3; touch /tmp/ready; sleep 3600 & wait"]
            healthcheck: {test: ["CMD", "test", "-f", "/tmp/ready"], interval: 500ms, retries: 30}
          init:
            image: ${IMAGE}
            command: ["sh", "-c", "sleep 1; echo done"]
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            depends_on:
              db: {condition: service_healthy}
              init: {condition: service_completed_successfully}
        """);

    stack.ok("up", "-d");

    Instant webStarted = Instant.parse(stack.inspect("web").getState().getStartedAt());
    var health = stack.inspect("db").getState().getHealth();
    Instant firstHealthy = health.getLog().stream().filter(l -> l.getExitCodeLong() == 0).map(l -> l.getEnd())
        .map(ServiceAttributesEngineTest::parseEngineTime).findFirst().orElseThrow();
    Instant initFinished = Instant.parse(stack.inspect("init").getState().getFinishedAt());
    assertThat(webStarted).isAfter(firstHealthy).isAfter(initFinished);
  }

  @Test
  void anUnhealthyDependencyFailsItsDependentsButNotAnUnrelatedService() {
    stack.write0("compose.yaml", """
        services:
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            healthcheck: {test: ["CMD", "false"], interval: 300ms, retries: 2}
          api:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 60 & wait"]
            depends_on: {db: {condition: service_healthy}}
          web:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 60 & wait"]
            depends_on: [api]
          other:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 60 & wait"]
        """);

    BerthRunner.Result r = stack.berth("up", "-d");

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("container " + stack.project + "-db-1 is unhealthy");
    assertThat(r.err()).contains("dependency failed to start: container " + stack.project + "-db-1 is unhealthy");
    // Container names and Compose's sentences only: no plan id reaches the user.
    assertThat(r.err()).doesNotContain("service:");
    assertThat(stack.inspect("api").getState().getStatus()).isEqualTo("created");
    assertThat(stack.inspect("web").getState().getStatus()).isEqualTo("created");
    assertThat(stack.inspect("other").getState().getStatus()).isEqualTo("running");
  }

  @Test
  void profilesSelectServices() {
    stack.write0("compose.yaml", """
        services:
          always:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 60 & wait"]
          debug:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 60 & wait"]
            profiles: [debug]
        """);

    stack.ok("up", "-d");
    assertThat(stack.containers()).hasSize(1);

    stack.ok("--profile", "debug", "up", "-d");
    assertThat(stack.containers()).hasSize(2);
  }

  @Test
  void upWaitReturnsOnceHealthyAndFailsAfterTheTimeout() {
    stack.write0("compose.yaml", """
        services:
          db:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 1; touch /tmp/ready; sleep 3600 & wait"]
            healthcheck: {test: ["CMD", "test", "-f", "/tmp/ready"], interval: 300ms, retries: 50}
          plain:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
          slow:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            healthcheck: {test: ["CMD", "true"], interval: 1h, start_period: 1h}
            profiles: [slow]
        """);

    stack.ok("up", "--wait");
    assertThat(stack.inspect("db").getState().getHealth().getStatus()).isEqualTo("healthy");

    BerthRunner.Result r = stack.berth("--profile", "slow", "up", "--wait", "--wait-timeout", "2", "slow");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("application not healthy after 2s");
    assertThat(stack.inspect("slow").getState().getStatus()).isEqualTo("running");
  }

  /** The Engine writes health log times with nanoseconds and a zone suffix. */
  private static Instant parseEngineTime(String text) {
    return java.time.OffsetDateTime.parse(text.replace(" +0000 UTC", "Z").replace(' ', 'T')).toInstant();
  }
}
