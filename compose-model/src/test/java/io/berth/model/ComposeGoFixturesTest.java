package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.Mount;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * compose-go's own YAML fixtures ({@code compose-go/} in the shared corpus), read in place, each
 * asserted with the result compose-go's tests expect of it: values, project names and errors (in
 * compose's words where berth uses them). Where a compose-go test gives the main file inline, that
 * file is written to a temporary directory and the fixture's folder is the project directory, so
 * its relative paths mean what they mean in compose-go's test. Every fixture must have a check here.
 */
class ComposeGoFixturesTest {
  @TempDir Path scratch;

  private static Path root;
  private Path cli;
  private Path loader;

  @BeforeAll
  static void corpus() {
    root = Corpus.require("compose-go");
  }

  @TestFactory
  Stream<DynamicTest> everyComposeGoFixture() throws IOException {
    cli = root.resolve("cli/testdata");
    loader = root.resolve("loader/testdata");
    Map<String, Executable> checks = checks();
    List<String> fixtures;
    try (Stream<Path> walk = Files.walk(root)) {
      fixtures = walk.filter(p -> p.toString().endsWith(".yaml")).map(p -> root.relativize(p).toString()).sorted().toList();
    }
    assertThat(fixtures).hasSize(42);
    assertThat(checks.keySet()).as("checks for fixtures that are not in the corpus").isSubsetOf(fixtures);
    return fixtures.stream().map(f -> DynamicTest.dynamicTest(f, () -> {
      assertThat(checks).as("a check for " + f).containsKey(f);
      checks.get(f).execute();
    }));
  }

