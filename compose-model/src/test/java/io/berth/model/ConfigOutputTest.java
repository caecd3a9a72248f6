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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import static org.junit.jupiter.params.provider.Arguments.arguments;

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
  void yamlSortsMapKeysAsGoYamlDoesAndJsonByBytes() throws IOException {
    Project p = load("""
        services:
          web10: {image: x, environment: {AB: 1, A_B: 2, a1: 3}}
          web9: {image: x}
        """, Map.of());
    String yaml = ConfigWriter.yaml(p);
    assertThat(yaml.indexOf("  web9:")).isLessThan(yaml.indexOf("  web10:"));
    assertThat(yaml).contains("      A_B: \"2\"\n      AB: \"1\"\n      a1: \"3\"\n");
    String json = ConfigWriter.json(p);
    assertThat(json.indexOf("\"web10\"")).isLessThan(json.indexOf("\"web9\""));
    assertThat(json).contains("\"AB\": \"1\",\n        \"A_B\": \"2\",\n        \"a1\": \"3\"");
  }

  @Test
  void sharingAServicesNamespaceDependsOnItAndJoinsNoNetwork() throws IOException {
    assertThat(config("""
        services:
          app: {image: x}
          side: {image: x, network_mode: "service:app"}
        """)).isEqualTo(expected("""
        name: <project>
        services:
          app:
            image: x
            networks:
              default: null
          side:
            depends_on:
              app:
                condition: service_started
                restart: true
                required: true
            image: x
            network_mode: service:app
        networks:
          default:
            name: <project>_default
        """));
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

  @Test
  void everyNestedStructInComposeGosFieldOrderWithItsFormats() throws IOException {
    String out = ConfigWriter.yaml(load("""
        services:
          app:
            build:
              context: ./app
              dockerfile: Containerfile
              args: {B: "2", A: "1"}
              target: prod
              labels: {z: "1", a: "2"}
              network: host
              no_cache: true
              pull: true
              tags: [app:1]
            command: []
            entrypoint: ["/bin/sh", "-c"]
            environment: {Z: z, A: "yes", PORT: "8080", EMPTY: ""}
            labels: [com.example.b=2, com.example.a=1]
            ports:
              - "127.0.0.1:8080:80/udp"
              - target: 443
                published: "8443"
                host_ip: 0.0.0.0
            expose: ["3000", 4000]
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost"]
              interval: 1m30s
              timeout: 1500ms
              retries: 3
              start_period: 2m
              start_interval: 5s
            depends_on:
              db: {condition: service_healthy, restart: true}
              cache: {condition: service_started, required: false}
            volumes:
              - ./html:/usr/share/nginx/html:ro
              - /data
              - type: bind
                source: ./conf
                target: /conf
                bind: {create_host_path: false}
              - type: tmpfs
                target: /tmp
                tmpfs: {size: 1m, mode: 0755}
            networks:
              front:
                aliases: [web, www]
                ipv4_address: 172.20.0.5
              back: {}
            logging: {driver: json-file, options: {max-size: 10m, max-file: "3"}}
            ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 512}
            mem_limit: 1.5g
            shm_size: 64m
            cpus: 0.5
            stop_grace_period: 90s
            extra_hosts: ["somehost:162.242.195.82", "other=10.0.0.1"]
            sysctls: {net.core.somaxconn: 1024}
            secrets: [{source: token, target: /run/secrets/t, uid: "1000", gid: "1000", mode: 0440}]
            configs: [conf]
            restart: "no"
            user: "1000"
            working_dir: /srv
          db:
            image: postgres
          cache:
            image: redis
        networks:
          front:
            driver: bridge
            driver_opts: {com.docker.network.bridge.name: br0}
            ipam:
              driver: default
              config: [{subnet: 172.20.0.0/16, gateway: 172.20.0.1}]
            labels: {b: "2"}
            internal: true
            attachable: true
          back:
            external: true
        volumes:
          data:
            driver: local
            driver_opts: {type: none, o: bind, device: /srv}
            labels: {x: "1"}
        secrets:
          token:
            file: ./token.txt
        configs:
          conf:
            environment: CONF
        """, Map.of("CONF", "c")));
    assertThat(out).isEqualTo(expected("""
        name: demo
        services:
          app:
            build:
              context: <project_dir>/app
              dockerfile: Containerfile
              args:
                A: "1"
                B: "2"
              labels:
                a: "2"
                z: "1"
              no_cache: true
              pull: true
              network: host
              target: prod
              tags:
                - app:1
            cpus: 0.5
            command: []
            configs:
              - source: conf
            depends_on:
              cache:
                condition: service_started
                required: false
              db:
                condition: service_healthy
                restart: true
                required: true
            entrypoint:
              - /bin/sh
              - -c
            environment:
              A: 'yes'
              EMPTY: ""
              PORT: "8080"
              Z: z
            expose:
              - "3000"
              - "4000"
            extra_hosts:
              - other=10.0.0.1
              - somehost=162.242.195.82
            healthcheck:
              test:
                - CMD
                - curl
                - -f
                - http://localhost
              timeout: 1.5s
              interval: 1m30s
              retries: 3
              start_period: 2m0s
              start_interval: 5s
            labels:
              com.example.a: "1"
              com.example.b: "2"
            logging:
              driver: json-file
              options:
                max-file: "3"
                max-size: 10m
            mem_limit: "1610612736"
            networks:
              back: {}
              front:
                aliases:
                  - web
                  - www
                ipv4_address: 172.20.0.5
            ports:
              - mode: ingress
                host_ip: 127.0.0.1
                target: 80
                published: "8080"
                protocol: udp
              - mode: ingress
                host_ip: 0.0.0.0
                target: 443
                published: "8443"
                protocol: tcp
            restart: 'no'
            secrets:
              - source: token
                target: /run/secrets/t
                uid: "1000"
                gid: "1000"
                mode: "0440"
            shm_size: "67108864"
            stop_grace_period: 1m30s
            sysctls:
              net.core.somaxconn: "1024"
            ulimits:
              nofile:
                soft: 1024
                hard: 2048
              nproc: 512
            user: "1000"
            volumes:
              - type: bind
                source: <project_dir>/html
                target: /usr/share/nginx/html
                read_only: true
                bind: {}
              - type: volume
                target: /data
                volume: {}
              - type: bind
                source: <project_dir>/conf
                target: /conf
                bind:
                  create_host_path: false
              - type: tmpfs
                target: /tmp
                tmpfs:
                  size: "1048576"
                  mode: 493
            working_dir: /srv
          cache:
            image: redis
            networks:
              default: null
          db:
            image: postgres
            networks:
              default: null
        networks:
          back:
            name: back
            external: true
          default:
            name: demo_default
          front:
            name: demo_front
            driver: bridge
            driver_opts:
              com.docker.network.bridge.name: br0
            ipam:
              driver: default
              config:
                - subnet: 172.20.0.0/16
                  gateway: 172.20.0.1
            internal: true
            attachable: true
            labels:
              b: "2"
        volumes:
          data:
            name: demo_data
            driver: local
            driver_opts:
              device: /srv
              o: bind
              type: none
            labels:
              x: "1"
        secrets:
          token:
            name: demo_token
            file: <project_dir>/token.txt
        configs:
          conf:
            name: demo_conf
            environment: CONF
        """));
  }

  /** One attribute each: what the service prints for it, besides its image and default network. */
  static Stream<Arguments> attributes() {
    return Stream.of(
        arguments("command: echo 'a b'", "command:\n  - echo\n  - a b"),
        arguments("command: ''", "command: []"),
        arguments("entrypoint: [sh, -c, 'echo $$HOME']", "entrypoint:\n  - sh\n  - -c\n  - echo $$HOME"),
        arguments("environment: [B=2, A=1]", "environment:\n  A: \"1\"\n  B: \"2\""),
        arguments("environment: {O: 'on', T: 'true', N: '1.5', D: '2024-01-01', S: '*', C: 'a: b', H: '#x'}",
            "environment:\n  C: 'a: b'\n  D: \"2024-01-01\"\n  H: '#x'\n  'N': \"1.5\"\n  O: 'on'\n  S: '*'\n  T: \"true\""),
        arguments("environment: {TAB: \"a\\tb\", ML: \"a\\nb\"}", "environment:\n  ML: |-\n    a\n    b\n  TAB: \"a\\tb\""),
        arguments("healthcheck: {test: echo ok, interval: 10s, retries: 2}",
            "healthcheck:\n  test:\n    - CMD-SHELL\n    - echo ok\n  interval: 10s\n  retries: 2"),
        arguments("healthcheck: {disable: true}", "healthcheck:\n  disable: true"),
        arguments("stop_grace_period: 1h", "stop_grace_period: 1h0m0s"),
        arguments("ports: ['8000-8001:80-81']", "ports:\n  - mode: ingress\n    target: 80\n    published: \"8000\"\n    protocol: tcp\n"
            + "  - mode: ingress\n    target: 81\n    published: \"8001\"\n    protocol: tcp"),
        arguments("ports: [80]", "ports:\n  - mode: ingress\n    target: 80\n    protocol: tcp"),
        arguments("secrets: [s]", "secrets:\n  - source: s\n    target: /run/secrets/s"),
        arguments("configs: [s]", "configs:\n  - source: s"),
        arguments("configs: [{source: s, target: /etc/s, mode: 0444}]", "configs:\n  - source: s\n    target: /etc/s\n    mode: \"0444\""),
        arguments("volumes: ['v:/data']", "volumes:\n  - type: volume\n    source: v\n    target: /data\n    volume: {}"),
        arguments("container_name: c1", "container_name: c1"),
        arguments("ulimits: {nofile: 1024}", "ulimits:\n  nofile: 1024"),
        arguments("ulimits: {nofile: {soft: 1024, hard: 1024}}", "ulimits:\n  nofile:\n    soft: 1024\n    hard: 1024"),
        arguments("memswap_limit: 1k", "memswap_limit: \"1024\""),
        arguments("cpus: '1'", "cpus: 1"),
        arguments("command: [echo, \"" + "word ".repeat(20).strip() + "\"]",
            // Folded at the first space past column 80: "      - " and 15 words reach column 82.
            "command:\n  - echo\n  - word word word word word word word word word word word word word word word\n    word word word word word"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attributes")
  void oneAttributeIsPrintedAsComposeDoes(String attribute, String printed) throws IOException {
    String out = ConfigWriter.yaml(load("""
        services:
          s:
            image: x
            %s
        secrets:
          s: {file: ./s}
        configs:
          s: {file: ./s}
        volumes:
          v: {}
        """.formatted(attribute), Map.of()));
    String service = out.substring(out.indexOf("  s:\n") + 5, out.indexOf("\nnetworks:") + 1)
        .replace("    image: x\n", "").replace("    networks:\n      default: null\n", "");
    assertThat(service).isEqualTo(printed.indent(4));
  }

  @Test
  void aServiceNetworkWrittenAsEmptyMappingPrintsAsOneAndAListedOneAsNull() throws IOException {
    String out = ConfigWriter.yaml(load("""
        services:
          a:
            image: x
            networks: {front: {}}
          b:
            image: x
            networks: [front]
        networks:
          front: {}
        """, Map.of()));

    assertThat(out).contains("    networks:\n      front: {}\n").contains("    networks:\n      front: null\n");
  }
}
