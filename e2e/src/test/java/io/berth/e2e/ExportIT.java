package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Upstream {@code pkg/e2e/export_test.go}; the tars go to a copy of the fixture, not the repository. */
@Tag("engine")
class ExportIT {
  @RegisterExtension final Cli c = new Cli();

  /** TestExport. */
  @Test
  void export() {
    String project = "e2e-export-service";
    Path dir = c.copyFixture("export");
    c.inDir(dir);
    c.compose("--project-name", project, "down", "--timeout=0", "--remove-orphans");
    c.compose("-f", "./compose.yaml", "--project-name", project, "up", "-d", "service");
    c.compose("--project-name", project, "export", "-o", "service.tar", "service");
    assertThat(dir.resolve("service.tar")).isNotEmptyFile();
  }

  /** TestExportWithReplicas. */
  @Test
  void exportWithReplicas() {
    String project = "e2e-export-service-with-replicas";
    Path dir = c.copyFixture("export");
    c.inDir(dir);
    c.compose("--project-name", project, "down", "--timeout=0", "--remove-orphans");
    c.compose("-f", "./compose.yaml", "--project-name", project, "up", "-d", "service-with-replicas");
    c.compose("--project-name", project, "export", "-o", "r1.tar", "--index=1", "service-with-replicas");
    c.compose("--project-name", project, "export", "-o", "r2.tar", "--index=2", "service-with-replicas");
    assertThat(dir.resolve("r1.tar")).isNotEmptyFile();
    assertThat(dir.resolve("r2.tar")).isNotEmptyFile();
  }
}
