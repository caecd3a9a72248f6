package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.load.CanonicalForm;
import io.berth.model.spec.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real compose files from public projects, read in place from the shared corpus beside the
 * repository (never copied in). Each must load, or be refused only for a key berth does not
 * support yet; what loads must come back unchanged from its own {@code config} output.
 */
class CorpusConformanceTest {
  @TempDir Path scratch;

  @TestFactory
  Stream<DynamicTest> awesomeComposeFilesLoadOrAreRefusedOnlyForUnsupportedKeys() throws IOException {
    Path root = Corpus.require().resolve("awesome-compose");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.getFileName().toString().matches("(docker-)?compose\\.ya?ml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(39);
    return files.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> check(file)));
  }

  private void check(Path file) throws IOException {
    Project project;
    try {
      project = load(file.getParent(), List.of(file));
    } catch (ComposeModelException e) {
      assertThat(e.getMessage()).as(file.toString()).contains("not supported yet");
      assertThat(e.pos().line()).as(e.getMessage()).isPositive();
      return;
    }
    Path copy = scratch.resolve(file.getParent().getFileName().toString());
    Files.createDirectories(copy);
    Path written = Files.writeString(copy.resolve("compose.yaml"), ConfigWriter.yaml(project));
    Project again = load(file.getParent(), List.of(written));
    assertThat(CanonicalForm.project(again)).as(ConfigWriter.yaml(project)).isEqualTo(CanonicalForm.project(project));
    assertThat(ConfigWriter.json(again)).isEqualTo(ConfigWriter.json(project));
  }

  private static Project load(Path projectDir, List<Path> files) {
    Map<String, String> env = Map.of("HOME", "/home/user");
    return ComposeLoader.load(new LoadRequest(projectDir, files, Optional.of(projectDir), Optional.empty(), List.of(), env), w -> {});
  }
}