  private Map<String, Executable> checks() {
    Map<String, Executable> c = new LinkedHashMap<>();
    c.put("cli/testdata/simple/compose.yaml", this::projectNames);
    c.put("cli/testdata/simple/compose-with-overrides.yaml", () -> {
      // TestProjectFromSetOfFiles, TestProjectComposefilesFromWorkingDir
      Path simple = cli.resolve("simple");
      Project p = load(request(simple, List.of("compose.yaml", "compose-with-overrides.yaml")).name("my_project"));
      assertThat(p.service("simple").image()).contains("haproxy");
      assertThat(p.configFiles()).containsExactly(simple.resolve("compose.yaml"), simple.resolve("compose-with-overrides.yaml"));
    });
    c.put("cli/testdata/simple/compose-name.yaml", () ->
        assertThat(load(request(cli.resolve("simple"), List.of("compose-name.yaml")).env("TEST", "expected")).name())
            .isEqualTo("test-expected-test"));
    c.put("cli/testdata/simple/compose-with-variables.yaml", () -> {
      // TestProjectWithDotEnv: the variable comes from simple/.env
      Project p = load(request(cli.resolve("simple"), List.of("compose-with-variables.yaml")).name("my_project"));
      assertThat(p.service("simple").ports().get(0).published()).isEqualTo("8000");
    });
    c.put("cli/testdata/simple/compose-with-paths.yaml", () -> {
      // compose-go asserts Windows path conversion only on Windows; here: relative binds resolve against the project.
      Path simple = cli.resolve("simple");
      Project p = load(request(simple, List.of("compose-with-paths.yaml")));
      assertThat(p.service("test").volumes()).extracting(Mount::source).contains(
          simple.resolve("relative").toString(), simple.resolve("relative2").toString());
    });
    c.put("cli/testdata/UNNORMALIZED PATH/compose.yaml", () ->
        assertThat(load(request(cli.resolve("UNNORMALIZED PATH"), List.of("compose.yaml"))).name()).isEqualTo("unnormalizedpath"));
    c.put("cli/testdata/env-file/compose-with-env-file.yaml", this::envFile);
    c.put("cli/testdata/env-file/compose-with-env-files.yaml", () -> {
      // TestProjectWithMultipleEnvFile: the later env_file and the later --env-file win
      Project p = load(request(cli, List.of("env-file/compose-with-env-files.yaml"))
          .envFiles("env-file/.env", "env-file/override.env"));
      assertThat(p.service("simple").environment()).containsEntry("DEFAULT_PORT", "9090");
      assertThat(p.service("simple").ports().get(0).published()).isEqualTo("9000");
    });

    c.put("loader/testdata/compose-test-with-version.yaml", this::withVersion);
    c.put("loader/testdata/compose-test-extends.yaml", () -> {
      // TestLoadWithExtends: the base's env_file is relative to the extended file, not the extending one
      Service importer = load(request(loader, List.of("compose-test-extends.yaml"))).service("importer");
      assertImported(importer, "imported");
      assertThat(importer.networks()).containsExactly("default");
    });
    c.put("loader/testdata/compose-test-extends-with-context-url.yaml", () -> {
      // TestLoadWithExtendsWithContextUrl keeps the URL; berth builds from local contexts only and says so where the URL is
      assertRefused(request(loader, List.of("compose-test-extends-with-context-url.yaml")),
          "services.importer-with-https-url.build.context: remote build contexts are not supported yet");
    });
    c.put("loader/testdata/compose-test-extends-with-context-url-imported.yaml", () ->
        assertRefused(request(loader, List.of("compose-test-extends-with-context-url-imported.yaml")),
            "compose-test-extends-with-context-url-imported.yaml:4:7: services.imported-with-https-url.build.context: "
                + "remote build contexts are not supported yet"));
    c.put("loader/testdata/subdir/compose-test-extends-imported.yaml", this::include);
    c.put("loader/testdata/compose-include.yaml", this::includeTwiceAndConflict);
    c.put("loader/testdata/compose-include-cycle.yaml", () ->
        assertRefused(request(loader, List.of("compose-include-cycle.yaml")), "include[0]: include cycle detected: "));
    // TestLoadDependsOnCycle and TestLoadDependsOnSelf: berth reports "dependency cycle detected: service1 ->
    // service2 -> service3 -> service1" when it plans (the planner's ServiceGraph); the model keeps the edges.
    c.put("loader/testdata/compose-depends-on-cycle.yaml", () -> dependsOnCycle("compose-depends-on-cycle.yaml"));
    c.put("loader/testdata/compose-depends-on-profile-no-cycle.yaml", () -> dependsOnCycle("compose-depends-on-profile-no-cycle.yaml"));
    c.put("loader/testdata/compose-depends-on-self.yaml", () -> {
      Project p = load(request(loader, List.of("compose-depends-on-self.yaml")));
      assertThat(p.name()).isEqualTo("depends-on-cycle");
      assertThat(p.service("service1").dependsOn()).containsOnlyKeys("service1");
    });
    c.put("loader/testdata/empty.yaml", () -> assertRefused(request(loader, List.of("empty.yaml")), "empty compose file"));

    c.put("loader/testdata/extends/base.yaml", this::extendsBase);
    c.put("loader/testdata/extends/sibling.yaml", () -> {
      Service test = load(request(loader.resolve("extends"), List.of("sibling.yaml"))).service("test");
      assertThat(test.build().orElseThrow().context()).isEqualTo(loader.resolve("extends"));
    });
    c.put("loader/testdata/extends/depends_on.yaml", this::extendsWithServiceRef);
    c.put("loader/testdata/extends/interpolated.yaml", () -> {
      // TestExtendsWithInterpolation: the base file is interpolated too
      Project p = load(inline("services:\n  test:\n    extends: { file: testdata/extends/interpolated.yaml, service: foo }\n"));
      assertThat(p.service("test").volumes().get(0).source()).isEqualTo("/dev/null");
    });
    c.put("loader/testdata/extends/nested.yaml", () -> {
      // TestIncludeWithExtends: the included file's extends is resolved
      Project p = load(inline("name: test-include-with-extends\ninclude:\n  - testdata/extends/nested.yaml\n"));
      assertThat(p.service("with-build").build().orElseThrow().context()).isEqualTo(loader.resolve("extends"));
    });
    c.put("loader/testdata/extends/ports.yaml", () -> {
      // TestExtendsPortOverride: the same port from the file and from the service it extends is one port
      Path override = write("override.yaml", "services:\n  test:\n    extends:\n      file: testdata/extends/ports.yaml\n      service: test\n");
      Project p = load(request(loader.getParent(), List.of("testdata/extends/ports.yaml", override.toString()))
          .projectDirectory(loader.getParent()));
      assertThat(p.service("test").ports()).hasSize(1);
    });
    c.put("loader/testdata/extends/reset.yaml", () -> {
      // TestExtendsReset: command: !reset in the extending service
      Project p = load(inline("services:\n  test:\n    extends:\n      file: testdata/extends/reset.yaml\n      service: base\n"));
      assertThat(p.service("test").command()).isEmpty();
      assertThat(p.service("test").image()).contains("alpine:latest");
      assertThat(load(request(loader.resolve("extends"), List.of("reset.yaml"))).service("base").command()).isEmpty();
    });
    c.put("loader/testdata/extends/withdir/compose.yaml", () -> {
      // Not referenced by compose-go's tests: extends of a service that itself extends, each file relative to its own folder
      Path withdir = loader.resolve("extends/withdir");
      assertThat(load(request(withdir, List.of("compose.yaml"))).service("test").image()).contains("hello-world");
    });
    c.put("loader/testdata/extends/withdir/dir/compose.yaml", () ->
        assertThat(load(request(loader.resolve("extends/withdir/dir"), List.of("compose.yaml"))).service("test").image())
            .contains("hello-world"));
    c.put("loader/testdata/extends/withdir/dir/base.yaml", () ->
        assertThat(load(request(loader.resolve("extends/withdir/dir"), List.of("base.yaml"))).service("test").image())
            .contains("hello-world"));

    c.put("loader/testdata/include/compose.yaml", this::includeRelative);
    c.put("loader/testdata/include/included.yaml", this::includeRelative);
    c.put("loader/testdata/include/project-directory.yaml", this::includeWithProjectDirectory);
    c.put("loader/testdata/include/dir/compose.yaml", this::includeWithProjectDirectory);
    c.put("loader/testdata/combined/compose.yaml", this::includeExtendsCombined);
    c.put("loader/testdata/combined/dir/included.yaml", this::includeExtendsCombined);
    c.put("loader/testdata/combined/dir/extended.yaml", this::includeExtendsCombined);

    // compose-go's remote tests load these through a test-only "remote:" resource loader. berth has
    // no remote loader: a remote reference fails with its position, and the files themselves load locally.
    c.put("loader/testdata/remote/compose.yaml", () -> {
      Path remote = loader.resolve("remote");
      Service foo = load(request(remote, List.of("compose.yaml"))).service("foo");
      assertThat(foo.environment()).containsEntry("FOO", "BAR");
      assertThat(foo.volumes().get(0).source()).isEqualTo(remote.toString());
      assertRefused(inline("services:\n  foo:\n    extends:\n      file: remote:compose.yaml\n      service: foo\n"),
          "services.foo.extends.file: cannot read ");
      assertRefused(inline("include:\n  - oci://registry/compose:latest\n"),
          "include[0]: remote resources (git, OCI) are not supported yet by berth: oci://registry/compose:latest");
    });
    c.put("loader/testdata/remote/nested/compose.yaml", () -> remoteReference("nested/compose.yaml", "remote:nested/compose-nested.yaml"));
    c.put("loader/testdata/remote/nested/compose-nested.yaml", () ->
        assertThat(load(request(loader.resolve("remote/nested"), List.of("compose-nested.yaml"))).service("bar").image())
            .contains("bar"));
    c.put("loader/testdata/remote/cycle/compose.yaml", () -> remoteReference("cycle/compose.yaml", "remote:cycle/compose-cycle.yaml"));
    c.put("loader/testdata/remote/cycle/compose-cycle.yaml", () -> remoteReference("cycle/compose-cycle.yaml", "remote:cycle/compose.yaml"));

    c.put("schema/using-variables.yaml", () -> {
      // TestValidateVariables checks the schema before interpolation, where ${VARIABLE} fits every slot.
      // berth has no schema pass: it reads the interpolated file, where no one value fits every slot
      // (a count, a duration, a boolean), so the file is refused, each slot that does not fit on a line
      // with its position and key.
      ComposeModelException e = refused(request(root.resolve("schema"), List.of("using-variables.yaml")).env("VARIABLE", "1"));
      assertThat(e.getMessage().lines()).isNotEmpty().allMatch(l -> l.matches(".*using-variables\\.yaml:\\d+:\\d+: [a-z0-9_.-]+: .+"));
      assertThat(e.pos().line()).isPositive();
    });
    return c;
  }

