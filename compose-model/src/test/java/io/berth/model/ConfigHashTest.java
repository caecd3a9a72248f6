package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.hash.ConfigHash;
import io.berth.model.spec.Project;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The config hash is Docker Compose's ServiceHash: the SHA-256 of Go's json.Marshal of compose-go's
 * ServiceConfig with build, pull_policy, scale, deploy.replicas, depends_on and profiles cleared.
 * The expected JSON of each case is written out by hand from compose-go's struct field order and
 * JSON tags (types/types.go), so the test says what Compose would hash, not what berth happens to.
 */
class ConfigHashTest {
  @TempDir Path dir;

  record Case(String name, String yaml, String service, String goJson) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    out.add(new Case("image, short port and environment", """
        services:
          web:
            image: nginx:1.27
            ports: ["8080:80"]
            environment: {A: "1"}
        """, "web", """
        {"command":null,"entrypoint":null,"environment":{"A":"1"},"image":"nginx:1.27","networks":{"default":null},\
        "ports":[{"mode":"ingress","target":80,"published":"8080","protocol":"tcp"}]}"""));
    out.add(new Case("struct order, float, bytes, durations, HTML escaping", """
        services:
          api:
            image: api
            command: ["run", "--port", "80"]
            cpus: 0.5
            mem_limit: 1g
            healthcheck: {test: ["CMD", "true"], interval: 30s, retries: 3}
            labels: {note: "a<b & c>d"}
        """, "api", """
        {"cpus":0.5,"command":["run","--port","80"],"entrypoint":null,\
        "healthcheck":{"test":["CMD","true"],"interval":"30s","retries":3},"image":"api",\
        "labels":{"note":"a\\u003cb \\u0026 c\\u003ed"},"mem_limit":"1073741824","networks":{"default":null}}"""));
    out.add(new Case("build, pull_policy, scale and depends_on are not hashed", """
        services:
          app:
            build: .
            image: app:dev
            pull_policy: always
            scale: 3
            depends_on: {db: {condition: service_healthy}}
          db: {image: db}
        """, "app", """
        {"command":null,"entrypoint":null,"image":"app:dev","networks":{"default":null}}"""));
    out.add(new Case("an empty command is not an absent one", """
        services:
          app:
            image: app
            entrypoint: []
            volumes: ["data:/data"]
            networks: [back]
        volumes: {data: {}}
        networks: {back: {}}
        """, "app", """
        {"command":null,"entrypoint":[],"image":"app","networks":{"back":null},\
        "volumes":[{"type":"volume","source":"data","target":"/data","volume":{}}]}"""));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hashesTheJsonComposeHashes(Case c) throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), c.yaml());
    Project p = ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {});

    assertThat(ConfigHash.json(p.service(c.service()))).isEqualTo(c.goJson());
    assertThat(ConfigHash.of(p.service(c.service()))).isEqualTo(sha256(c.goJson()));
  }

  @Test
  void whatIsNotHashedDoesNotChangeTheHash() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  app: {image: app}\n");
    String plain = ConfigHash.of(ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}).service("app"));
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          app: {image: app, scale: 2, pull_policy: always, depends_on: [db]}
          db: {image: db}
        """);
    String scaled = ConfigHash.of(ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}).service("app"));
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  app: {image: app, environment: [A=1]}\n");
    String changed = ConfigHash.of(ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}).service("app"));

    assertThat(scaled).isEqualTo(plain);
    assertThat(changed).isNotEqualTo(plain);
  }

  @Test
  void referencesToAnotherServicesContainerAreHashedResolvedAsComposeDoes() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          db: {image: db}
          side:
            image: side
            network_mode: service:db
            volumes_from: [db, "container:legacy:ro"]
        """);
    var side = ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}).service("side");

    assertThat(ConfigHash.json(side, Map.of("db", "abc123"))).isEqualTo(
        "{\"command\":null,\"entrypoint\":null,\"image\":\"side\",\"network_mode\":\"container:abc123\","
            + "\"volumes_from\":[\"abc123\",\"legacy\"]}");
    assertThat(ConfigHash.json(side)).contains("\"network_mode\":\"service:db\"");
    assertThat(ConfigHash.referencedContainer(Map.of("p-db-2", "two", "p-db-10", "ten"))).contains("ten");
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
