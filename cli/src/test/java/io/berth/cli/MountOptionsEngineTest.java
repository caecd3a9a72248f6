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

    var binds = new java.util.ArrayList<String>();
    io.berth.testsupport.EngineProbe.inspectRaw(stack.containerId("app")).get("HostConfig").get("Binds")
        .forEach(b -> binds.add(b.asText()));
    assertThat(binds).anyMatch(b -> b.endsWith(":/a:ro,z"))
        .anyMatch(b -> b.endsWith(":/b:rw,rprivate")).anyMatch(b -> b.endsWith(":/data:rw,nocopy"));
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