  /** cli/options_test.go TestProjectName and TestProjectComposefilesFromSetOfFiles. */
  private void projectNames() {
    Path simple = cli.resolve("simple");
    List<String> file = List.of("compose.yaml");
    assertThat(load(request(simple, file).name("my_project")).name()).isEqualTo("my_project");
    assertThat(load(request(simple, file).name("42my_project_num")).name()).isEqualTo("42my_project_num");
    assertThat(load(request(simple, file).env("COMPOSE_PROJECT_NAME", "42my_project_env")).name()).isEqualTo("42my_project_env");
    assertThat(load(request(simple, file).env("COMPOSE_PROJECT_NAME", "my_project_from_env")).name()).isEqualTo("my_project_from_env");
    assertThat(load(request(simple, file)).name()).isEqualTo("simple");
    assertThat(load(request(simple, file).projectDirectory(Path.of("/path/to/proj"))).name()).isEqualTo("proj");
    assertThat(load(request(simple, file).projectDirectory(cli.getParent())).name()).isEqualTo("cli");
    assertRefused(request(simple, file).projectDirectory(Path.of("/")), "project name must not be empty");
    for (String invalid : List.of("-my_project", "_my_project", "www.my.project", "MY_PROJECT")) {
      assertRefused(request(simple, file).name(invalid), "invalid project name \"" + invalid + "\"");
      assertRefused(request(simple, file).env("COMPOSE_PROJECT_NAME", invalid), "invalid project name \"" + invalid + "\"");
    }
    Project discovered = load(request(simple, List.of()).name("my_project"));
    assertThat(discovered.configFiles()).containsExactly(simple.resolve("compose.yaml"));
  }

