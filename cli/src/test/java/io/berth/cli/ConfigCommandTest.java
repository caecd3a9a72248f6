package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config} and its flags print what docker compose's do, compared as text. No Engine involved. */
class ConfigCommandTest {
  @TempDir Path root;

  private Path dir;

  @BeforeEach
  void project() throws IOException {
    dir = Files.createDirectories(root.resolve("cfg"));
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: nginx:${TAG:-1.25}
            depends_on: [db]
            ports: ["${PORT:-8080}:80"]
          db:
            image: postgres
            environment:
              PASSWORD: ${DB_PASSWORD:?set it}
          debug:
            image: busybox
            profiles: [debug, tools]
          admin:
            image: adminer
            profiles: [ops]
            depends_on: [db]
        volumes:
          data: {}
        """);
    Files.writeString(dir.resolve(".env"), "DB_PASSWORD=secret\n");
  }

  private BerthRunner.Result config(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "config";
    System.arraycopy(args, 0, all, 1, args.length);
    BerthRunner.Result r = new BerthRunner(dir).env("COMPOSE_PROFILES", "").run(all);
    assertThat(r.code()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void servicesComeAfterWhatTheyDependOn() {
    assertThat(config("--services").out()).isEqualTo("db\nweb\n");
    assertThat(new BerthRunner(dir).run("--profile", "ops", "config", "--services").out()).isEqualTo("db\nadmin\nweb\n");
  }

  @Test
  void profilesListsEveryProfileSortedEvenOfDisabledServices() {
    assertThat(config("--profiles").out()).isEqualTo("debug\nops\ntools\n");
  }

  @Test
  void environmentPrintsTheInterpolationEnvironmentSorted() {
    String out = new BerthRunner(dir).env("A1", "x").env("A", "y").run("config", "--environment").out();
    assertThat(out).contains("DB_PASSWORD=secret\n");
    assertThat(out.indexOf("A1=x\n")).isLessThan(out.indexOf("A=y\n"));
  }

  @Test
  void variablesAsATableAsYamlAndAsJson() {
    // tabwriter pads every cell but the last, empty ones included.
    assertThat(config("--variables").out()).isEqualTo(
        "NAME                REQUIRED            DEFAULT VALUE       ALTERNATE VALUE\n"
            + "DB_PASSWORD         true                " + " ".repeat(20) + "\n"
            + "PORT                false               8080                \n"
            + "TAG                 false               1.25                \n");
    assertThat(config("--variables", "--format", "yaml").out()).startsWith("""
        DB_PASSWORD:
            name: DB_PASSWORD
            defaultvalue: ""
            presencevalue: ""
            required: true
        PORT:
            name: PORT
            defaultvalue: "8080"
        """);
    assertThat(config("--variables", "--format", "json").out()).startsWith("""
        {
            "DB_PASSWORD": {
                "Name": "DB_PASSWORD",
                "DefaultValue": "",
                "PresenceValue": "",
                "Required": true
            },
        """).endsWith("}\n\n");
  }

  @Test
  void noInterpolatePrintsTheModelWithVariablesKeptAndSortedKeys() {
    String out = config("--no-interpolate").out();
    assertThat(out).contains("""
          web:
            depends_on:
              db:
                condition: service_started
                required: true
            image: nginx:${TAG:-1.25}
            networks:
              default: null
            ports:
              - ${PORT:-8080}:80
        """).startsWith("name: cfg\nnetworks:\n  default:\n    name: cfg_default\nservices:\n")
        .endsWith("volumes:\n  data:\n    name: cfg_data\n");
    assertThat(config("--no-interpolate", "--format", "json").out()).contains("\"image\": \"nginx:${TAG:-1.25}\"");
  }

  /** docker compose's e2e TestConfigInterpolate. */
  @Test
  void noInterpolateStillResolvesPathsAndNormalizes() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          nginx:
            build:
              context: nginx-build
              dockerfile: ${MYVAR}
        """);
    assertThat(config("--no-interpolate").out()).isEqualTo("""
        name: cfg
        networks:
          default:
            name: cfg_default
        services:
          nginx:
            build:
              context: %s
              dockerfile: ${MYVAR}
            networks:
              default: null
        """.formatted(dir.resolve("nginx-build")));
  }

