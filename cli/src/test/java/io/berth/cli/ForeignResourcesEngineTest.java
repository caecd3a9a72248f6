package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A volume or network the file names ({@code name:}) that another project created: Compose's
 * warning, nothing created, and the other project's resource left as it was, data included.
 */
class ForeignResourcesEngineTest extends EngineStackTest {

  @Test
  void anotherProjectsVolumeAndNetworkAreUsedWithComposesWarningAndLeftAsTheyWere() throws Exception {
    String other = "berth-it-other-" + UUID.randomUUID().toString().substring(0, 6);
    String volume = other + "_data";
    String network = other + "_net";
    Map<String, String> theirs = Map.of("com.docker.compose.project", other, "com.docker.compose.volume", "data");
    stack.docker.createVolumeCmd().withName(volume).withLabels(theirs).exec();
    stack.docker.createNetworkCmd().withName(network).withLabels(Map.of("com.docker.compose.project", other)).exec();
    try {
      writeMarker(volume);
      stack.write("compose.yaml", """
          services:
            app:
              image: ${IMAGE}
              command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
              volumes: [data:/data]
              networks: [net]
          volumes:
            data: {name: %s}
          networks:
            net: {name: %s}
          """.formatted(volume, network));

      BerthRunner.Result up = stack.ok("up", "-d");

      assertThat(up.err()).contains("WARN[0000] volume \"" + volume + "\" already exists but was created for project \"" + other
          + "\" (expected \"" + stack.project + "\"). Use `external: true` to use an existing volume\n");
      assertThat(up.err()).contains("WARN[0000] a network with name " + network + " exists but was not created for project \""
          + stack.project + "\". Set `external: true` to use an existing network\n");
      assertThat(up.err()).doesNotContain("Volume " + volume).doesNotContain("Network " + network);
      assertThat(stack.exec("app", "cat", "/data/marker")).isEqualTo("theirs\n");

      stack.ok("down", "-v");

      assertThat(stack.docker.inspectVolumeCmd(volume).exec().getLabels()).isEqualTo(theirs);
      assertThat(stack.docker.inspectNetworkCmd().withNetworkId(network).exec().getLabels())
          .isEqualTo(Map.of("com.docker.compose.project", other));
      assertThat(readMarker(volume)).isEqualTo("theirs\n");
    } finally {
      stack.docker.removeNetworkCmd(network).exec();
      stack.docker.removeVolumeCmd(volume).exec();
    }
  }

  private void writeMarker(String volume) throws InterruptedException {
    runWith(volume, "echo theirs > /data/marker");
  }

  private String readMarker(String volume) throws InterruptedException {
    String id = stack.docker.createContainerCmd(image).withCmd("sleep", "30")
        .withHostConfig(HostConfig.newHostConfig().withBinds(Bind.parse(volume + ":/data"))).exec().getId();
    try {
      stack.docker.startContainerCmd(id).exec();
      return stack.execIn(id, "cat", "/data/marker");
    } finally {
      stack.docker.removeContainerCmd(id).withForce(true).exec();
    }
  }

  private void runWith(String volume, String script) throws InterruptedException {
    String id = stack.docker.createContainerCmd(image).withCmd(List.of("sh", "-c", script))
        .withHostConfig(HostConfig.newHostConfig().withBinds(Bind.parse(volume + ":/data"))).exec().getId();
    try {
      stack.docker.startContainerCmd(id).exec();
      stack.docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(30, TimeUnit.SECONDS);
    } finally {
      stack.docker.removeContainerCmd(id).withForce(true).exec();
    }
  }
}