  /** TestProjectWithDiscardEnvFile, TestProjectName "by .env", TestProjectNameFromWorkingDir. */
  private void envFile() {
    Path dir = cli.resolve("env-file");
    Project p = load(request(cli, List.of("env-file/compose-with-env-file.yaml")));
    assertThat(p.service("simple").environment()).containsEntry("DEFAULT_PORT", "8080");
    assertThat(p.service("simple").ports().get(0).published()).isEqualTo("8000");
    // docker compose always reads the project's .env, whose COMPOSE_PROJECT_NAME names the project
    assertThat(p.name()).isEqualTo("my_project_from_dot_env");
    Project byDotEnv = load(request(dir, List.of()));
    assertThat(byDotEnv.name()).isEqualTo("my_project_from_dot_env");
    assertThat(byDotEnv.configFiles()).containsExactly(dir.resolve("compose-with-env-file.yaml"));
    // compose-go's TestProjectNameFromWorkingDir loads without the .env: the directory names the project
    assertThat(load(request(cli, List.of("env-file/compose-with-env-file.yaml")).env("COMPOSE_DISABLE_ENV_FILE", "true")).name())
        .isEqualTo("env-file");
    List<String> warnings = new ArrayList<>();
    ComposeLoader.load(request(cli, List.of("env-file/compose-with-env-file.yaml")).build(), warnings::add);
    assertThat(warnings).anyMatch(w -> w.contains("the attribute `version` is obsolete"));
  }

  /** TestComposeFileWithVersion. */
  private void withVersion() {
    Project p = load(request(loader, List.of("compose-test-with-version.yaml")));
    assertThat(p.name()).isEqualTo("compose-test-with-version");
    Service web = p.service("web");
    assertThat(web.build().orElseThrow().context()).isEqualTo(loader.resolve("Dockerfile"));
    assertThat(web.networks()).containsExactlyInAnyOrder("front", "default");
    assertThat(web.extras().links().volumesFrom()).containsExactly("other");
    Service other = p.service("other");
    assertThat(other.command()).contains(List.of("top"));
    assertThat(other.volumes()).containsExactly(new Mount(Mount.Type.VOLUME, "", "/data", false));
    assertThat(p.volumes().get("data").driver()).isEqualTo("local");
  }

