package io.berth.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/expose_test.go}. */
@Tag("engine")
class ExposeIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestExposeRange: an exposed port range is accepted (docker/compose#13378). */
  @Test
  void exposeRange() throws Exception {
    Path f = Files.createTempDirectory("berth-e2e-expose-").resolve("compose.yaml");
    Files.writeString(f, """
        name: test-expose-range
        services:
          test:
            image: alpine
            expose:
              - "9091-9092"
        """);
    try {
      c.compose("-f", f.toString(), "up");
    } finally {
      c.cleanupWithDown("test-expose-range");
    }
  }
}
