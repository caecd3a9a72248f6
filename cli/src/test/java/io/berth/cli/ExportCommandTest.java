package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.cli.terminal.TerminalStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export's refusals that need no Engine: nothing is asked of one. */
class ExportCommandTest {
  @TempDir Path dir;

  @Test
  void refusesToWriteATarToATerminal() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int code = Main.run(new Invocation(env, dir, new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream(),
        new TerminalStreams(false, true), bytes), "export", "web");

    assertThat(code).isNotZero();
    assertThat(err.toString()).isEqualTo("output option is required when exporting to terminal\n");
    assertThat(bytes.size()).isZero();
    assertThat(out.toString()).isEmpty();
  }
}