  /** The service of subdir/compose-test-extends-imported.yaml as compose-go's tests expect it. */
  private static void assertImported(Service imported, String containerName) {
    assertThat(imported.image()).contains("nginx");
    assertThat(imported.containerName()).contains(containerName);
    assertThat(imported.environment()).containsEntry("SOURCE", "extends");
    assertThat(imported.volumes()).containsExactly(new Mount(Mount.Type.BIND, "/opt/data", "/var/lib/mysql", false));
  }

  /** TestLoadWithInclude, TestLoadWithIncludeOverride. */
  private void include() {
    String main = """
        name: 'test-include'
        include:
          - path: ./testdata/subdir/compose-test-extends-imported.yaml
            env_file: ./testdata/subdir/extra.env
        services:
          foo:
            image: busybox
            depends_on:
              - imported
        """;
    Project p = load(inline(main));
    assertThat(p.services()).containsOnlyKeys("foo", "imported");
    assertThat(p.service("foo").dependsOn()).containsOnlyKeys("imported");
    assertImported(p.service("imported"), "extends"); // SOURCE from the include's env_file
    assertImported(load(inline(main).env("SOURCE", "override")).service("imported"), "override"); // the parent's environment wins

    Path override = write("override.yaml", "services:\n  imported:\n    image: overridden\n");
    Path first = write("main.yaml", "name: 'test-include-override'\ninclude:\n  - ./testdata/subdir/compose-test-extends-imported.yaml\n");
    Project overridden = load(request(loader.getParent(), List.of(first.toString(), override.toString()))
        .projectDirectory(loader.getParent()));
    assertThat(overridden.service("imported").image()).contains("overridden");

    Path subdir = loader.resolve("subdir");
    assertImported(load(request(subdir, List.of("compose-test-extends-imported.yaml"))).service("imported"), "imported");
  }

  /** TestLoadWithMultipleInclude, TestLoadWithMultipleIncludeConflict. */
  private void includeTwiceAndConflict() {
    Project twice = load(inline("""
        name: 'test-multi-include'
        include:
          - path: ./testdata/subdir/compose-test-extends-imported.yaml
            env_file: ./testdata/subdir/extra.env
          - path: ./testdata/compose-include.yaml
        services:
          foo:
            image: busybox
            depends_on:
              - imported
        """).env("SOURCE", "override"));
    assertThat(twice.service("imported").containerName()).contains("override");
    assertThat(twice.service("bar").environment()).containsExactly(Map.entry("FOO", "BAR"));

    Project conflict = load(inline("""
        name: 'test-multi-include'
        include:
          - path: ./testdata/subdir/compose-test-extends-imported.yaml
            env_file: ./testdata/subdir/extra.env
          - path: ./testdata/compose-include.yaml
            env_file: ./testdata/subdir/extra.env
        services:
          bar:
            image: busybox
            environment: !override
              - ZOT=QIX
        """).env("SOURCE", "override"));
    Service bar = conflict.service("bar");
    assertThat(bar.image()).contains("busybox");
    assertThat(bar.environment()).containsExactly(Map.entry("ZOT", "QIX"));

    // Without !override the included bar's environment merges under the local one.
    Project merged = load(inline("""
        include:
          - path: ./testdata/compose-include.yaml
        services:
          bar:
            environment:
              - ZOT=QIX
        """));
    assertThat(merged.service("bar").image()).contains("bar");
    assertThat(merged.service("bar").environment()).containsOnly(Map.entry("FOO", "BAR"), Map.entry("ZOT", "QIX"));

    Project alone = load(request(loader, List.of("compose-include.yaml")));
    assertThat(alone.services()).containsOnlyKeys("bar", "imported");
    // No env_file and no subdir/.env: SOURCE is unset where the include is interpolated, and only the container gets it.
    assertImported(alone.service("imported"), "imported");
  }

