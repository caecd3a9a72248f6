package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.Mount;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {
  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private Project load(Map<String, String> env, String... files) {
    List<Path> paths = java.util.Arrays.stream(files).map(Path::of).toList();
    return ComposeLoader.load(new LoadRequest(dir, paths, Optional.empty(), Optional.empty(), List.of(), env), warnings::add);
  }

  private Project load() {
    return load(Map.of());
  }

  private ComposeModelException error(String yaml) throws IOException {
    write("compose.yaml", yaml);
    try {
      load();
    } catch (ComposeModelException e) {
      return e;
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  @Test
  void discoversComposeFilesInComposesOrderAndWalksUp() throws IOException {
    write("docker-compose.yml", "services: {a: {image: x}}\n");
    write("compose.yaml", "services: {b: {image: x}}\n");
    write("compose.override.yml", "services: {b: {environment: [K=v]}}\n");
    Path sub = Files.createDirectories(dir.resolve("sub/deeper"));

    Project p = ComposeLoader.load(LoadRequest.inDirectory(sub, Map.of()), w -> {});

    assertThat(p.services()).containsOnlyKeys("b");
    assertThat(p.service("b").environment()).containsEntry("K", "v");
    assertThat(p.configFiles()).containsExactly(dir.resolve("compose.yaml"), dir.resolve("compose.override.yml"));
    assertThat(p.workingDir()).isEqualTo(dir);
  }

  @Test
  void withoutAFileTheSearchStartsInTheProjectDirectory() throws IOException {
    write("compose.yaml", "services: {outer: {image: x}}\n");
    write("app/compose.yaml", "services: {inner: {image: x}}\n");

    Project p = ComposeLoader.load(new LoadRequest(dir, List.of(), Optional.of(dir.resolve("app")), Optional.empty(), List.of(),
        Map.of()), w -> {});

    assertThat(p.services()).containsOnlyKeys("inner");
    assertThat(p.name()).isEqualTo("app");
    assertThat(p.workingDir()).isEqualTo(dir.resolve("app"));
  }

  @Test
  void noComposeFileNamesTheDirectoryAndTheNames() {
    assertThatThrownBy(this::load).isInstanceOf(ComposeModelException.class)
        .hasMessageContaining("compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml")
        .hasMessageContaining(dir.toString());
  }

  @Test
  void projectNamePrecedenceAndNormalization() throws IOException {
    write("compose.yaml", "name: My_App.1\nservices: {a: {image: x}}\n");
    assertThat(load().name()).isEqualTo("my_app1");
    assertThat(load(Map.of("COMPOSE_PROJECT_NAME", "fromenv")).name()).isEqualTo("fromenv");
    assertThat(ComposeLoader.load(new LoadRequest(dir, List.of(), Optional.empty(), Optional.of("flag"), List.of(),
        Map.of("COMPOSE_PROJECT_NAME", "fromenv")), w -> {}).name()).isEqualTo("flag");
    assertThatThrownBy(() -> load(Map.of("COMPOSE_PROJECT_NAME", "Bad.Name")))
        .hasMessageStartingWith("invalid project name \"Bad.Name\"");

    write("compose.yaml", "services: {a: {image: x}}\n");
    assertThat(load().name()).isEqualTo(dir.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9_-]", "").replaceAll("^[_-]+", ""));
  }

  @Test
  void interpolatesFromShellOverDotEnvWithDollarEscape() throws IOException {
    write(".env", "TAG=fromfile\nPORT=8080\n");
    write("compose.yaml", """
        services:
          web:
            image: "busybox:${TAG}"
            command: echo $$HOME ${MISSING:-dflt}
            ports: ["127.0.0.1:${PORT}:80"]
        """);

    Service web = load(Map.of("TAG", "fromshell")).service("web");

    assertThat(web.image()).contains("busybox:fromshell");
    assertThat(web.command()).contains(List.of("echo", "$HOME", "dflt"));
    assertThat(web.ports().get(0).published()).isEqualTo("8080");
  }

  @Test
  void environmentListAndMapWithBareKeysFromTheShell() throws IOException {
    write("compose.yaml", """
        services:
          a:
            image: x
            environment: [A=1, B=, C, D]
          b:
            image: x
            environment: {A: 1, B: null, C: true}
        """);
    Project p = load(Map.of("C", "from-shell"));

    // D is set nowhere: it stays, as null, which config prints and the container does not get.
    assertThat(p.service("a").environment()).containsOnlyKeys("A", "B", "C", "D").containsEntry("A", "1").containsEntry("B", "")
        .containsEntry("C", "from-shell").containsEntry("D", null);
    assertThat(p.service("b").environment()).containsOnlyKeys("A", "B", "C").containsEntry("A", "1").containsEntry("B", null)
        .containsEntry("C", "true");
  }

  @Test
  void volumesBindByFirstCharacterNamedMustBeDeclared() throws IOException {
    write("compose.yaml", """
        services:
          a:
            image: x
            volumes: [./www:/www:ro, data:/data, /anon, /abs:/abs]
        volumes:
          data:
        """);
    List<Mount> mounts = load().service("a").volumes();
    assertThat(mounts).containsExactly(
        new Mount(Mount.Type.BIND, dir.resolve("www").toString(), "/www", true),
        new Mount(Mount.Type.VOLUME, "data", "/data", false),
        new Mount(Mount.Type.VOLUME, "", "/anon", false),
        new Mount(Mount.Type.BIND, "/abs", "/abs", false));
    assertThat(load().volumes().get("data").name()).isEqualTo(load().name() + "_data");

    ComposeModelException e = error("services:\n  a:\n    image: x\n    volumes: [data:/data]\n");
    assertThat(e.getMessage()).contains("compose.yaml:4:15", "refers to undefined volume data");
  }

  @Test
  void dependsOnShortAndLongForms() throws IOException {
    write("compose.yaml", """
        services:
          a: {image: x, depends_on: [b]}
          b: {image: x, depends_on: {c: {condition: service_healthy, restart: true}}}
          c: {image: x}
        """);
    Project p = load();
    assertThat(p.service("a").dependsOn()).containsExactly(Map.entry("b", Dependency.started()));
    assertThat(p.service("b").dependsOn()).containsExactly(Map.entry("c", new Dependency("service_healthy", true, true)));
  }

  @Test
  void laterFilesOverrideEarlierOnes() throws IOException {
    write("a.yaml", """
        services:
          web:
            image: one
            command: [a, b]
            environment: [X=1, Y=1]
            ports: ["80"]
            labels: {l1: a}
        """);
    write("b.yaml", """
        services:
          web:
            image: two
            command: [c]
            environment: {Y: 2, Z: 3}
            ports: ["81"]
          extra:
            image: three
        """);
    Project p = load(Map.of(), "a.yaml", "b.yaml");
    Service web = p.service("web");

    assertThat(web.image()).contains("two");
    assertThat(web.command()).contains(List.of("c"));
    assertThat(web.environment()).containsExactly(Map.entry("X", "1"), Map.entry("Y", "2"), Map.entry("Z", "3"));
    assertThat(web.ports()).extracting(pm -> pm.target()).containsExactly(80, 81);
    assertThat(web.labels()).containsEntry("l1", "a");
    assertThat(p.services()).containsOnlyKeys("web", "extra");
  }

  @Test
  void defaultNetworkIsImplicit() throws IOException {
    write("compose.yaml", "services: {a: {image: x}}\n");
    Project p = load();
    assertThat(p.service("a").networks()).containsExactly("default");
    assertThat(p.networks().get("default").name()).isEqualTo(p.name() + "_default");
  }

  @Test
  void errorsPointAtFileLineAndColumn() throws IOException {
    String file = dir.resolve("compose.yaml").toString();
    assertThat(error("services:\n  web:\n    image: x\n    imagee: y\n").getMessage())
        .startsWith(file + ":4:5: services.web: additional property imagee is not allowed");
    assertThat(error("services:\n  web:\n    image: x\n    blkio_config: {weight: 5}\n").getMessage())
        .isEqualTo(file + ":4:28: services.web.blkio_config.weight: must be between 10 and 1000, found 5");
    assertThat(error("services:\n  web:\n    image: x\n    depends_on: [nope]\n").getMessage())
        .startsWith(file + ":4:18: services.web.depends_on[0]: service \"web\" depends on undefined service \"nope\"");
    assertThat(error("services:\n  web:\n    image: x\n    image: y\n").getMessage())
        .isEqualTo(file + ":4:5: mapping key \"image\" already defined at line 3");
    assertThat(error("services:\n  web:\n    image: [x]\n").getMessage())
        .isEqualTo(file + ":3:12: services.web.image: must be a string, found a sequence");
    assertThat(error("services:\n  web:\n    image: x\n    restart: sometimes\n").getMessage())
        .contains(":4:14: services.web.restart: invalid restart policy \"sometimes\"");
    assertThat(error("services:\n  web:\n    image: \"${oops\"\n").getMessage())
        .contains(":3:12: services.web.image: invalid interpolation format");
    assertThat(error("services:\n  web:\n    image: x\n   bad: [\n").getMessage())
        .startsWith(file + ":").contains("invalid YAML");
    assertThat(error("services:\n  web:\n    command: x\n").getMessage())
        .contains("has neither an image nor a build context specified");
  }

  @Test
  void noAsAValueStaysAString() throws IOException {
    write("compose.yaml", "services:\n  a:\n    image: x\n    restart: no\n");
    assertThat(load().service("a").restart()).contains("no");
  }

  @Test
  void mergeKeysAndAnchors() throws IOException {
    write("compose.yaml", """
        x-base: &base
          image: base
          environment: {A: 1}
        services:
          a:
            <<: *base
            command: run
          b: *base
        """);
    Project p = load();
    assertThat(p.service("a").image()).contains("base");
    assertThat(p.service("a").command()).contains(List.of("run"));
    assertThat(p.service("b").environment()).containsEntry("A", "1");
  }

  @Test
  void aliasBombFailsFast() throws IOException {
    StringBuilder yaml = new StringBuilder("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append("x-").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      yaml.append("]\n");
      prev = c;
    }
    yaml.append("services: {a: {image: x}}\n");
    write("compose.yaml", yaml.toString());

    ComposeModelException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> org.assertj.core.api.Assertions.catchThrowableOfType(ComposeModelException.class, this::load));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("compose.yaml:", "too many aliases");
  }

  @Test
  void aLargeFileWithoutAliasesLoadsTheAliasBudgetIsForAliasesOnly() throws IOException {
    // 50,000 services: some 200,000 nodes, twice the alias budget, and not one alias.
    StringBuilder yaml = new StringBuilder("services:\n");
    for (int i = 0; i < 50_000; i++) {
      yaml.append("  s").append(i).append(":\n    image: busybox\n    command: [\"sleep\", \"").append(i).append("\"]\n");
    }
    write("compose.yaml", yaml.toString());

    long start = System.nanoTime();
    Project p = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> load());
    System.out.printf("50,000 services loaded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    assertThat(p.services()).hasSize(50_000);
    assertThat(p.service("s49999").command()).contains(List.of("sleep", "49999"));
  }

  @Test
  void aComposeFileThatIsADirectoryOrALoopSaysSo() throws IOException {
    Files.createDirectories(dir.resolve("conf.d"));
    Files.createSymbolicLink(dir.resolve("loop-a.yaml"), dir.resolve("loop-b.yaml"));
    Files.createSymbolicLink(dir.resolve("loop-b.yaml"), dir.resolve("loop-a.yaml"));

    assertThatThrownBy(() -> load(Map.of(), "conf.d"))
        .hasMessage(dir.resolve("conf.d") + ": is a directory, not a compose file");
    assertThatThrownBy(() -> load(Map.of(), "loop-a.yaml"))
        .hasMessage(dir.resolve("loop-a.yaml") + ": is a symbolic link loop, not a compose file");
    assertThatThrownBy(() -> load(Map.of(), "absent.yaml")).hasMessage(dir.resolve("absent.yaml") + ": no such compose file");
  }

  @Test
  void anIncludeOfASymbolicLinkLoopOrADirectorySaysSoWithItsPosition() throws IOException {
    Files.createSymbolicLink(dir.resolve("loop-a.yaml"), dir.resolve("loop-b.yaml"));
    Files.createSymbolicLink(dir.resolve("loop-b.yaml"), dir.resolve("loop-a.yaml"));
    Files.createDirectories(dir.resolve("conf.d"));

    assertThat(error("include:\n  - loop-a.yaml\nservices: {a: {image: x}}\n"))
        .hasMessage(dir.resolve("compose.yaml") + ":2:5: include[0]: included file " + dir.resolve("loop-a.yaml") + " is a symbolic link loop");
    assertThat(error("services: {a: {image: x}}\ninclude:\n  - conf.d\n"))
        .hasMessage(dir.resolve("compose.yaml") + ":3:5: include[0]: included file " + dir.resolve("conf.d") + " is a directory");
  }

  @Test
  void anIncludeCycleThroughASymbolicLinkIsACycle() throws IOException {
    Files.createSymbolicLink(dir.resolve("itself.yaml"), dir.resolve("compose.yaml"));

    assertThat(error("include:\n  - itself.yaml\nservices: {a: {image: x}}\n").getMessage())
        .contains("include[0]: include cycle detected: ").doesNotContain("not found");
  }

  @Test
  void deepNestingFailsFast() throws IOException {
    write("compose.yaml", "x-deep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\nservices: {a: {image: x}}\n");

    ComposeModelException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> org.assertj.core.api.Assertions.catchThrowableOfType(ComposeModelException.class, this::load));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("compose.yaml:", "nests too deeply");
  }

  @Test
  void obsoleteVersionWarns() throws IOException {
    write("compose.yaml", "version: '3.8'\nservices: {a: {image: x}}\n");
    load();
    assertThat(warnings).anyMatch(w -> w.contains("the attribute `version` is obsolete"));
  }
}
