package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/volumes_test.go}. */
@Tag("engine")
class VolumesIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestLocalComposeVolume. */
  @Test
  void localComposeVolume() {
    String projectName = "compose-e2e-volume";

    // up with build and no image name, volume
    c.dockerNoCheck("volume", "rm", projectName + "-staticVol");
    c.dockerNoCheck("volume", "rm", "myvolume");
    c.compose("--project-directory", "fixtures/volume-test", "--project-name", projectName, "up", "-d");

    // access bind mount data
    assertThat(httpGetWithRetry("http://localhost:8090", Duration.ofSeconds(20))).contains("Hello from Nginx container");

    // check container volume specs
    String output = c.docker("inspect", "compose-e2e-volume-nginx2-1", "--format", "{{ json .Mounts }}").stdout();
    assertThat(output).contains("\"Destination\":\"/usr/src/app/node_modules\",\"Driver\":\"local\",\"Mode\":\"z\",\"RW\":true,\"Propagation\":\"\"");
    assertThat(output).contains("\"Destination\":\"/myconfig\",\"Mode\":\"\",\"RW\":false,\"Propagation\":\"rprivate\"");

    // check config content
    assertThat(c.docker("exec", "compose-e2e-volume-nginx2-1", "cat", "/myconfig").stdout()).contains("Hello from Nginx container");

    // check secrets content
    assertThat(c.docker("exec", "compose-e2e-volume-nginx2-1", "cat", "/run/secrets/mysecret").stdout())
        .contains("Hello from Nginx container");

    // check container bind-mounts specs
    output = c.docker("inspect", "compose-e2e-volume-nginx-1", "--format", "{{ json .Mounts }}").stdout();
    assertThat(output).contains("\"Type\":\"bind\"", "\"Destination\":\"/usr/share/nginx/html\"");

    // should inherit anonymous volumes
    c.dockerNoCheck("exec", "compose-e2e-volume-nginx2-1", "touch", "/usr/src/app/node_modules/test");
    c.compose("--project-directory", "fixtures/volume-test", "--project-name", projectName, "up", "--force-recreate", "-d");
    c.docker("exec", "compose-e2e-volume-nginx2-1", "ls", "/usr/src/app/node_modules/test");

    // should renew anonymous volumes (upstream does not check the outcome either)
    c.dockerNoCheck("exec", "compose-e2e-volume-nginx2-1", "touch", "/usr/src/app/node_modules/test");
    c.compose("--project-directory", "fixtures/volume-test", "--project-name", projectName, "up", "--force-recreate",
        "--renew-anon-volumes", "-d");
    c.dockerNoCheck("exec", "compose-e2e-volume-nginx2-1", "ls", "/usr/src/app/node_modules/test");

    // cleanup volume project
    c.compose("--project-name", projectName, "down", "--volumes");
    String ls = c.docker("volume", "ls").stdout();
    assertThat(ls).doesNotContain(projectName + "-staticVol").doesNotContain("myvolume");
  }

  /** TestProjectVolumeBind. */
  @Test
  void projectVolumeBind() throws Exception {
    String projectName = "compose-e2e-project-volume-bind";
    Path tmpDir = Files.createTempDirectory("berth-e2e-bind-");

    // up on project volume with bind specification
    c.compose("--project-name", projectName, "down");
    c.docker("volume", "rm", "-f", projectName + "_project-data");
    c.composeWithEnv(Map.of("TEST_DIR", tmpDir.toString()), "--project-directory", "fixtures/project-volume-bind-test",
        "--project-name", projectName, "up", "-d").assertSuccess();
    try {
      c.cmd("sh", "-c", "echo SUCCESS > " + tmpDir.resolve("resultfile")).assertSuccess();
      Result ret = c.docker("exec", "frontend", "bash", "-c", "cat /data/resultfile");
      assertThat(ret.stdout()).contains("SUCCESS");
    } finally {
      c.compose("--project-name", projectName, "down");
      c.dockerNoCheck("volume", "rm", "-f", projectName + "_project-data");
    }
  }

  /** TestUpSwitchVolumes. */
  @Test
  void upSwitchVolumes() {
    String projectName = "compose-e2e-switch-volumes";
    c.docker("volume", "create", "test_external_volume");
    c.docker("volume", "create", "test_external_volume_2");
    try {
      c.compose("-f", "./fixtures/switch-volumes/compose.yaml", "--project-name", projectName, "up", "-d");
      Result res = c.docker("inspect", projectName + "-app-1", "-f", "{{ (index .Mounts 0).Name }}");
      res.assertOutContains("test_external_volume");

      c.compose("-f", "./fixtures/switch-volumes/compose2.yaml", "--project-name", projectName, "up", "-d");
      res = c.docker("inspect", projectName + "-app-1", "-f", "{{ (index .Mounts 0).Name }}");
      res.assertOutContains("test_external_volume_2");
    } finally {
      c.cleanupWithDown(projectName);
      c.dockerNoCheck("volume", "rm", "-f", "test_external_volume");
      c.dockerNoCheck("volume", "rm", "-f", "test_external_volume_2");
    }
  }

  /** TestUpRecreateVolumes_IgnoreBinds. */
  @Test
  void upRecreateVolumesIgnoreBinds() {
    String projectName = "compose-e2e-recreate-volumes-binds";
    c.compose("-f", "./fixtures/recreate-volumes/bind.yaml", "--project-name", projectName, "up", "-d");
    Result res = c.compose("-f", "./fixtures/recreate-volumes/bind.yaml", "--project-name", projectName, "up", "-d");
    res.assertCombinedLacks("Recreated");
  }

  private static String httpGetWithRetry(String url, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return r.body();
        }
      } catch (Exception e) {
        // not up yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no 200 from " + url + " in " + timeout);
      }
      Cli.sleep(Duration.ofMillis(500));
    }
  }
}