  private void dependsOnCycle(String file) {
    Project p = load(request(loader, List.of(file)));
    assertThat(p.name()).isEqualTo("depends-on-cycle");
    assertThat(p.service("service1").dependsOn()).containsOnlyKeys("service2");
    assertThat(p.service("service2").dependsOn()).containsOnlyKeys("service3");
    assertThat(p.service("service3").dependsOn()).containsOnlyKeys("service1");
  }

  /** TestExtends, TestExtendsPort, TestExtendsUlimits, TestExtendsRelativePath, TestExtendsNil, TestExtendsWihtMissingService. */
  private void extendsBase() {
    Project p = load(inline("""
        name: test-extends
        services:
          test1:
            extends:
              file: testdata/extends/base.yaml
              service: base
            hostname: test1
          test2:
            extends:
              file: testdata/extends/base.yaml
              service: base
            hostname: test2
          test3:
            extends:
              file: testdata/extends/base.yaml
              service: another
            hostname: test3
        """));
    for (String name : List.of("test1", "test2", "test3")) {
      assertThat(p.service(name).options().hostname()).contains(name);
      assertThat(p.service(name).image()).contains("base");
    }
    String extend = "services:\n  test:\n    image: test\n    extends:\n      file: testdata/extends/base.yaml\n      service: %s\n";
    assertThat(load(inline(extend.formatted("with-port"))).service("test").ports().get(0).target()).isEqualTo(8000);
    assertThat(load(inline(extend.formatted("withUlimits"))).service("test").options().ulimits())
        .containsEntry("nproc", List.of(65535L)).containsEntry("nofile", List.of(20000L, 40000L));
    assertThat(load(inline(extend.formatted("with-build"))).service("test").build().orElseThrow().context())
        .isEqualTo(loader.resolve("extends"));
    assertThat(load(inline(extend.formatted("nil"))).service("test").image()).contains("test");
    assertRefused(inline("services:\n  test:\n    image: test\n    extends:\n      file: testdata/extends/base.yaml\n"),
        "services.test.extends: extends.test.service is required");
    assertRefused(inline(extend.formatted("nope")),
        "services.test.extends: cannot extend service \"test\" in " + scratch.resolve("compose.yaml")
            + ": service \"nope\" not found in " + loader.resolve("extends/base.yaml"));
    assertRefused(inline("services:\n  test:\n    extends:\n      file: testdata/extends/missing.yaml\n      service: base\n"),
        "services.test.extends.file: cannot read " + loader.resolve("extends/missing.yaml"));
    // On its own base.yaml is not a valid project, for compose-go either.
    assertRefused(request(loader.resolve("extends"), List.of("base.yaml")),
        "base.yaml:9:5: services.with-port: service \"with-port\" has neither an image nor a build context specified");
  }

  /** TestExtendsWithServiceRef: what a base refers to is not imported with it. */
  private void extendsWithServiceRef() {
    String extend = "services:\n  bar:\n    extends:\n      file: ./testdata/extends/depends_on.yaml\n      service: %s\n";
    String zot = "  zot:\n    image: zot\n";
    assertRefused(inline(extend.formatted("with_depends_on")), "service \"bar\" depends on undefined service \"zot\"");
    assertThat(load(inline(extend.formatted("with_depends_on") + zot)).service("bar").dependsOn()).containsOnlyKeys("zot");
    assertRefused(inline(extend.formatted("with_network_mode")), "service \"bar\" depends on undefined service \"zot\"");
    assertThat(load(inline(extend.formatted("with_network_mode") + zot)).service("bar").options().networkMode()).contains("service:zot");
    assertThat(load(inline(extend.formatted("with_ipc") + zot)).service("bar").options().ipc()).contains("service:zot");
    Path dir = loader.resolve("extends");
    assertThat(load(request(dir, List.of("depends_on.yaml"))).service("with_volumes_from").extras().links().volumesFrom())
        .containsExactly("zot");
  }

