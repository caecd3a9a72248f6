package io.berth.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/ipc_test.go}. */
@Tag("engine")
class IpcIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestIPC. */
  @Test
  void ipc() {
    String project = "ipc_e2e";
    try {
      // create ipc mode container
      Result res = c.docker("run", "-d", "--rm", "--ipc=shareable", "--name", "ipc_mode_container", "alpine", "top");
      String cid = res.stdout().strip();

      // up
      c.compose("-f", "./fixtures/ipc-test/compose.yaml", "--project-name", project, "up", "-d");

      // check running project
      c.compose("-p", project, "ps").assertOutContains("shareable");

      // check ipcmode in container inspect
      c.docker("inspect", project + "-shareable-1").assertOutContains("\"IpcMode\": \"shareable\",");
      c.docker("inspect", project + "-service-1").assertOutContains("\"IpcMode\": \"container:");
      c.docker("inspect", project + "-container-1").assertOutContains("\"IpcMode\": \"container:" + cid + "\",");

      // down
      c.compose("--project-name", project, "down");
    } finally {
      // remove ipc mode container
      c.dockerNoCheck("rm", "-f", "ipc_mode_container");
    }
  }
}
