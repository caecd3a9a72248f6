package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The modes of the short syntax and the bind: and volume: settings of the long one reach the Engine. */
class MountOptionsEngineTest extends EngineStackTest {

  @Test
  void selinuxPropagationAndNocopyReachTheContainer() {
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            volumes:
              - ./a:/a:ro,z
              - type: bind
                source: ./b
                target: /b
                bind: {propagation: rprivate}
              - data:/data:nocopy
        volumes:
          data: {}
        """);

    stack.ok("up", "-d");

    // create_host_path (true unless the file says otherwise) makes the missing source, even for a
    // bind the mount API carries, which the Engine would refuse.
    assertThat(stack.dir.resolve("b")).isDirectory();

    // As Compose splits them: a plain short-syntax bind goes as a bind string; a propagation and
    // nocopy need the mount API.
    var host = io.berth.testsupport.EngineProbe.inspectRaw(stack.containerId("app")).get("HostConfig");
    var binds = new java.util.ArrayList<String>();
    host.get("Binds").forEach(b -> binds.add(b.asText()));
    assertThat(binds).singleElement().asString().endsWith(":/a:ro,z");
    var mounts = new java.util.HashMap<String, com.fasterxml.jackson.databind.JsonNode>();
    host.get("Mounts").forEach(m -> mounts.put(m.get("Target").asText(), m));
    assertThat(mounts.get("/b").get("Type").asText()).isEqualTo("bind");
    assertThat(mounts.get("/b").get("BindOptions").get("Propagation").asText()).isEqualTo("rprivate");
    assertThat(mounts.get("/data").get("Type").asText()).isEqualTo("volume");
    assertThat(mounts.get("/data").get("VolumeOptions").get("NoCopy").asBoolean()).isTrue();
    BerthRunner.Result bad = stack.berth("config", "-q");
    assertThat(bad.code()).isZero();
  }

  @Test
  void anUnknownBindSettingIsPointedAt() {
    stack.write0("compose.yaml", """
        services:
          app:
            image: ${IMAGE}
            volumes:
              - type: bind
                source: ./b
                target: /b
                bind: {propagation: sideways}
        """);

    BerthRunner.Result r = stack.berth("up", "-d");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("compose.yaml:8:29: services.app.volumes[0].bind.propagation: invalid value \"sideways\"");
    assertThat(stack.anythingOfProjectExists()).isFalse();
  }
}