  /** TestIncludeRelative: the included file's relative paths are its own directory's. */
  private void includeRelative() {
    Path dir = loader.resolve("include");
    Service included = load(request(dir, List.of("compose.yaml"))).service("included");
    assertThat(included.build().orElseThrow().context()).isEqualTo(dir);
    assertThat(included.volumes()).containsExactly(new Mount(Mount.Type.BIND, dir.toString(), "/mnt", false));
    Service alone = load(request(dir, List.of("included.yaml"))).service("included");
    assertThat(alone.build().orElseThrow().context()).isEqualTo(dir);
  }

  /** TestIncludeWithProjectDirectory: the include's paths resolve against its project_directory. */
  private void includeWithProjectDirectory() {
    Path dir = loader.resolve("include");
    Service service = load(request(dir, List.of("project-directory.yaml"))).service("service");
    Path subdir = loader.resolve("subdir");
    assertThat(service.build().orElseThrow().context()).isEqualTo(subdir);
    assertThat(service.volumes().get(0).source()).isEqualTo(subdir.resolve("compose-test-extends-imported.yaml").toString());
    assertThat(service.environment()).containsEntry("SOURCE", "extends");
  }

  /** TestLoadIncludeExtendsCombined: include, then extends inside the included file. */
  private void includeExtendsCombined() {
    Path combined = loader.resolve("combined");
    Service service = load(request(combined, List.of("compose.yaml")).name("test-load-combined")).service("service");
    assertThat(service.build().orElseThrow().context()).isEqualTo(combined.resolve("dir"));
    assertThat(load(request(combined.resolve("dir"), List.of("included.yaml"))).service("service").build().orElseThrow().context())
        .isEqualTo(combined.resolve("dir"));
    assertThat(load(request(combined.resolve("dir"), List.of("extended.yaml"))).service("service").build()).isPresent();
  }

  /** A file of remote/ whose extends names a "remote:" resource: a positioned error naming the reference. */
  private void remoteReference(String file, String reference) {
    Path remote = loader.resolve("remote");
    ComposeModelException e = refused(request(remote, List.of(file)));
    assertThat(e.getMessage()).contains(remote.resolve(file) + ":").contains(".extends.file: cannot read ").contains(reference);
    assertThat(e.pos().line()).isPositive();
  }

  // --- loading

  /** A load request: the command's working directory, -f files, and what the flags and environment add. */
  private record Req(Path workingDir, List<String> files, Optional<Path> projectDirectory, Optional<String> name,
      List<String> envFiles, Map<String, String> env) {
    Req name(String n) {
      return new Req(workingDir, files, projectDirectory, Optional.of(n), envFiles, env);
    }

    Req projectDirectory(Path dir) {
      return new Req(workingDir, files, Optional.of(dir), name, envFiles, env);
    }

    Req envFiles(String... files) {
      return new Req(workingDir, this.files, projectDirectory, name, List.of(files), env);
    }

    Req env(String key, String value) {
      Map<String, String> more = new LinkedHashMap<>(env);
      more.put(key, value);
      return new Req(workingDir, files, projectDirectory, name, envFiles, more);
    }

    LoadRequest build() {
      return new LoadRequest(workingDir, files.stream().map(Path::of).toList(), projectDirectory, name,
          envFiles.stream().map(Path::of).toList(), env);
    }
  }

  private static Req request(Path workingDir, List<String> files) {
    return new Req(workingDir, files, Optional.empty(), Optional.empty(), List.of(), Map.of());
  }

  /**
   * A compose-go test's inline main file: written to a temporary directory, with compose-go's
   * {@code loader} folder as the project directory, which its relative paths ({@code testdata/...}) expect.
   */
  private Req inline(String yaml) {
    Path file = write("compose.yaml", yaml);
    return request(scratch, List.of(file.toString())).projectDirectory(loader.getParent());
  }

  private Path write(String name, String text) {
    try {
      Path file = scratch.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Project load(Req req) {
    return ComposeLoader.load(req.build(), w -> {});
  }

  private static ComposeModelException refused(Req req) {
    try {
      load(req);
    } catch (ComposeModelException e) {
      return e;
    }
    throw new AssertionError("expected loading to fail: " + req);
  }

  private static void assertRefused(Req req, String message) {
    assertThatThrownBy(() -> load(req)).isInstanceOf(ComposeModelException.class).hasMessageContaining(message);
  }
}
