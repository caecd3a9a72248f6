package io.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind {@code bin/berth}'s class-data-sharing archive: the JVM records every
 * class this run loads and later runs map them ready-made, which cuts start-up by about a third.
 * It runs the commands users run most on a small project of its own, reading from the Engine
 * where one answers ({@code --dry-run}: nothing is ever changed) and printing nothing.
 */
public final class Warmup {
  private static final String SAMPLE = """
      services:
        web:
          image: busybox:stable
          command: ["httpd", "-f", "-p", "8080"]
          ports: ["127.0.0.1::8080"]
          environment: {MODE: "${MODE:-warm}"}
          volumes: [data:/data, ./site:/www:ro]
          depends_on:
            api: {condition: service_healthy}
        api:
          image: busybox:stable
          command: sleep 1
          healthcheck: {test: ["CMD", "true"], interval: 1s}
          labels: [tier=api]
      volumes:
        data: {}
      """;

  private Warmup() {}

  public static void main(String[] args) throws IOException {
    Main.configureProcess();
    Path dir = Files.createTempDirectory("berth-warmup");
    try {
      Files.writeString(dir.resolve("compose.yaml"), SAMPLE);
      Map<String, String> env = new HashMap<>(System.getenv());
      env.put("COMPOSE_PROJECT_NAME", "berth-warmup-" + ProcessHandle.current().pid());
      PrintWriter quiet = new PrintWriter(Writer.nullWriter());
      Invocation inv = new Invocation(env, dir, quiet, quiet, InputStream.nullInputStream());
      for (String[] command : new String[][] {
          {"--help"}, {"config"}, {"config", "--format", "json"}, {"config", "--hash", "*"},
          {"--dry-run", "up", "-d"}, {"ps", "-a"}, {"--dry-run", "down"}}) {
        Main.run(inv, command);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
