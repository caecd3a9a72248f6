package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.hash.ConfigHash;
import io.berth.model.load.CanonicalForm;
import io.berth.model.spec.Blkio;
import io.berth.model.spec.Deploy;
import io.berth.model.spec.DeviceMapping;
import io.berth.model.spec.DeviceRequest;
import io.berth.model.spec.EngineSettings;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.model.spec.ServiceExtras;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The less common service attributes: each syntax, the canonical output, each error with its position. */
class ServiceExtrasTest {
  @TempDir Path dir;

  private Project load(String yaml) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), yaml);
    return ComposeLoader.load(new LoadRequest(dir, List.of(), Optional.empty(), Optional.empty(), List.of(), Map.of("HOME", "/home/u"),
        List.of()), w -> {});
  }

  private String error(String yaml) {
    try {
      load(yaml);
    } catch (ComposeModelException e) {
      return e.getMessage().substring(dir.resolve("compose.yaml").toString().length() + 1);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  /** config's output loads again to the same project. */
  private void roundTrips(Project p) throws IOException {
    String yaml = ConfigWriter.yaml(p);
    Path again = dir.resolve("again");
    Files.createDirectories(again);
    Files.writeString(again.resolve("compose.yaml"), yaml);
    Project reloaded = ComposeLoader.load(new LoadRequest(again, List.of(), Optional.empty(), Optional.empty(), List.of(),
        Map.of("HOME", "/home/u"), List.of()), w -> {});
    assertThat(CanonicalForm.project(reloaded).get("services")).as(yaml).isEqualTo(CanonicalForm.project(p).get("services"));
  }

  @Test
  void engineSettingsAreReadAndPrinted() throws IOException {
    Project p = load("""
        services:
          a:
            image: x
            annotations: [com.example.a=1, com.example.b=two]
            cgroup: private
            cpu_count: 2
            cpu_percent: 50
            cpu_period: 100000
            cpu_quota: "50000"
            cpu_rt_period: 1000000
            cpu_rt_runtime: 950000
            mem_swappiness: 10
            device_cgroup_rules: ["c 1:3 mr", "a 7:* rmw"]
            storage_opt: {size: 1G}
            uts: host
            isolation: default
            platform: linux/amd64
            mac_address: 02:42:ac:11:65:43
            credential_spec: {file: spec.json}
            blkio_config:
              weight: 300
              weight_device: [{path: /dev/sda, weight: 400}]
              device_read_bps: [{path: /dev/sda, rate: 12mb}]
              device_write_iops: [{path: /dev/sda, rate: 30}]
        """);
    EngineSettings e = p.service("a").extras().engine();
    assertThat(e.annotations()).containsEntry("com.example.a", "1").containsEntry("com.example.b", "two");
    assertThat(e.cgroup()).contains("private");
    assertThat(e.cpuCount()).contains(2L);
    assertThat(e.cpuPercent()).contains(50L);
    assertThat(e.cpuQuota()).contains(50000L);
    assertThat(e.cpuRtRuntime()).contains(950000L);
    assertThat(e.memSwappiness()).contains(10L);
    assertThat(e.deviceCgroupRules()).containsExactly("c 1:3 mr", "a 7:* rmw");
    assertThat(e.storageOpt()).containsEntry("size", "1G");
    assertThat(e.platform()).contains("linux/amd64");
    assertThat(e.credentialSpec().orElseThrow().file()).contains("spec.json");
    Blkio b = e.blkio().orElseThrow();
    assertThat(b.weight()).contains(300);
    assertThat(b.weightDevice()).containsExactly(new Blkio.WeightDevice("/dev/sda", 400));
    assertThat(b.deviceReadBps()).containsExactly(new Blkio.Throttle("/dev/sda", 12L * 1024 * 1024));
    assertThat(b.deviceWriteIops()).containsExactly(new Blkio.Throttle("/dev/sda", 30));
    String yaml = ConfigWriter.yaml(p);
    assertThat(yaml).contains("cpu_count: 2", "mem_swappiness: 10", "platform: linux/amd64", "uts: host",
        "rate: \"12582912\"", "weight: 300", "cgroup: private", "com.example.b: two");
    roundTrips(p);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cgroup: shared|5:13|services.a.cgroup: invalid value \"shared\" (accepted: host, private)",
      "cpu_percent: 101|5:18|services.a.cpu_percent: must be between 0 and 100, found 101",
      "mem_swappiness: -1|5:21|services.a.mem_swappiness: must be between 0 and 100, found -1",
      "cpu_rt_period: 400ms|5:20|services.a.cpu_rt_period: failed to cast to expected type: strconv.ParseInt: parsing \"400ms\": invalid syntax",
      "blkio_config: {weight_device: [{path: /dev/sda}]}|5:36|services.a.blkio_config.weight_device[0]: weight is required",
      "credential_spec: {user: x}|5:23|services.a.credential_spec: additional property user is not allowed",
      "gpus: some|5:11|services.a.gpus: invalid value \"some\"",
      "gpus: [{count: 1, device_ids: [\"0\"]}]|5:23|services.a.gpus[0]: \"count\" and \"device_ids\" attributes are exclusive",
      "devices: [\"/dev/a:/dev/b:rwm:x\"]|5:15|services.a.devices[0]: confusing device mapping \"/dev/a:/dev/b:rwm:x\", please use long syntax",
      "devices: [{target: /dev/b}]|5:15|services.a.devices[0]: source is required",
  })
  void engineSettingErrorsArePointedAt(String line, String position, String message) {
    assertThat(error("services:\n  a:\n    image: x\n\n    " + line + "\n")).startsWith(position + ": " + message);
  }

  @Test
  void devicesShortAndLongSyntax() throws IOException {
    Project p = load("""
        services:
          a:
            image: x
            devices:
              - /dev/null
              - /dev/zero:/dev/z
              - /dev/full:/dev/f:r
              - {source: /dev/urandom, target: /dev/u, permissions: rw}
              - {source: /dev/tty}
        """);
    assertThat(p.service("a").options().devices()).containsExactly(
        new DeviceMapping("/dev/null", "/dev/null", "rwm"),
        new DeviceMapping("/dev/zero", "/dev/z", "rwm"),
        new DeviceMapping("/dev/full", "/dev/f", "r"),
        new DeviceMapping("/dev/urandom", "/dev/u", "rw"),
        new DeviceMapping("/dev/tty", "/dev/tty", "rwm"));
    assertThat(ConfigWriter.yaml(p)).contains("- source: /dev/zero\n        target: /dev/z\n        permissions: rwm");
    roundTrips(p);
  }

  @Test
  void gpusAllIsOneRequestForEveryDevice() throws IOException {
    Project p = load("""
        services:
          a:
            image: x
            gpus: all
          b:
            image: x
            gpus:
              - {driver: nvidia, device_ids: ["0", "1"], capabilities: [compute]}
              - {driver: nvidia}
        """);
    assertThat(p.service("a").extras().engine().gpus())
        .containsExactly(new DeviceRequest(List.of(), Optional.empty(), Optional.of(-1L), List.of(), Map.of()));
    List<DeviceRequest> b = p.service("b").extras().engine().gpus();
    assertThat(b.get(0).deviceIds()).containsExactly("0", "1");
    assertThat(b.get(0).count()).isEmpty();
    assertThat(b.get(1).count()).contains(-1L);
    assertThat(CanonicalForm.service(p.service("a")).get("gpus")).isEqualTo(List.of(Map.of("count", -1L)));
    roundTrips(p);
  }

  @Test
  void linksAndVolumesFromAcceptEveryFormAndNameTheServices() throws IOException {
    Project p = load("""
        services:
          db:
            image: x
          cache:
            image: x
          web:
            image: x
            links: [db, "cache:c"]
            external_links: ["other:o", plain]
            volumes_from: [db, "cache:ro", "container:legacy", "container:legacy2:rw"]
        """);
    ServiceExtras x = p.service("web").extras();
    assertThat(x.links().links()).containsExactly("db", "cache:c");
    assertThat(x.links().linkedServices()).containsExactly("db", "cache");
    assertThat(x.links().externalLinks()).containsExactly("other:o", "plain");
    assertThat(x.links().volumesFromServices()).containsExactly("db", "cache");
    assertThat(ConfigWriter.yaml(p)).contains("links:\n      - db\n      - cache:c", "- container:legacy2:rw");
    roundTrips(p);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "links: [nope]|5:13|services.a.links[0]: service \"a\" depends on undefined service \"nope\"",
      "links: [\"db:a:b\"]|5:13|services.a.links[0]: invalid link \"db:a:b\"",
      "volumes_from: [nope]|5:20|services.a.volumes_from[0]: service \"a\" depends on undefined service \"nope\"",
      "volumes_from: [\"db:rx\"]|5:20|services.a.volumes_from[0]: invalid volumes_from \"db:rx\"",
      "volumes_from: [\"container:\"]|5:20|services.a.volumes_from[0]: invalid volumes_from \"container:\"",
  })
  void linkErrorsNameWhatIsMissing(String line, String position, String message) {
    assertThat(error("services:\n  db:\n    image: x\n  a:\n    " + line + "\n    image: x\n")).startsWith(position + ": " + message);
  }

  @Test
  void labelFilesLoseToLabels() throws IOException {
    Files.writeString(dir.resolve("a.labels"), "A=from-a\nB=from-a\n");
    Files.writeString(dir.resolve("b.labels"), "B=from-b\nC=from-b\n");
    Project p = load("""
        services:
          s:
            image: x
            label_file: [a.labels, b.labels]
            labels: {C: from-labels}
          t:
            image: x
            label_file: a.labels
        """);
    assertThat(p.service("s").labels()).containsExactly(Map.entry("A", "from-a"), Map.entry("B", "from-b"), Map.entry("C", "from-labels"));
    assertThat(p.service("t").labels()).containsEntry("A", "from-a");
    assertThat(error("services:\n  s:\n    image: x\n    label_file: missing.labels\n"))
        .startsWith("4:17: services.s.label_file: label file " + dir.resolve("missing.labels") + " not found");
  }

  @Test
  void deployIsReadInFull() throws IOException {
    Project p = load("""
        services:
          a:
            image: x
            deploy:
              mode: replicated
              replicas: 2
              endpoint_mode: dnsrr
              labels: [tier=web]
              resources:
                limits: {cpus: "0.5", memory: 64M, pids: 100}
                reservations:
                  memory: 32m
                  devices: [{capabilities: [gpu], count: all, driver: nvidia}]
                  generic_resources: [{discrete_resource_spec: {kind: ssd, value: 2}}]
              restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3, window: 2m}
              placement: {constraints: [node.role==manager], preferences: [{spread: node.labels.zone}], max_replicas_per_node: 1}
              update_config: {parallelism: 2, delay: 10s, failure_action: rollback, monitor: 1m, max_failure_ratio: 0.3, order: start-first}
              rollback_config: {parallelism: 1, order: stop-first}
        """);
    Service a = p.service("a");
    Deploy d = a.extras().deploy().orElseThrow();
    assertThat(a.scale()).contains(2);
    assertThat(d.limits().orElseThrow().cpus()).contains(0.5);
    assertThat(d.limits().orElseThrow().memory()).contains(64L * 1024 * 1024);
    assertThat(d.limits().orElseThrow().pids()).contains(100L);
    assertThat(d.reservations().orElseThrow().devices().get(0).count()).contains(-1L);
    assertThat(d.reservations().orElseThrow().genericResources()).containsExactly(new Deploy.GenericResource("ssd", 2));
    assertThat(d.restartPolicy().orElseThrow().enginePolicy()).isEqualTo("on-failure");
    assertThat(d.restartPolicy().orElseThrow().window()).contains(Duration.ofMinutes(2));
    assertThat(d.placement().orElseThrow().preferences()).containsExactly("node.labels.zone");
    assertThat(d.updateConfig().orElseThrow().order()).contains("start-first");
    assertThat(d.labels()).containsEntry("tier", "web");
    assertThat(ConfigWriter.yaml(p)).contains("memory: \"67108864\"", "window: 2m0s", "delay: 5s", "max_failure_ratio: 0.3");
    roundTrips(p);
  }

  @Test
  void replicasAloneDoNotChangeTheConfigHash() throws IOException {
    Project one = load("services:\n  a:\n    image: x\n    deploy: {replicas: 1, resources: {limits: {memory: 8m}}}\n");
    Project three = load("services:\n  a:\n    image: x\n    deploy: {replicas: 3, resources: {limits: {memory: 8m}}}\n");
    Project other = load("services:\n  a:\n    image: x\n    deploy: {replicas: 3, resources: {limits: {memory: 9m}}}\n");
    assertThat(ConfigHash.of(one.service("a"))).isEqualTo(ConfigHash.of(three.service("a")));
    assertThat(ConfigHash.of(three.service("a"))).isNotEqualTo(ConfigHash.of(other.service("a")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cpus: 1|4:5|services.a.cpus: can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus': 1.0 and 0.5",
      "mem_limit: 1g|4:5|services.a.mem_limit: can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory'",
      "pids_limit: 5|4:5|services.a.pids_limit: can't set distinct values on 'pids_limit' and 'deploy.resources.limits.pids'",
      "mem_reservation: 1m|4:5|services.a.mem_reservation: can't set distinct values on 'mem_reservation' and 'deploy.resources.reservations.memory'",
  })
  void serviceAndDeployResourcesMustAgree(String line, String position, String message) {
    assertThat(error("services:\n  a:\n    image: x\n    " + line + "\n"
        + "    deploy: {resources: {limits: {cpus: 0.5, memory: 64m, pids: 10}, reservations: {memory: 2m}}}\n"))
        .startsWith(position + ": " + message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{restart_policy: {condition: always}}|services.a.deploy.restart_policy.condition: invalid value \"always\" (accepted: any, none, on-failure)",
      "{resources: {reservations: {devices: [{count: 1}]}}}|services.a.deploy.resources.reservations.devices[0]: capabilities is required",
      "{resources: {reservations: {devices: [{capabilities: [gpu], count: 1, device_ids: [\"1\"]}]}}}|services.a.deploy.resources.reservations.devices[0]: \"count\" and \"device_ids\" attributes are exclusive",
      "{resources: {limits: {devices: []}}}|services.a.deploy.resources.limits: additional property devices is not allowed",
      "{update_config: {order: random}}|services.a.deploy.update_config.order: invalid value \"random\"",
      "{mode: everywhere}|services.a.deploy.mode: invalid value \"everywhere\"",
      "{replicas: -1}|services.a.deploy.replicas: must be a whole number, found \"-1\"",
  })
  void deployErrors(String deploy, String message) {
    assertThat(error("services:\n  a:\n    image: x\n    deploy: " + deploy + "\n")).contains(message);
  }

  @Test
  void hooksDevelopProviderModelsAndTheRest() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    Project p = load("""
        services:
          a:
            image: x
            attach: false
            use_api_socket: true
            pull_refresh_after: 1h
            post_start:
              - command: echo started
                user: root
                privileged: true
                working_dir: /tmp
                environment: [A=1]
            pre_stop:
              - command: [sh, -c, "echo bye"]
            develop:
              watch:
                - {path: ./src, action: sync, target: /app/src, ignore: node_modules/, initial_sync: true}
                - {path: package.json, action: rebuild}
                - {path: ./src, action: sync+exec, target: /app, exec: {command: kill -HUP 1}}
            models: [llm]
          b:
            provider: {type: model, options: {model: ai/smollm2, flags: [a, b]}}
          c:
            image: x
            models: {llm: {endpoint_var: URL, model_var: NAME}}
        models:
          llm: {model: ai/smollm2, context_size: 1024, runtime_flags: [--verbose]}
        """);
    ServiceExtras a = p.service("a").extras();
    assertThat(a.attach()).isFalse();
    assertThat(a.useApiSocket()).isTrue();
    assertThat(a.postStart().get(0).command()).containsExactly("echo", "started");
    assertThat(a.postStart().get(0).environment()).containsEntry("A", "1");
    assertThat(a.preStop().get(0).command()).containsExactly("sh", "-c", "echo bye");
    var watch = a.develop().orElseThrow().watch();
    assertThat(watch.get(0).path()).isEqualTo(dir.resolve("src").toString());
    assertThat(watch.get(0).ignore()).containsExactly("node_modules/");
    assertThat(watch.get(1).target()).isEmpty();
    assertThat(watch.get(2).exec().orElseThrow().command()).containsExactly("kill", "-HUP", "1");
    assertThat(a.models()).containsKey("llm");
    Service b = p.service("b");
    assertThat(b.image()).isEmpty();
    assertThat(b.networks()).isEmpty();
    assertThat(b.extras().provider().orElseThrow().options()).containsEntry("flags", List.of("a", "b"))
        .containsEntry("model", List.of("ai/smollm2"));
    assertThat(p.service("c").extras().models().get("llm").endpointVar()).contains("URL");
    assertThat(p.models().get("llm").contextSize()).contains(1024L);
    assertThat(ConfigWriter.yaml(p)).contains("attach: false", "use_api_socket: true", "initial_sync: true",
        "context_size: 1024", "llm: null", "endpoint_var: URL");
    roundTrips(p);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "develop: {watch: [{path: '', action: sync, target: /x}]}|services.a.develop.watch[0].path: value can't be blank",
      "develop: {watch: [{path: ., action: sync}]}|services.a.develop.watch[0]: target is required for non-rebuild actions",
      "develop: {watch: [{path: ., action: copy}]}|services.a.develop.watch[0].action: invalid value \"copy\"",
      "develop: {watch: [{action: rebuild}]}|services.a.develop.watch[0]: path is required",
      "post_start: [{user: root}]|services.a.post_start[0]: command is required",
      "models: [nope]|services.a.models: service \"a\" refers to undefined model nope",
      "provider: {options: {}}|services.a.provider: type is required",
      "attach: maybe|services.a.attach",
  })
  void lifecycleErrors(String line, String message) {
    assertThat(error("services:\n  a:\n    image: x\n    " + line + "\n")).contains(message);
  }

  @Test
  void aServiceNeedsAnImageABuildOrAProvider() {
    assertThat(error("services:\n  a:\n    attach: true\n"))
        .contains("service \"a\" has neither an image nor a build context specified");
  }

  @Test
  void topLevelModelsNeedAModelAndNetworksTakeEnableIpv4() throws IOException {
    assertThat(error("services:\n  a:\n    image: x\nmodels:\n  m: {context_size: 1}\n")).startsWith("5:6: models.m: model is required");
    Project p = load("services:\n  a:\n    image: x\n    networks: [n]\nnetworks:\n  n: {enable_ipv4: false}\n");
    assertThat(p.networks().get("n").enableIpv4()).contains(false);
    assertThat(ConfigWriter.yaml(p)).contains("enable_ipv4: false");
  }

  @Test
  void buildLongFormReadsEveryField() throws IOException {
    Project p = load("""
        services:
          base:
            build: .
          a:
            platform: linux/amd64
            build:
              context: .
              dockerfile_inline: "FROM scratch"
              ssh: [default, "key=./id_rsa"]
              cache_from: [a/b:cache]
              cache_to: ["type=local,dest=/tmp/c"]
              no_cache_filter: step
              additional_contexts: ["ctx=./other", "img=docker-image://alpine", "svc=service:base"]
              extra_hosts: ["h=1.2.3.4"]
              isolation: default
              privileged: true
              secrets: [s, {source: s, target: other}]
              shm_size: 64m
              ulimits: {nofile: 1024}
              platforms: [linux/amd64, linux/arm64]
              entitlements: [network.host]
              provenance: true
              sbom: "mode=max"
        secrets:
          s: {file: ./s.txt}
        """);
    var b = p.service("a").build().orElseThrow();
    var x = b.extras();
    assertThat(b.dockerfile()).isEmpty();
    assertThat(x.dockerfileInline()).contains("FROM scratch");
    assertThat(x.ssh()).containsEntry("default", null).containsEntry("key", dir.resolve("id_rsa").toString());
    assertThat(x.noCacheFilter()).containsExactly("step");
    assertThat(x.additionalContexts()).containsEntry("ctx", dir.resolve("other").toString())
        .containsEntry("img", "docker-image://alpine").containsEntry("svc", "service:base");
    assertThat(x.extraHosts()).containsExactly("h:1.2.3.4");
    assertThat(x.secrets()).extracting(r -> r.target()).containsExactly("s", "other");
    assertThat(x.shmSize()).contains(64L * 1024 * 1024);
    assertThat(x.ulimits()).containsEntry("nofile", List.of(1024L));
    assertThat(x.provenance()).contains("true");
    assertThat(x.sbom()).contains("mode=max");
    assertThat(x.privileged()).isTrue();
    assertThat(x.platforms()).containsExactly("linux/amd64", "linux/arm64");
    assertThat(p.service("base").build().orElseThrow().extras()).isEqualTo(io.berth.model.spec.BuildExtras.none());
    assertThat(ConfigWriter.yaml(p)).contains("dockerfile_inline: FROM scratch", "default: null", "shm_size: \"67108864\"",
        "provenance: \"true\"");
    roundTrips(p);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "build: {dockerfile: D, dockerfile_inline: FROM x}|services.a.build.dockerfile_inline: service \"a\" declares mutually exclusive dockerfile and dockerfile_inline",
      "build: {ssh: [mykey]}|services.a.build.ssh[0]: invalid ssh key \"mykey\"",
      "build: {secrets: [nope]}|services.a.build.secrets[0]: service \"a\" refers to undefined build secret nope",
      "build: {additional_contexts: [novalue]}|services.a.build.additional_contexts[0]: invalid additional context \"novalue\"",
      "build: {additional_contexts: {x: \"service:nope\"}}|declares unknown service \"nope\" as additional contexts x",
  })
  void buildErrors(String line, String message) {
    assertThat(error("services:\n  a:\n    " + line.replace("\\n", "\n") + "\n")).contains(message);
  }

  @Test
  void theServicePlatformMustBeOneItBuildsFor() {
    assertThat(error("services:\n  a:\n    build: {platforms: [linux/arm64]}\n    platform: linux/amd64\n"))
        .startsWith("4:5: services.a.platform: service.build.platforms MUST include service.platform \"linux/amd64\"");
  }

  @Test
  void laterFilesAppendOrMergeAsCompose() throws IOException {
    Files.writeString(dir.resolve("a.labels"), "A=1\n");
    Files.writeString(dir.resolve("b.labels"), "B=2\n");
    Files.writeString(dir.resolve("compose.override.yaml"), """
        services:
          web:
            annotations: {b: "2"}
            links: [db, cache]
            devices: ["/dev/zero"]
            label_file: b.labels
            post_start: [{command: "echo two"}]
        """);
    Project p = load("""
        services:
          db: {image: x}
          cache: {image: x}
          web:
            image: x
            annotations: [a=1]
            links: [db]
            devices: ["/dev/null"]
            label_file: a.labels
            post_start: [{command: "echo one"}]
        """);
    ServiceExtras web = p.service("web").extras();
    assertThat(web.engine().annotations()).containsEntry("a", "1").containsEntry("b", "2");
    assertThat(web.links().links()).containsExactly("db", "cache");
    assertThat(p.service("web").options().devices()).extracting(DeviceMapping::source).containsExactly("/dev/null", "/dev/zero");
    assertThat(p.service("web").labels()).containsEntry("A", "1").containsEntry("B", "2");
    assertThat(web.postStart()).extracting(h -> h.command().get(1)).containsExactly("one", "two");
  }

  @Test
  void linksAndVolumesFromAreImplicitDependenciesUnlessDeclared() throws IOException {
    Project p = load("""
        services:
          db: {image: x}
          cache: {image: x}
          data: {image: x}
          web:
            image: x
            links: [db, cache]
            volumes_from: [data]
            depends_on: {cache: {condition: service_healthy}}
        """);
    var deps = p.service("web").dependsOn();
    assertThat(deps.get("db")).isEqualTo(new io.berth.model.spec.Dependency("service_started", true, true));
    assertThat(deps.get("data")).isEqualTo(io.berth.model.spec.Dependency.started());
    assertThat(deps.get("cache").condition()).isEqualTo("service_healthy");
    roundTrips(p);
  }

  @Test
  void extraHostsPrintAsComposeDoesSortedWithEquals() throws IOException {
    Project p = load("""
        services:
          a:
            image: x
            extra_hosts: ["zeta:10.0.0.2", "alpha=10.0.0.1", "v6=::1"]
          b:
            image: x
            extra_hosts: {beta: [10.0.0.3, "::2"]}
        """);
    assertThat(p.service("a").options().extraHosts()).containsExactly("zeta:10.0.0.2", "alpha:10.0.0.1", "v6:::1");
    assertThat(CanonicalForm.service(p.service("a")).get("extra_hosts")).isEqualTo(List.of("alpha=10.0.0.1", "v6=::1", "zeta=10.0.0.2"));
    assertThat(CanonicalForm.service(p.service("b")).get("extra_hosts")).isEqualTo(List.of("beta=10.0.0.3", "beta=::2"));
    roundTrips(p);
  }

  @Test
  void anAdditionalContextServiceMustBuild() {
    assertThat(error("services:\n  img: {image: x}\n  a:\n    build: {additional_contexts: {base: \"service:img\"}}\n"))
        .startsWith("4:34: services.a.build.additional_contexts: service \"a\" declares non-buildable service \"img\" as additional contexts base");
  }

  @Test
  void serviceNetworkEndpointSettings() throws IOException {
    Project p = load("""
        services:
          a:
            image: x
            networks:
              front: {priority: 10, gw_priority: 1, mac_address: "02:42:ac:11:00:02", interface_name: eth7,
                      link_local_ips: [169.254.1.1], driver_opts: {k: v}}
              back:
        networks: {front: {}, back: {}}
        """);
    var e = p.service("a").extras().endpoints();
    assertThat(e).containsOnlyKeys("front");
    assertThat(e.get("front").priority()).contains(10);
    assertThat(e.get("front").macAddress()).contains("02:42:ac:11:00:02");
    assertThat(e.get("front").linkLocalIps()).containsExactly("169.254.1.1");
    assertThat(ConfigWriter.yaml(p)).contains("priority: 10", "gw_priority: 1", "interface_name: eth7", "k: v");
    roundTrips(p);
  }

  @Test
  void preStartStepsDefaultToTheServiceImage() throws IOException {
    Project p = load("""
        services:
          a:
            image: app:1
            pre_start:
              - command: migrate --up
                environment: [DB=x]
              - image: tool:2
                per_replica: true
        """);
    var steps = p.service("a").extras().preStart();
    assertThat(steps.get(0).image()).contains("app:1");
    assertThat(steps.get(0).command()).contains(List.of("migrate", "--up"));
    assertThat(steps.get(1).image()).contains("tool:2");
    assertThat(steps.get(1).command()).isEmpty();
    assertThat(steps.get(1).perReplica()).isTrue();
    assertThat(ConfigWriter.yaml(p)).contains("pre_start:", "image: app:1", "per_replica: true");
    roundTrips(p);
    assertThat(error("services:\n  a:\n    image: x\n    pre_start: [{run: x}]\n"))
        .contains("services.a.pre_start[0]: additional property run is not allowed");
  }
}
