package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.load.GoDurations;
import io.berth.model.spec.Healthcheck;
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
import org.junit.jupiter.params.provider.CsvSource;

class ServiceAttributesTest {
  @TempDir Path dir;

  private Project load(String yaml, List<String> profiles, Map<String, String> env) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), yaml);
    return ComposeLoader.load(new LoadRequest(dir, List.of(), Optional.empty(), Optional.empty(), List.of(), env, profiles), w -> {});
  }

  private Project load(String yaml) throws IOException {
    return load(yaml, List.of(), Map.of());
  }

  @ParameterizedTest
  @CsvSource({"10s, 10s", "1m30s, 1m30s", "90s, 1m30s", "500ms, 500ms", "1.5s, 1.5s", "1h, 1h0m0s", "0, 0s", "2h3m4s, 2h3m4s", "1500us, 1.5ms", "2500ns, 2.5µs", "800ns, 800ns", "1m0.5s, 1m0.5s"})
  void goDurationsParseAndPrintAsGoDoes(String text, String printed) {
    assertThat(GoDurations.format(GoDurations.parse(text))).isEqualTo(printed);
  }

  @Test
  void healthcheckForms() throws IOException {
    Project p = load("""
        services:
          a:
            image: x
            healthcheck: {test: curl -f http://localhost, interval: 30s, timeout: 5s, retries: 3, start_period: 1m}
          b:
            image: x
            healthcheck: {test: [CMD, "true"]}
          c:
            image: x
            healthcheck: {disable: true}
        """);
    Healthcheck a = p.service("a").healthcheck().orElseThrow();
    assertThat(a.test()).containsExactly("CMD-SHELL", "curl -f http://localhost");
    assertThat(a.interval()).contains(Duration.ofSeconds(30));
    assertThat(a.retries()).contains(3);
    assertThat(a.startPeriod()).contains(Duration.ofMinutes(1));
    assertThat(p.service("b").healthcheck().orElseThrow().test()).containsExactly("CMD", "true");
    assertThat(p.service("c").healthcheck().orElseThrow().disabled()).isTrue();
  }

  @Test
  void badDurationAndTestArePointedAt() {
    assertThatThrownBy(() -> load("services:\n  a:\n    image: x\n    healthcheck: {interval: soon}\n"))
        .isInstanceOf(ComposeModelException.class)
        .hasMessageContaining("compose.yaml:4:29: services.a.healthcheck.interval: invalid duration \"soon\"");
    assertThatThrownBy(() -> load("services:\n  a:\n    image: x\n    healthcheck: {test: [RUN, x]}\n"))
        .hasMessageContaining("services.a.healthcheck.test: must start with CMD, CMD-SHELL or NONE");
  }

  @Test
  void envFileIsFoldedUnderEnvironment() throws IOException {
    Files.writeString(dir.resolve("a.env"), "A=from-a\nB=from-a\n");
    Files.writeString(dir.resolve("b.env"), "B=from-b\nC=from-b\n");
    Project p = load("""
        services:
          s:
            image: x
            env_file: [a.env, b.env, {path: missing.env, required: false}]
            environment: {C: inline}
        """);
    assertThat(p.service("s").environment()).containsExactly(Map.entry("A", "from-a"), Map.entry("B", "from-b"), Map.entry("C", "inline"));
    assertThatThrownBy(() -> load("services:\n  s:\n    image: x\n    env_file: nope.env\n"))
        .hasMessageContaining("compose.yaml:4:15: services.s.env_file: env file").hasMessageContaining("nope.env not found");
  }

  @Test
  void profilesEnableServices() throws IOException {
    String yaml = """
        services:
          web: {image: x}
          debug: {image: x, profiles: [debug]}
          tools: {image: x, profiles: [tools, debug]}
        """;
    assertThat(load(yaml).services()).containsOnlyKeys("web");
    assertThat(load(yaml, List.of("debug"), Map.of()).services()).containsOnlyKeys("web", "debug", "tools");
    assertThat(load(yaml, List.of(), Map.of("COMPOSE_PROFILES", "tools")).services()).containsOnlyKeys("web", "tools");
    assertThat(load(yaml, List.of("*"), Map.of()).services()).hasSize(3);
  }

  @Test
  void dependingOnADisabledServiceIsAnError() {
    assertThatThrownBy(() -> load("services:\n  web: {image: x, depends_on: [db]}\n  db: {image: x, profiles: [db]}\n"))
        .hasMessageContaining("depends on service \"db\", which is disabled by its profiles [db]");
  }

  @Test
  void runtimeOptionsAndTheirCanonicalOutput() throws IOException {
    Project p = load("""
        services:
          s:
            image: x
            hostname: h
            extra_hosts: {somehost: 10.0.0.1}
            stop_grace_period: 90s
            cap_add: [NET_ADMIN]
            networks:
              default:
                aliases: [alias1]
        """);
    var o = p.service("s").options();
    assertThat(o.extraHosts()).containsExactly("somehost:10.0.0.1");
    assertThat(o.stopGracePeriod()).contains(Duration.ofSeconds(90));
    assertThat(o.aliases()).containsEntry("default", List.of("alias1"));
    assertThat(ConfigWriter.yaml(p)).contains("stop_grace_period: 1m30s", "aliases:", "- alias1", "hostname: h");
  }
}
