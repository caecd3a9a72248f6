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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendsTest {
  @TempDir Path dir;

  private void write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private Project load() {
    return ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of("TAG", "1")), w -> {});
  }

  @Test
  void extendsAServiceOfTheSameFileMergingAsAnOverrideWould() throws IOException {
    write("compose.yaml", """
        services:
          base:
            image: busybox:${TAG}
            environment: {A: base, B: base}
            command: [sleep, "1"]
            ports: ["80"]
          web:
            extends: base
            environment: {B: web}
            command: [sleep, "2"]
            ports: ["81"]
          deeper:
            extends: {service: web}
            labels: {x: y}
        """);
    Project p = load();
    Service web = p.service("web");

    assertThat(web.image()).contains("busybox:1");
    assertThat(web.environment()).containsExactly(Map.entry("A", "base"), Map.entry("B", "web"));
    assertThat(web.command()).contains(List.of("sleep", "2"));
    assertThat(web.ports()).extracting(pm -> pm.target()).containsExactly(80, 81);
    assertThat(p.service("deeper").environment()).containsEntry("B", "web");
    assertThat(p.service("deeper").labels()).containsEntry("x", "y");
  }

  @Test
  void extendsAServiceOfAnotherFileWithItsRelativePaths() throws IOException {
    write("common/base.yaml", """
        services:
          app:
            image: busybox
            volumes: [./data:/data]
            env_file: [app.env]
        """);
    write("common/app.env", "FROM_BASE=yes\n");
    write("compose.yaml", """
        services:
          web:
            extends: {file: common/base.yaml, service: app}
            environment: {OWN: "1"}
        """);
    Service web = load().service("web");

    assertThat(web.volumes()).containsExactly(new Mount(Mount.Type.BIND, dir.resolve("common/data").toString(), "/data", false));
    assertThat(web.environment()).containsEntry("FROM_BASE", "yes").containsEntry("OWN", "1");
  }

  @Test
  void errorsNameTheExtendsKey() throws IOException {
    write("compose.yaml", "services:\n  web:\n    extends: nope\n");
    assertThatThrownBy(this::load).isInstanceOf(ComposeModelException.class)
        .hasMessageContaining("compose.yaml:3:14: services.web.extends: cannot extend service \"web\" in ")
        .hasMessageEndingWith("compose.yaml: service \"nope\" not found");

    write("compose.yaml", "services:\n  a:\n    extends: b\n  b:\n    extends: a\n");
    assertThatThrownBy(this::load).hasMessageContaining("services.a.extends: Circular reference: a in ")
        .hasMessageMatching(".*: a in \\S+compose.yaml, extends b in \\S+compose.yaml, extends a in \\S+compose.yaml");
  }

  @Test
  void includeBringsAnotherProjectsServicesWithItsOwnPathsAndEnvironment() throws IOException {
    write("db/compose.yaml", """
        name: ignored
        services:
          db:
            image: "postgres:${PG}"
            volumes: [./init:/init]
        volumes:
          dbdata:
        """);
    write("db/.env", "PG=16\n");
    write("compose.yaml", """
        include:
          - db/compose.yaml
        services:
          web:
            image: web
            depends_on: [db]
          db:
            environment: {LOCAL: wins}
        """);
    Project p = load();

    assertThat(p.name()).isEqualTo(dir.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9_-]", "").replaceAll("^[_-]+", ""));
    assertThat(p.service("db").image()).contains("postgres:16");
    assertThat(p.service("db").environment()).containsEntry("LOCAL", "wins");
    assertThat(p.service("db").volumes()).containsExactly(new Mount(Mount.Type.BIND, dir.resolve("db/init").toString(), "/init", false));
    assertThat(p.volumes()).containsKey("dbdata");
    assertThat(p.service("web").dependsOn()).containsKey("db");
  }

  @Test
  void includeOfAMissingFileIsPointedAt() throws IOException {
    write("compose.yaml", "include:\n  - nope.yaml\nservices: {a: {image: x}}\n");
    assertThatThrownBy(this::load).hasMessageContaining("compose.yaml:2:5: include[0]: included file").hasMessageContaining("nope.yaml not found");
  }
}
