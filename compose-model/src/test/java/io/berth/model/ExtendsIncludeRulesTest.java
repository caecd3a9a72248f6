package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.Mount;
import io.berth.model.spec.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code extends} and {@code include} as compose-go resolves them, one case per rule: a set of
 * files written to a fresh directory, the {@code -f} files, and either what the project must hold
 * or the error (its text, with {@code DIR} standing for the directory). Cases named after a
 * compose-go test follow it (loader/extends_test.go, include_test.go, override_test.go).
 */
class ExtendsIncludeRulesTest {
  @TempDir Path tmp;

  /** @param check given the project and the directory the files were written to */
  private record Case(String name, Map<String, String> files, List<String> main, String error, BiConsumer<Project, Path> check) {}

  private static Case ok(String name, Map<String, String> files, BiConsumer<Project, Path> check) {
    return new Case(name, files, List.of("compose.yaml"), null, check);
  }

  private static Case ok(String name, Map<String, String> files, List<String> main, BiConsumer<Project, Path> check) {
    return new Case(name, files, main, null, check);
  }

  private static Case fails(String name, Map<String, String> files, String error) {
    return new Case(name, files, List.of("compose.yaml"), error, null);
  }

  private static final List<Case> CASES = List.of(
      // --- extends
      ok("extends in the same file: scalars win, maps merge, command is replaced", Map.of("compose.yaml", """
          services:
            base:
              image: busybox
              command: [sleep, "1"]
              environment: {A: base, B: base}
            web:
              extends: base
              command: echo hi
              environment: {B: web}
          """), (p, d) -> {
            assertThat(p.service("web").image()).contains("busybox");
            assertThat(p.service("web").command()).contains(List.of("echo", "hi"));
            assertThat(p.service("web").environment()).containsExactly(Map.entry("A", "base"), Map.entry("B", "web"));
          }),
      ok("extends of a service that itself extends, each file's paths against its own folder", Map.of(
          "compose.yaml", "services:\n  web:\n    extends: {file: a/one.yaml, service: one}\n",
          "a/one.yaml", "services:\n  one:\n    extends: {file: ../b/two.yaml, service: two}\n    volumes: [./data:/one]\n",
          "b/two.yaml", "services:\n  two:\n    image: busybox\n    build: ./ctx\n    env_file: ./two.env\n",
          "b/two.env", "TWO=2\n"), (p, d) -> {
            assertThat(p.service("web").build().orElseThrow().context()).isEqualTo(d.resolve("b/ctx"));
            assertThat(p.service("web").environment()).containsEntry("TWO", "2");
            assertThat(p.service("web").volumes()).containsExactly(new Mount(Mount.Type.BIND, d.resolve("a/data").toString(), "/one", false));
          }),
      ok("TestLoadExtendsSameFile: a base in another folder extending in its own file", Map.of(
          "compose.yaml", "services:\n  out-base:\n    extends: {file: sub/compose.yaml, service: base}\n"
              + "  out-service:\n    extends: {file: sub/compose.yaml, service: service}\n",
          "sub/compose.yaml", "services:\n  base:\n    build:\n      context: ..\n  service:\n    extends: base\n    build:\n      target: target\n"),
          (p, d) -> {
            assertThat(p.service("out-base").build().orElseThrow().context()).isEqualTo(d);
            assertThat(p.service("out-service").build().orElseThrow().context()).isEqualTo(d);
            assertThat(p.service("out-service").build().orElseThrow().target()).contains("target");
          }),
      ok("extends.file of a later -f file is relative to the project directory", Map.of(
          "compose.yaml", "services:\n  web:\n    image: busybox\n",
          "base.yaml", "services:\n  base:\n    image: alpine\n    hostname: from-base\n",
          "sub/override.yaml", "services:\n  other:\n    extends: {file: base.yaml, service: base}\n"),
          List.of("compose.yaml", "sub/override.yaml"),
          (p, d) -> assertThat(p.service("other").options().hostname()).contains("from-base")),
      ok("!reset and !override in the extending service", Map.of("compose.yaml", """
          services:
            base:
              image: busybox
              command: sleep 1
              ports: ["80:80", "81:81"]
              labels: {a: "1"}
            web:
              extends: base
              command: !reset
              ports: !override ["90:90"]
              labels: !reset {}
          """), (p, d) -> {
            assertThat(p.service("web").command()).isEmpty();
            assertThat(p.service("web").ports()).extracting(pm -> pm.target()).containsExactly(90);
            assertThat(p.service("web").labels()).isEmpty();
            assertThat(p.service("base").ports()).hasSize(2);
          }),
      ok("TestOverrideSelfExtends: !override depends_on along a chain in one file", Map.of("compose.yaml", """
          services:
            depend_base: {image: nginx}
            depend_one: {image: nginx}
            depend_two:
              extends: {service: depend_one}
            main_one:
              image: nginx
              depends_on: [depend_one]
            main_two:
              extends: main_one
              depends_on: !override
                - depend_two
            main:
              extends: {service: main_two}
              depends_on: [depend_base]
          """), (p, d) -> assertThat(p.service("main").dependsOn()).containsOnlyKeys("depend_base", "depend_two")
          .containsEntry("depend_two", new Dependency("service_started", true, false))),
      ok("TestOverrideMiddle: each file's !override applies to its own extends", Map.of(
          "base.yaml", "services:\n  base:\n    volumes:\n      - /foo:/foo\n    networks:\n      - foo\n",
          "override.yaml", """
              services:
                override:
                  extends:
                    file: ./base.yaml
                    service: base
                  volumes: !override
                    - /bar:/bar
                  networks: !override
                    - bar
              """,
          "compose.yaml", """
              services:
                test:
                  image: test
                  extends:
                    file: ./override.yaml
                    service: override
                  volumes:
                    - /zot:/zot
                  networks: !override
                    - zot
              networks:
                zot: {}
              """), (p, d) -> {
            assertThat(p.service("test").volumes()).extracting(Mount::target).containsExactly("/bar", "/zot");
            assertThat(p.service("test").networks()).containsExactly("zot");
          }),
      ok("TestExtendsNil: extending a service written as nothing adds nothing", Map.of(
          "compose.yaml", "services:\n  web:\n    image: busybox\n    extends: {file: base.yaml, service: base}\n",
          "base.yaml", "services:\n  base:\n"),
          (p, d) -> assertThat(p.service("web").image()).contains("busybox")),
      fails("a missing service in the same file", Map.of("compose.yaml", "services:\n  web:\n    image: x\n    extends: nope\n"),
          "DIR/compose.yaml:4:14: services.web.extends: cannot extend service \"web\" in DIR/compose.yaml: service \"nope\" not found"),
      fails("a missing service in another file", Map.of(
          "compose.yaml", "services:\n  web:\n    extends: {file: other.yaml, service: nope}\n",
          "other.yaml", "services:\n  db:\n    image: x\n"),
          "services.web.extends: cannot extend service \"web\" in DIR/compose.yaml: service \"nope\" not found in DIR/other.yaml"),
      fails("a missing file", Map.of("compose.yaml", "services:\n  web:\n    extends: {file: gone.yaml, service: base}\n"),
          "DIR/compose.yaml:3:21: services.web.extends.file: cannot read DIR/gone.yaml: no such file"),
      fails("extends without service", Map.of("compose.yaml", "services:\n  web:\n    extends: {file: compose.yaml}\n"),
          "services.web.extends: extends.web.service is required"),
      fails("a service extending itself", Map.of("compose.yaml", "services:\n  a:\n    extends: a\n"),
          "services.a.extends: Circular reference: a in DIR/compose.yaml, extends a in DIR/compose.yaml"),
      fails("a cycle across files", Map.of(
          "compose.yaml", "services:\n  a:\n    extends: {file: other.yaml, service: b}\n",
          "other.yaml", "services:\n  b:\n    extends: {file: compose.yaml, service: a}\n"),
          "Circular reference: a in DIR/compose.yaml, extends b in DIR/other.yaml, extends a in DIR/compose.yaml"),
      fails("what a base depends on is not imported with it", Map.of(
          "compose.yaml", "services:\n  bar:\n    extends: {file: base.yaml, service: foo}\n",
          "base.yaml", "services:\n  foo:\n    image: foo\n    depends_on: [zot]\n  zot:\n    image: zot\n"),
          "service \"bar\" depends on undefined service \"zot\""),

      // --- several -f files
      ok("!reset and !override in a later -f file", Map.of(
          "compose.yaml", "services:\n  web:\n    image: web\n    ports: [\"80:80\"]\n    command: sleep 1\n  debug:\n    image: d\n",
          "override.yaml", "services:\n  web:\n    ports: !override [\"81:81\"]\n    command: !reset null\n  debug: !reset\n"),
          List.of("compose.yaml", "override.yaml"), (p, d) -> {
            assertThat(p.services()).containsOnlyKeys("web");
            assertThat(p.service("web").ports()).extracting(pm -> pm.target()).containsExactly(81);
            assertThat(p.service("web").command()).isEmpty();
          }),
      ok("!override in the second path of an include", Map.of(
          "compose.yaml", "include:\n  - path: [a.yaml, b.yaml]\n",
          "a.yaml", "services:\n  s:\n    image: s\n    environment: {A: \"1\"}\n",
          "b.yaml", "services:\n  s:\n    environment: !override {B: \"2\"}\n"),
          (p, d) -> assertThat(p.service("s").environment()).containsExactly(Map.entry("B", "2"))),

      // --- include
      ok("an included project's services, networks and volumes, its paths against its own folder", Map.of(
          "compose.yaml", "name: main\ninclude:\n  - db/compose.yaml\nservices:\n  web:\n    image: web\n    depends_on: [db]\n",
          "db/compose.yaml", """
              name: ignored
              x-ignored: {a: 1}
              services:
                db:
                  image: db
                  build: .
                  volumes: [./init:/init, data:/data]
              volumes:
                data:
              networks:
                back:
              """), (p, d) -> {
            assertThat(p.name()).isEqualTo("main");
            assertThat(p.services()).containsOnlyKeys("web", "db");
            assertThat(p.service("db").build().orElseThrow().context()).isEqualTo(d.resolve("db"));
            assertThat(p.service("db").volumes()).contains(new Mount(Mount.Type.BIND, d.resolve("db/init").toString(), "/init", false));
            assertThat(p.volumes()).containsKey("data");
            assertThat(p.networks()).containsKey("back");
          }),
      ok("a local definition merges over the included one", Map.of(
          "compose.yaml", "include: [inc.yaml]\nservices:\n  db:\n    environment: {LOCAL: wins, SHARED: local}\n",
          "inc.yaml", "services:\n  db:\n    image: db\n    environment: {INC: 1, SHARED: inc}\n"), (p, d) -> {
            assertThat(p.service("db").image()).contains("db");
            assertThat(p.service("db").environment()).containsOnly(
                Map.entry("INC", "1"), Map.entry("LOCAL", "wins"), Map.entry("SHARED", "local"));
          }),
      ok("!override and !reset in the including file apply to the included definition", Map.of(
          "compose.yaml", "include: [inc.yaml]\nservices:\n  db:\n    environment: !override {ONLY: me}\n    ports: !reset []\n",
          "inc.yaml", "services:\n  db:\n    image: db\n    environment: {INC: 1}\n    ports: [\"5432:5432\"]\n"), (p, d) -> {
            assertThat(p.service("db").environment()).containsExactly(Map.entry("ONLY", "me"));
            assertThat(p.service("db").ports()).isEmpty();
          }),
      ok("two includes defining one name: the first one's definition wins over the second's", Map.of(
          "compose.yaml", "include: [one.yaml, two.yaml]\n",
          "one.yaml", "services:\n  svc:\n    image: one\n    labels: {from: one}\n",
          "two.yaml", "services:\n  svc:\n    image: two\n    hostname: two\n"), (p, d) -> {
            assertThat(p.service("svc").image()).contains("one");
            assertThat(p.service("svc").options().hostname()).contains("two");
          }),
      ok("the same file included twice is one definition", Map.of(
          "compose.yaml", "include: [inc.yaml, inc.yaml]\n",
          "inc.yaml", "services:\n  db:\n    image: db\n    ports: [\"5432:5432\"]\n"),
          (p, d) -> assertThat(p.service("db").ports()).hasSize(1)),
      ok("path as a list: later files override the first; project_directory and env_file", Map.of(
          "compose.yaml", "include:\n  - path: [inc/a.yaml, inc/b.yaml]\n    project_directory: proj\n    env_file: vars.env\n",
          "vars.env", "TAG=1.2\n",
          "inc/a.yaml", "services:\n  app:\n    image: app:${TAG}\n    build: .\n",
          "inc/b.yaml", "services:\n  app:\n    hostname: b\n"), (p, d) -> {
            assertThat(p.service("app").image()).contains("app:1.2");
            assertThat(p.service("app").options().hostname()).contains("b");
            assertThat(p.service("app").build().orElseThrow().context()).isEqualTo(d.resolve("proj"));
          }),
      ok("TestLoadWithIncludeEnv: a bare variable of an included service comes from the include's env_file", Map.of(
          "compose.yaml", "include:\n  - path: [./module/compose.yml]\n    env_file: [./custom.env]\n"
              + "services:\n  a:\n    image: alpine\n    environment: [VAR_NAME]\n",
          "custom.env", "VAR_NAME=value\n",
          "module/compose.yml", "services:\n  b:\n    image: alpine\n    environment: [VAR_NAME]\n"
              + "  c:\n    image: alpine\n    environment:\n      VAR_NAME:\n"), (p, d) -> {
            assertThat(p.service("a").environment()).containsEntry("VAR_NAME", null);
            assertThat(p.service("b").environment()).containsEntry("VAR_NAME", "value");
            assertThat(p.service("c").environment()).containsEntry("VAR_NAME", "value");
          }),
      ok("the including environment wins over the include's .env", Map.of(
          "compose.yaml", "include: [inc/compose.yaml]\n",
          ".env", "WHO=parent\n",
          "inc/.env", "WHO=include\nONLY=include\n",
          "inc/compose.yaml", "services:\n  s:\n    image: x\n    labels: {who: $WHO, only: $ONLY}\n"),
          (p, d) -> assertThat(p.service("s").labels()).containsEntry("who", "parent").containsEntry("only", "include")),
      ok("TestNestedIncludeAndExtends: extends.file inside an include is relative to its project_directory", Map.of(
          "compose.yaml", "include:\n  - project_directory: .\n    path: dir/included.yaml\n",
          "dir/included.yaml", "services:\n  included:\n    extends:\n      file: dir/extended.yaml\n      service: extended\n",
          "dir/extended.yaml", "services:\n  extended:\n    image: alpine\n"),
          (p, d) -> assertThat(p.service("included").image()).contains("alpine")),
      fails("an include cycle", Map.of(
          "compose.yaml", "include: [other.yaml]\n",
          "other.yaml", "include: [compose.yaml]\nservices:\n  x:\n    image: x\n"),
          "include[0]: include cycle detected: DIR/compose.yaml include DIR/other.yaml include DIR/compose.yaml"),
      fails("a missing included file", Map.of("compose.yaml", "include:\n  - nope.yaml\n"),
          "DIR/compose.yaml:2:5: include[0]: included file DIR/nope.yaml not found"),
      fails("a missing include env_file", Map.of(
          "compose.yaml", "include:\n  - path: inc.yaml\n    env_file: missing.env\n",
          "inc.yaml", "services:\n  s:\n    image: x\n"),
          "DIR/compose.yaml:3:15: include[0].env_file: env file DIR/missing.env not found"));

