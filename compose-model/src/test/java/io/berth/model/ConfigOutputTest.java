package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.spec.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config} output compared with what docker compose prints, as text: the expected outputs
 * of docker compose's e2e tests and of the reference notes, with the project directory and name
 * put in.
 */
class ConfigOutputTest {
  @TempDir Path root;

  private Path dir;

  private Project load(String yaml, Map<String, String> env) throws IOException {
    dir = Files.createDirectories(root.resolve("demo"));
    Files.writeString(dir.resolve("compose.yaml"), yaml);
    return ComposeLoader.load(new LoadRequest(dir, List.of(), Optional.empty(), Optional.empty(), List.of(), env), w -> {});
  }

  private String config(String yaml) throws IOException {
    return ConfigWriter.yaml(load(yaml, Map.of()));
  }

  private String expected(String text) {
    return text.replace("<project_dir>", dir.toString()).replace("<project>", "demo");
  }

  @Test
  void dockerComposeE2eTestConfig() throws IOException {
    String out = config("""
        services:
          nginx:
            build:
              context: nginx-build
              dockerfile: Dockerfile
        """);
    assertThat(out).isEqualTo(expected("""
        name: <project>
        services:
          nginx:
            build:
              context: <project_dir>/nginx-build
              dockerfile: Dockerfile
            networks:
              default: null
        networks:
          default:
            name: <project>_default
        """));
  }

  @Test
  void dockerComposeE2eLocalComposeConfigPublishedIsAQuotedString() throws IOException {
    Project p = load("""
        services:
          web:
            image: nginx
            ports: ["${PORT:-8080}:80"]
        """, Map.of());
    assertThat(ConfigWriter.yaml(p)).contains("""
                ports:
                  - mode: ingress
                    target: 80
                    published: "8080"
                    protocol: tcp
            """);
    assertThat(ConfigWriter.json(p)).contains("\"published\": \"8080\"");
  }

  @Test
  void richerExampleInStructOrder() throws IOException {
    String out = config("""
        services:
          web:
            build: ./app
            ports: ["8080:80"]
            environment: [DEBUG=1]
            depends_on: {db: {condition: service_healthy}}
            volumes: ["./html:/usr/share/nginx/html:ro"]
          db:
            image: postgres:16
            healthcheck: {test: pg_isready, interval: 90s}
            volumes: ["db-data:/var/lib/postgresql/data"]
        volumes:
          db-data:
        """);
    assertThat(out).isEqualTo(expected("""
        name: <project>
        services:
          db:
            healthcheck:
              test:
                - CMD-SHELL
                - pg_isready
              interval: 1m30s
            image: postgres:16
            networks:
              default: null
            volumes:
              - type: volume
                source: db-data
                target: /var/lib/postgresql/data
                volume: {}
          web:
            build:
              context: <project_dir>/app
              dockerfile: Dockerfile
            depends_on:
              db:
                condition: service_healthy
                required: true
            environment:
              DEBUG: "1"
            networks:
              default: null
            ports:
              - mode: ingress
                target: 80
                published: "8080"
                protocol: tcp
            volumes:
              - type: bind
                source: <project_dir>/html
                target: /usr/share/nginx/html
                read_only: true
                bind: {}
        networks:
          default:
            name: <project>_default
        volumes:
          db-data:
            name: <project>_db-data
        """));
  }

  @Test
  void jsonIsGoMarshalIndentWithSortedTopLevelKeysAndNullCommand() throws IOException {
    Project p = load("""
        services:
          web:
            image: nginx
            labels: {a: "<b>&"}
            entrypoint: []
        """, Map.of());
    assertThat(ConfigWriter.json(p)).isEqualTo("""
        {
          "name": "demo",
          "networks": {
            "default": {
              "name": "demo_default"
            }
          },
          "services": {
            "web": {
              "command": null,
              "entrypoint": [],
              "image": "nginx",
              "labels": {
                "a": "\\u003cb\\u003e\\u0026"
              },
              "networks": {
                "default": null
              }
            }
          }
        }""");
  }

  @Test
  void everyDollarIsDoubledSoTheOutputLoadsBackTheSame() throws IOException {
    Project p = load("""
        services:
          web:
            image: nginx
            command: echo $$HOME "$${X}"
            environment: {PRICE: "$$5"}
        """, Map.of());
    String yaml = ConfigWriter.yaml(p);
    assertThat(yaml).contains("      - $$HOME\n", "      - $${X}\n", "      PRICE: $$5\n");
    assertThat(ConfigWriter.json(p)).contains("\"$$HOME\"", "\"PRICE\": \"$$5\"");
    Files.writeString(dir.resolve("compose.yaml"), yaml);
    Project again = ComposeLoader.load(new LoadRequest(dir, List.of(), Optional.empty(), Optional.empty(), List.of(), Map.of()), w -> {});
    assertThat(ConfigWriter.yaml(again)).isEqualTo(yaml);
  }
}