  @Test
  void servicesNamedOnTheCommandLineAreRenderedWithTheirDependencies() {
    String out = config("web").out();
    assertThat(out).contains("  db:\n", "  web:\n", "image: nginx:1.25\n").doesNotContain("  debug:");
  }

  @Test
  void hashesComeInNameOrderWhateverOrderTheyAreAskedIn() {
    String out = config("--hash", "web,db").out();
    assertThat(out.lines().map(l -> l.split(" ")[0]).toList()).containsExactly("db", "web");
  }

  @Test
  void quietPrintsNothingAndOutputWritesTheFile() throws IOException {
    assertThat(config("-q").out()).isEmpty();
    config("-o", "out.yaml");
    assertThat(Files.readString(dir.resolve("out.yaml"))).isEqualTo(config().out());
  }

  @Test
  void imagesOfEveryService() {
    assertThat(config("--images").out()).isEqualTo("postgres\nnginx:1.25\n");
  }

  @Test
  void noNormalizeLeavesOutTheImplicitDefaultNetworkAndResourceNames() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: nginx
            volumes: [data:/data, ./html:/html]
        volumes:
          data: {}
        """);
    assertThat(config("--no-normalize", "--no-path-resolution").out()).isEqualTo("""
        name: cfg
        services:
          web:
            image: nginx
            volumes:
              - type: volume
                source: data
                target: /data
                volume: {}
              - type: bind
                source: ./html
                target: /html
                bind: {}
        volumes:
          data: {}
        """);
  }

  @Test
  void anUnknownFormatIsRefused() {
    BerthRunner.Result r = new BerthRunner(dir).run("config", "--format", "toml");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("unsupported format \"toml\"");
  }

  @Test
  void twoServicesWithOneContainerNameAreRefusedUnlessNoConsistency() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          a: {image: x, container_name: same}
          b: {image: x, container_name: same}
        """);
    BerthRunner.Result r = new BerthRunner(dir).run("config");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("services.b: container name \"same\" is already in use by service {}\"");
    assertThat(config("--no-consistency").out()).contains("container_name: same");
  }

  @Test
  void namedServicesKeepTheTopLevelModelsAndExtensionsAndModelsPrintsEachReference() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          app: {image: x, models: [llm]}
          other: {image: y}
        models:
          llm: {model: ai/smollm2}
          embed: {model: ai/embeddinggemma, context_size: 2048}
        x-team: platform
        """);

    assertThat(config("app").out())
        .contains("models:\n  embed:\n    model: ai/embeddinggemma\n    context_size: 2048\n  llm:\n    model: ai/smollm2\n")
        .endsWith("x-team: platform\n")
        .doesNotContain("other:");
    assertThat(config("--models").out()).isEqualTo("ai/embeddinggemma\nai/smollm2\n");
  }

  @Test
  void noEnvResolutionPrintsTheEnvironmentAsDeclaredAndKeepsTheEnvFiles() throws IOException {
    Path env = Files.createDirectories(root.resolve("env"));
    Files.writeString(env.resolve("app.env"), "A=from-file\nB=from-file\n");
    Files.writeString(env.resolve("compose.yaml"), """
        services:
          app:
            image: busybox
            env_file:
              - app.env
              - {path: ./optional.env, required: false}
            environment:
              B: declared
              TAG: ${TAG:-v1}
              BARE:
        """);
    BerthRunner berth = new BerthRunner(env).env("BARE", "from-shell");

    assertThat(berth.run("config").out()).contains("""
            environment:
              A: from-file
              B: declared
              BARE: from-shell
              TAG: v1
            image: busybox
        """).doesNotContain("env_file");

    // As Compose: nothing read from the env files, a bare key not looked up, interpolation still done.
    BerthRunner.Result declared = berth.run("config", "--no-env-resolution");
    assertThat(declared.code()).as(declared.toString()).isZero();
    assertThat(declared.out()).contains("""
            environment:
              B: declared
              BARE: null
              TAG: v1
            env_file:
              - path: %s
              - path: %s
                required: false
            image: busybox
        """.formatted(env.resolve("app.env"), env.resolve("optional.env")));
    assertThat(berth.run("config", "--no-env-resolution", "--format", "json").out())
        .contains("\"env_file\": [\n        {\n          \"path\": \"" + env.resolve("app.env") + "\"\n        },");
  }
}