  @TestFactory
  Stream<DynamicTest> extendsAndIncludeRules() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  @Test
  void anObsoleteVersionIsReportedForTheFileThatHasIt() throws IOException {
    Files.writeString(tmp.resolve("compose.yaml"), "include: [inc.yaml]\nservices:\n  a:\n    image: a\n");
    Files.writeString(tmp.resolve("inc.yaml"), "version: '3'\nservices:\n  b:\n    image: b\n");
    List<String> warnings = new ArrayList<>();
    ComposeLoader.load(LoadRequest.inDirectory(tmp, Map.of()), warnings::add);
    assertThat(warnings).containsExactly(tmp.resolve("inc.yaml")
        + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion");
  }

  private void run(Case c) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "case");
    for (Map.Entry<String, String> f : c.files().entrySet()) {
      Path file = dir.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue());
    }
    LoadRequest request = new LoadRequest(dir, c.main().stream().map(Path::of).toList(), Optional.empty(), Optional.empty(),
        List.of(), Map.of());
    if (c.error() != null) {
      assertThatThrownBy(() -> ComposeLoader.load(request, w -> {})).isInstanceOf(ComposeModelException.class)
          .hasMessageContaining(c.error().replace("DIR", dir.toString()));
      return;
    }
    c.check().accept(ComposeLoader.load(request, w -> {}), dir);
  }
}
