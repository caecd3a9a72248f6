package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.testsupport.EngineProbe;
import io.berth.testsupport.LocalRegistry;
import io.berth.testsupport.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** push and pull against a registry on 127.0.0.1 that wants a login, with credentials from a docker config.json. */
@Tag("engine")
class RegistryAuthEngineTest {
  @TempDir Path dir;

  @Test
  void pushAndPullUseTheCredentialsOfTheDockerConfigFile(TestInfo info) throws Exception {
    EngineProbe.requireEngine();
    String busybox = TestImages.busybox();
    var docker = EngineProbe.client();
    try (LocalRegistry registry = LocalRegistry.startWithLogin("berth", "s3cret-pass");
        StackFixture stack = new StackFixture(dir, info.getTestMethod().orElseThrow().getName(), docker)) {
      String image = registry.host() + "/team/app:1.0";
      Path dockerConfig = Files.createDirectories(dir.resolve("docker-config"));
      stack.berth.env("IMAGE", image).env("DOCKER_CONFIG", dockerConfig.toString());
      stack.write("context/Dockerfile", "FROM " + busybox + "\nRUN echo built > /built\n");
      stack.write("compose.yaml", """
          services:
            app:
              build: ./context
              image: ${IMAGE}
              command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            plain:
              image: busybox:stable
          """);
      stack.ok("build");

      BerthRunner.Result anonymous = stack.berth("push");
      assertThat(anonymous.code()).isEqualTo(1);
      assertThat(anonymous.err()).contains("service \"app\": push of " + image + " failed").doesNotContain("\tat ");

      String auth = Base64.getEncoder().encodeToString("berth:s3cret-pass".getBytes(StandardCharsets.UTF_8));
      Files.writeString(dockerConfig.resolve("config.json"),
          "{\"auths\": {\"" + registry.host() + "\": {\"auth\": \"" + auth + "\"}}}");
      BerthRunner.Result pushed = stack.ok("push");
      assertThat(pushed.err()).contains("Service plain  Skipped", "Image " + image + "  Pushing", "Image " + image + "  Pushed");
      assertThat(pushed.out() + pushed.err()).doesNotContain("s3cret-pass", auth);

      TestImages.removeTag(docker, image);
      BerthRunner.Result pulled = stack.ok("pull", "app");
      assertThat(pulled.err()).contains("Image " + image + "  Pulled").containsPattern(" [0-9a-f]{12} Pull complete");
      assertThat(docker.inspectImageCmd(image).exec().getId()).isNotBlank();
      TestImages.removeTag(docker, image);
    }
  }
}
