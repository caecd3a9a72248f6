package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs the loader fuzzer found mishandled: each now ends in a positioned error, quickly. */
class HostileInputTest {
  @TempDir Path dir;

  private Project load(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("compose.yaml"), yaml);
    return ComposeLoader.load(new LoadRequest(dir, List.of(file), Optional.empty(), Optional.empty(), List.of(),
        Map.of("HOME", "/home/user")), w -> {});
  }

  private ComposeModelException error(String yaml) {
    ComposeModelException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> catchThrowableOfType(ComposeModelException.class, () -> load(yaml)));
    assertThat(e).as("no error for %s", yaml.length() > 200 ? yaml.substring(0, 200) + "..." : yaml).isNotNull();
    return e;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "services: {a: {image: x, env_file: \"a\\0b\"}}",
      "services: {a: {image: x, volumes: [\"./a\\0:/x\"]}}",
      "services: {a: {image: x, volumes: [{type: bind, source: \"./a\\0\", target: /x}]}}",
      "services: {a: {build: \"./a\\0\"}}",
      "services: {a: {build: {context: \"./a\\0\"}}}",
      "services: {a: {image: x, extends: {file: \"b\\0.yaml\", service: b}}}",
      "include: [\"b\\0.yaml\"]\nservices: {a: {image: x}}",
      "services: {a: {image: x}}\nsecrets: {s: {file: \"a\\0\"}}",
      "services: {a: {build: {context: \"\\uDC00\"}}}",
      "services: {a: {image: x, env_file: [\"a\\uD800b\"]}}",
  })
  void aNameNoFileCanHaveIsAPositionedError(String yaml) {
    ComposeModelException e = error(yaml);
    assertThat(e.detail()).isEqualTo("no file can have this name: it has a NUL character or invalid Unicode");
    assertThat(e.pos().line()).isPositive();
  }

  @Test
  void anIncludeWithNoPathIsAPositionedError() {
    ComposeModelException e = error("include: [{path: []}]\nservices: {a: {image: x}}\n");
    assertThat(e.getMessage()).isEqualTo(dir.resolve("compose.yaml") + ":1:18: include[0].path: must name at least one file");
  }

  @Test
  void aNameThatNormalizesToNothingPointsAtTheNameKey() {
    ComposeModelException e = error("services: {a: {image: x}}\nname: \"$$$$ !!\"\n");
    assertThat(e.getMessage()).startsWith(dir.resolve("compose.yaml") + ":2:7: name: project name must not be empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "{a: "})
  void thousandsOfOpenBracketsFailFastAtTheFirstNodeTooDeep(String open) {
    ComposeModelException e = error("services: {a: {image: x}}\nx-deep: " + open.repeat(30_000) + "\n");
    assertThat(e.detail()).contains("nests too deeply");
    assertThat(e.pos().line()).isEqualTo(2);
    // The top-level mapping is the first level, so the 500th bracket opens level 501.
    assertThat(e.pos().column()).isEqualTo("x-deep: ".length() + 499 * open.length() + 1);
  }

  @Test
  void aLongRunOfDigitsIsRefusedQuicklyWhereverItIs() {
    String digits = "9".repeat(300_000);
    assertThat(error("services: {a: {image: x, healthcheck: {test: [NONE], interval: '" + digits + "'}}}\n").detail())
        .startsWith("invalid duration");
    assertThat(error("services: {a: {image: x, stop_grace_period: '1s" + digits + "'}}\n").detail())
        .startsWith("invalid duration");
    assertThat(error("services: {a: {image: x, scale: " + digits + "}}\n").detail()).startsWith("must be a whole number");
    assertThat(error("services: {a: {image: x, scale: '" + digits + "'}}\n").detail())
        .startsWith("failed to cast to expected type: strconv.Atoi: parsing \"999").endsWith(": value out of range");
    assertThat(error("services: {a: {image: x, cpus: '" + digits + "x'}}\n").detail())
        .startsWith("failed to cast to expected type: strconv.ParseFloat: parsing \"999").endsWith(": invalid syntax");
  }

  @Test
  void aMegabyteScalarLoadsQuickly() {
    Project p = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> load("services: {a: {image: x, labels: {big: \"" + "${HOME}".repeat(150_000) + "\"}}}\n"));
    assertThat(p.service("a").labels().get("big")).hasSize("/home/user".length() * 150_000);
  }
}
