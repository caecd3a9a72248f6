package io.berth.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.WaitResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("engine")
class TestImagesTest {
  @Test
  void busyboxImageRunsAShellAndAnsweredByHttpdOverATestNetwork() throws Exception {
    EngineProbe.requireEngine();
    DockerClient docker = EngineProbe.client();
    String image = TestImages.busybox();
    Map<String, String> label = Map.of("io.berth.test", "test-images");
    String network = docker.createNetworkCmd().withName("berth-test-images-net").withLabels(label).exec().getId();
    String server = null;
    String client = null;
    try {
      server = docker.createContainerCmd(image).withName("berth-test-images-httpd").withLabels(label)
          .withCmd("sh", "-c", "echo served > /var/www/index.html; exec httpd -f -p 8080 -h /var/www")
          .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode("berth-test-images-net"))
          .exec().getId();
      docker.startContainerCmd(server).exec();
      client = docker.createContainerCmd(image).withLabels(label)
          .withCmd("sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://berth-test-images-httpd:8080/ && exit 0; sleep 0.3; done; exit 1")
          .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode("berth-test-images-net"))
          .exec().getId();
      docker.startContainerCmd(client).exec();
      Integer code = docker.waitContainerCmd(client).exec(new ResultCallback.Adapter<WaitResponse>() {})
          .awaitCompletion(30, TimeUnit.SECONDS) ? docker.inspectContainerCmd(client).exec().getState().getExitCode() : null;

      assertThat(code).isZero();
      assertThat(logs(docker, client)).isEqualTo("served\n");
      assertThat(TestImages.busybox()).isEqualTo(TestImages.BUSYBOX);
    } finally {
      for (String id : new String[] {client, server}) {
        if (id != null) {
          docker.removeContainerCmd(id).withForce(true).exec();
        }
      }
      docker.removeNetworkCmd(network).exec();
    }
  }

  @Test
  void ensureLooksAtTheEngineEachTimeAndBuildsATagRemovedSince() {
    EngineProbe.requireEngine();
    DockerClient docker = EngineProbe.client();
    String tag = "berth-test/busybox-ensure-" + ProcessHandle.current().pid() + ":1";
    try {
      TestImages.ensure(tag);
      docker.removeImageCmd(tag).exec();

      assertThat(TestImages.ensure(tag)).isEqualTo(tag);
      assertThat(docker.inspectImageCmd(tag).exec().getId()).isEqualTo(docker.inspectImageCmd(TestImages.busybox()).exec().getId());
    } finally {
      try {
        docker.removeImageCmd(tag).exec();
      } catch (NotFoundException notBuilt) {
        // The test failed before building it.
      }
    }
  }

  @Test
  void removeTagRefusesImageIdsAndTheSharedTags() {
    assertThatThrownBy(() -> TestImages.refuseShared(TestImages.BUSYBOX)).hasMessageContaining("shared test image");
    assertThatThrownBy(() -> TestImages.refuseShared("docker.io/" + TestImages.BUSYBOX)).hasMessageContaining("shared test image");
    assertThatThrownBy(() -> TestImages.refuseShared("sha256:" + "ab".repeat(32))).hasMessageContaining("not by id");
    assertThatThrownBy(() -> TestImages.refuseShared("0123456789ab")).hasMessageContaining("not by id");
    TestImages.refuseShared("berth-test/some-project-app");
  }

  @Test
  void contextHoldsBusyboxItsAppletLinksAndADockerfile() {
    byte[] tar = TestImages.context(new byte[] {1, 2, 3}, List.of("busybox", "sh", "httpd"));
    String text = new String(tar, StandardCharsets.ISO_8859_1);
    assertThat(text).contains("Dockerfile", "rootfs/bin/busybox", "rootfs/bin/sh", "rootfs/bin/httpd", "FROM scratch");
  }

  private static String logs(DockerClient docker, String id) throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
      @Override
      public void onNext(Frame frame) {
        out.writeBytes(frame.getPayload());
      }
    }).awaitCompletion(10, TimeUnit.SECONDS);
    return out.toString(StandardCharsets.UTF_8);
  }
}
