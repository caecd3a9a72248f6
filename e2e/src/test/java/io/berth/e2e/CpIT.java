package io.berth.e2e;

import static io.berth.e2e.Checks.assertServiceStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/cp_test.go}; the fixture is copied, as the scenario writes into it. */
@Tag("engine")
class CpIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestCopy. */
  @Test
  void copy() throws Exception {
    String project = "copy_e2e";
    Path fixture = c.copyFixture("cp-test");
    c.inDir(fixture.getParent());
    String dir = "./cp-test";
    String file = dir + "/compose.yaml";

    // start service
    c.compose("-f", file, "--project-name", project, "up", "--scale", "nginx=5", "-d");

    // make sure service is running
    Result res = c.compose("-p", project, "ps");
    assertServiceStatus(project, "nginx", "Up", res.stdout());

    // copy to container copies the file to the all containers by default
    c.compose("-f", file, "-p", project, "cp", dir + "/cp-me.txt", "nginx:/tmp/default.txt").assertExitCode(0);
    for (int i = 1; i <= 3; i++) {
      String output = c.docker("exec", project + "-nginx-" + i, "cat", "/tmp/default.txt").stdout();
      assertThat(output).contains("hello world");
    }

    // copy to container with a given index copies the file to the given container
    c.compose("-f", file, "-p", project, "cp", "--index=3", dir + "/cp-me.txt", "nginx:/tmp/indexed.txt")
        .assertExitCode(0);
    assertThat(c.docker("exec", project + "-nginx-3", "cat", "/tmp/indexed.txt").stdout()).contains("hello world");
    c.dockerNoCheck("exec", project + "-nginx-2", "cat", "/tmp/indexed.txt").assertExitCode(1);

    // copy from a container copies the file to the host from the first container by default
    c.compose("-f", file, "-p", project, "cp", "nginx:/tmp/default.txt", dir + "/from-default.txt").assertExitCode(0);
    assertThat(Files.readString(fixture.resolve("from-default.txt"))).isEqualTo("hello world");

    // copy from a container with a given index copies the file to host
    c.compose("-f", file, "-p", project, "cp", "--index=3", "nginx:/tmp/indexed.txt", dir + "/from-indexed.txt")
        .assertExitCode(0);
    assertThat(Files.readString(fixture.resolve("from-indexed.txt"))).isEqualTo("hello world");

    // copy to and from a container also work with folder
    c.compose("-f", file, "-p", project, "cp", dir + "/cp-folder", "nginx:/tmp").assertExitCode(0);
    assertThat(c.docker("exec", project + "-nginx-1", "cat", "/tmp/cp-folder/cp-me.txt").stdout())
        .contains("hello world from folder");
    c.compose("-f", file, "-p", project, "cp", "nginx:/tmp/cp-folder", dir + "/cp-folder2").assertExitCode(0);
    assertThat(Files.readString(fixture.resolve("cp-folder2/cp-me.txt"))).isEqualTo("hello world from folder");

    c.compose("-f", file, "--project-name", project, "down");
  }
}
