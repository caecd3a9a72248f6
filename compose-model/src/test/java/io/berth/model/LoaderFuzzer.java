package io.berth.model;

import io.berth.model.diag.ComposeModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Mutates the compose files and {@code .env} files of the shared corpus (and splices lines of one
 * into another) and loads each mutant:
 * every input must end in a loaded project or a positioned {@link ComposeModelException}, never
 * another exception, and within a second.
 *
 * <p>Case {@code i} of seed {@code s} depends on nothing but {@code (s, i)}, so any case can be
 * replayed alone ({@link #generate}), whichever order the workers ran the others in. Each worker
 * loads from its own copy of the corpus, so relative references ({@code extends.file},
 * {@code include}, {@code env_file}, {@code .env}) resolve as they would beside the seed file.
 *
 * <p>Run as a program for long runs: {@code LoaderFuzzer CORPUS [CASES] [SEED] [THREADS]}.
 */
final class LoaderFuzzer {
  /**
   * A case that takes more CPU time than this is a failure. CPU time rather than elapsed time,
   * because the machines this runs on are shared: a busy neighbour must not fail the suite.
   */
  static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
  /** A case still running after this is reported as hung (the run stops waiting for it). */
  private static final long HUNG_NANOS = TimeUnit.SECONDS.toNanos(20);
  private static final String CASE_FILE = "fuzz-case.yaml";

  /** A corpus file, by its path relative to the corpus root. */
  record Seed(String path, String text) {}

  /**
   * One input: the compose file's bytes, the {@code .env} written beside it (if any), the
   * process environment, and what was done to the seed, for the report.
   */
  record Case(long seed, int index, Seed origin, byte[] compose, Optional<byte[]> dotEnv, Map<String, String> env,
      List<String> mutations) {
    String describe() {
      return "seed=" + seed + " case=" + index + " from " + origin.path() + " mutations=" + mutations;
    }
  }

  /** How a case ended, and the CPU time it took; {@code failure} is empty when the case passed. */
  record Outcome(Case input, long cpuNanos, String result, Optional<String> failure) {}

  /** The figures of a run; {@code failures} holds at most the first 20. */
  record Report(int cases, long wallNanos, Outcome slowest, Map<String, Integer> results, List<Outcome> failures) {
    double casesPerSecond() {
      return cases / (wallNanos / 1e9);
    }

    String summary() {
      return String.format("%,d cases in %.1f s (%.0f cases/s); slowest %.0f ms of CPU (%s); outcomes %s; %d failure(s)",
          cases, wallNanos / 1e9, casesPerSecond(), slowest.cpuNanos() / 1e6, slowest.input().describe(), results,
          failures.size());
    }
  }

  private final Path corpus;
  private final long seed;
  private final List<Seed> composeSeeds;
  private final List<Seed> envSeeds;

  LoaderFuzzer(Path corpus, long seed) {
    this.corpus = corpus;
    this.seed = seed;
    try (Stream<Path> walk = Files.walk(corpus)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      this.composeSeeds = files.stream().filter(p -> p.toString().matches(".*\\.ya?ml")).map(this::seed).toList();
      this.envSeeds = files.stream().filter(p -> p.getFileName().toString().endsWith(".env")
          || p.getFileName().toString().equals(".env")).map(this::seed).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (composeSeeds.isEmpty()) {
      throw new IllegalStateException("no compose files under " + corpus);
    }
  }

  private Seed seed(Path file) {
    try {
      return new Seed(corpus.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Generating a case

  /** Case {@code index}: the same bytes every time for the same seed. */
  Case generate(int index) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    Seed origin = composeSeeds.get(random.nextInt(composeSeeds.size()));
    List<String> lines = new ArrayList<>(Arrays.asList(origin.text().split("\n", -1)));
    List<String> done = new ArrayList<>();
    int count = 1 + (random.nextInt(4) == 0 ? random.nextInt(4) : 0);
    List<String> byteOps = new ArrayList<>();
    for (int m = 0; m < count; m++) {
      String op = TEXT_OPS.get(random.nextInt(TEXT_OPS.size()));
      if (op.equals("flip") || op.equals("invalid-utf8")) {
        byteOps.add(op);
      } else {
        done.add(mutate(op, lines, random));
      }
    }
    byte[] compose = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    for (String op : byteOps) {
      compose = op.equals("flip") ? flip(compose, random, done) : invalidUtf8(compose, random, done);
    }
    Optional<byte[]> dotEnv = Optional.empty();
    if (random.nextInt(8) == 0) {
      dotEnv = Optional.of(dotEnv(random, done));
    }
    Map<String, String> env = new LinkedHashMap<>(Map.of("HOME", "/home/user", "A", "a", "EMPTY", ""));
    if (random.nextInt(16) == 0) {
      String key = pick(random, "COMPOSE_PROJECT_NAME", "COMPOSE_PROFILES", "COMPOSE_DISABLE_ENV_FILE", "FOO", "PORT", "TAG");
      String value = scalar(random);
      env.put(key, value);
      done.add("env " + key + "=" + abbreviate(value));
    }
    return new Case(seed, index, origin, compose, dotEnv, env, List.copyOf(done));
  }

  private static final List<String> TEXT_OPS = List.of(
      "flip", "flip", "invalid-utf8", "delete-lines", "delete-lines", "duplicate-lines", "duplicate-lines",
      "swap-lines", "reindent", "scalar", "scalar", "scalar", "insert-key", "insert-key", "interpolation",
      "interpolation", "deep-nesting", "alias-bomb", "alias-chain", "huge-scalar", "tabs", "control-chars",
      "truncate", "documents", "tags", "splice", "splice");

  private String mutate(String op, List<String> lines, SplittableRandom random) {
    int at = random.nextInt(lines.size());
    switch (op) {
      case "delete-lines": {
        int n = Math.min(1 + random.nextInt(3), lines.size() - at);
        lines.subList(at, at + n).clear();
        if (lines.isEmpty()) {
          lines.add("");
        }
        return op + " " + (at + 1) + "+" + n;
      }
      case "duplicate-lines": {
        int n = Math.min(1 + random.nextInt(4), lines.size() - at);
        List<String> block = new ArrayList<>(lines.subList(at, at + n));
        int to = random.nextBoolean() ? at + n : random.nextInt(lines.size() + 1);
        lines.addAll(to, block);
        return op + " " + (at + 1) + "+" + n + " to " + (to + 1);
      }
      case "swap-lines": {
        int other = random.nextInt(lines.size());
        String s = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, s);
        return op + " " + (at + 1) + "<->" + (other + 1);
      }
      case "reindent": {
        String line = lines.get(at);
        int shift = random.nextInt(9) - 4;
        lines.set(at, shift >= 0 ? " ".repeat(shift) + line : line.substring(Math.min(-shift, leading(line))));
        return op + " " + (at + 1) + " by " + shift;
      }
      case "scalar": {
        String value = scalar(random);
        lines.set(at, withValue(lines.get(at), value));
        return op + " " + (at + 1) + " " + abbreviate(value);
      }
      case "insert-key": {
        String key = pick(random, KEYS);
        String value = random.nextInt(4) == 0 ? "" : " " + scalar(random);
        lines.add(at, " ".repeat(leading(lines.get(at))) + key + ":" + value);
        return op + " " + (at + 1) + " " + key + ":" + abbreviate(value);
      }
      case "interpolation": {
        String template = pick(random, TEMPLATES);
        lines.set(at, withValue(lines.get(at), template));
        return op + " " + (at + 1) + " " + template;
      }
      case "deep-nesting": {
        int depth = 10 + random.nextInt(random.nextBoolean() ? 100 : 3000);
        String value = switch (random.nextInt(4)) {
          case 0 -> "[".repeat(depth) + "]".repeat(depth);
          case 1 -> "{a: ".repeat(depth) + "x" + "}".repeat(depth);
          case 2 -> "[".repeat(depth);
          default -> null;
        };
        if (value == null) {
          StringBuilder b = new StringBuilder("x-deep:");
          for (int d = 1; d <= Math.min(depth, 1200); d++) {
            b.append('\n').append(" ".repeat(d)).append("k").append(d).append(':');
          }
          lines.add(at, b.append(" end").toString());
        } else {
          lines.set(at, withValue(lines.get(at), value));
        }
        return op + " " + (at + 1) + " depth " + depth;
      }
      case "alias-bomb": {
        int levels = 3 + random.nextInt(7);
        int width = 2 + random.nextInt(9);
        StringBuilder b = new StringBuilder("x-l0: &l0 [" + String.join(", ", java.util.Collections.nCopies(width, "lol")) + "]");
        for (int l = 1; l <= levels; l++) {
          b.append("\nx-l").append(l).append(": &l").append(l).append(" [")
              .append(String.join(", ", java.util.Collections.nCopies(width, "*l" + (l - 1)))).append(']');
        }
        if (random.nextBoolean()) {
          b.append("\nx-self: &self [*self]");
        }
        lines.add(random.nextBoolean() ? 0 : lines.size(), b.toString());
        return op + " " + levels + "x" + width;
      }
      case "alias-chain": {
        String line = lines.get(at);
        int colon = line.indexOf(": ");
        String anchor = "a" + random.nextInt(5);
        if (colon > 0) {
          lines.set(at, line.substring(0, colon + 2) + "&" + anchor + " " + line.substring(colon + 2));
        }
        int other = random.nextInt(lines.size());
        String use = switch (random.nextInt(3)) {
          case 0 -> "<<: *" + anchor;
          case 1 -> pick(random, KEYS) + ": *" + anchor;
          default -> "- *" + anchor;
        };
        lines.add(other, " ".repeat(leading(lines.get(other))) + use);
        return op + " &" + anchor + "@" + (at + 1) + " " + use + "@" + (other + 1);
      }
      case "huge-scalar": {
        int size = random.nextInt(3) == 0 ? 200_000 + random.nextInt(800_000) : 1_000 + random.nextInt(50_000);
        String unit = pick(random, "a", "9", "9", "1_", "${A}", "$$", "ab c ", "é", "{", "\\\"");
        // Sometimes a last character that makes a long number fail only at its end.
        String value = unit.repeat(size / unit.length()) + (random.nextInt(3) == 0 ? pick(random, "x", "s", ".", "e", "_", "ms") : "");
        lines.set(at, withValue(lines.get(at), random.nextBoolean() ? value : "\"" + value + "\""));
        return op + " " + (at + 1) + " " + size + "x" + unit;
      }
      case "tabs": {
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
          int i = random.nextInt(lines.size());
          String line = lines.get(i);
          lines.set(i, random.nextBoolean() ? "\t".repeat(Math.max(1, leading(line) / 2)) + line.strip()
              : insertAt(line, random, "\t"));
        }
        return op + " x" + n;
      }
      case "control-chars": {
        String c = pick(random, "\u0000", "\u0085", "\u2028", "\uFEFF", "\r", "\u001B", "\u00A0", "\uD83D\uDE00", "\uFFFE");
        lines.set(at, insertAt(lines.get(at), random, c));
        return op + " " + (at + 1) + " U+" + Integer.toHexString(c.codePointAt(0));
      }
      case "truncate": {
        String line = lines.get(at);
        lines.subList(at + 1, lines.size()).clear();
        lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
        return op + " at " + (at + 1);
      }
      case "documents": {
        String marker = pick(random, "---", "...", "--- |", "%YAML 1.2\n---", "--- !!map");
        lines.add(at, marker);
        return op + " " + (at + 1) + " " + marker.replace("\n", "\\n");
      }
      case "splice": {
        // A few lines of another corpus file, at this line's indentation: real keys in wrong places.
        Seed other = composeSeeds.get(random.nextInt(composeSeeds.size()));
        String[] from = other.text().split("\n", -1);
        int start = random.nextInt(from.length);
        int n = Math.min(1 + random.nextInt(6), from.length - start);
        int indent = leading(lines.get(at));
        int base = leading(from[start]);
        List<String> block = new ArrayList<>();
        for (int k = start; k < start + n; k++) {
          String line = from[k];
          block.add(" ".repeat(indent) + line.substring(Math.min(base, leading(line))));
        }
        lines.addAll(at, block);
        return op + " " + other.path() + ":" + (start + 1) + "+" + n + " at " + (at + 1);
      }
      case "tags": {
        String tag = pick(random, "!reset", "!override", "!!binary", "!!int", "!!str", "!!float", "!custom", "!!set",
            "!!map", "!!seq", "!!null", "!<tag:yaml.org,2002:str>");
        String line = lines.get(at);
        int colon = line.indexOf(": ");
        lines.set(at, colon > 0 ? line.substring(0, colon + 2) + tag + " " + line.substring(colon + 2) : line + " " + tag);
        return op + " " + (at + 1) + " " + tag;
      }
      default:
        throw new IllegalArgumentException(op);
    }
  }

  /** The line's value replaced ({@code key: value} or {@code - value}), or a new entry appended to it. */
  private static String withValue(String line, String value) {
    int colon = line.indexOf(": ");
    if (colon > 0) {
      return line.substring(0, colon + 2) + value;
    }
    if (line.strip().startsWith("- ")) {
      return line.substring(0, line.indexOf("- ") + 2) + value;
    }
    if (line.stripTrailing().endsWith(":")) {
      return line.stripTrailing() + " " + value;
    }
    return line + value;
  }

  private static byte[] flip(byte[] in, SplittableRandom random, List<String> done) {
    if (in.length == 0) {
      return in;
    }
    byte[] out = in.clone();
    int n = 1 + random.nextInt(8);
    StringBuilder where = new StringBuilder("flip");
    for (int k = 0; k < n; k++) {
      int i = random.nextInt(out.length);
      out[i] = random.nextBoolean() ? (byte) (out[i] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
      where.append(' ').append(i);
    }
    done.add(where.toString());
    return out;
  }

  private static byte[] invalidUtf8(byte[] in, SplittableRandom random, List<String> done) {
    byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xC0, (byte) 0xAF}};
    byte[] insert = bad[random.nextInt(bad.length)];
    int at = random.nextInt(in.length + 1);
    byte[] out = new byte[in.length + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at, out, at + insert.length, in.length - at);
    done.add("invalid-utf8 at " + at);
    return out;
  }

  private byte[] dotEnv(SplittableRandom random, List<String> done) {
    StringBuilder b = new StringBuilder();
    if (!envSeeds.isEmpty() && random.nextBoolean()) {
      Seed s = envSeeds.get(random.nextInt(envSeeds.size()));
      b.append(s.text());
      done.add(".env from " + s.path());
    } else {
      done.add(".env generated");
    }
    int n = 1 + random.nextInt(6);
    for (int k = 0; k < n; k++) {
      b.append(pick(random, ENV_LINES)).append(random.nextInt(6) == 0 ? "" : "\n");
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(4) == 0) {
      bytes = flip(bytes, random, done);
    }
    done.add(".env=" + abbreviate(new String(bytes, StandardCharsets.UTF_8)));
    return bytes;
  }

  private static String scalar(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> pick(random, TEMPLATES);
      case 1 -> Long.toString(random.nextLong(), 1 + random.nextInt(2) * 15 + 1);
      default -> pick(random, SCALARS);
    };
  }

  private static final String[] KEYS = {
      "services", "image", "build", "context", "dockerfile", "ports", "volumes", "environment", "env_file", "depends_on",
      "condition", "required", "extends", "file", "service", "include", "path", "project_directory", "networks",
      "configs", "secrets", "healthcheck", "test", "retries", "interval", "deploy", "replicas", "resources", "limits",
      "scale", "command", "entrypoint", "labels", "profiles", "name", "external", "driver", "driver_opts", "ulimits",
      "nofile", "soft", "hard", "target", "published", "protocol", "mode", "read_only", "tmpfs", "cpus", "mem_limit",
      "restart", "pull_policy", "x-custom", "<<", "version", "logging", "options", "sysctls", "extra_hosts", "dns",
      "container_name", "privileged", "init", "user", "working_dir", "stop_grace_period", "content", "ipam", "config",
      "subnet", "aliases", "ipv4_address", "devices", "cap_add", "expose", "links", "develop", "watch", "action"};

  private static final String[] SCALARS = {
      "", "~", "null", "true", "false", "yes", "no", "on", "0", "-1", "1.5", "1e309", "-.inf", ".nan", "0x1F", "0o17",
      "0b101", "0440", "1_000", "99999999999999999999", "-9223372036854775809", "8080:80", "80-90:80-90/udp",
      "127.0.0.1::80", "[::1]:80:80", "65536:80", "a:b:c:d", "./data:/data:ro", "data:/x", "/abs", "~/home", "..",
      "\"quoted\"", "'single'", "\"unterminated", "'also", "{}", "[]", "{a: 1}", "[1, 2", "{a", "*undefined", "&anchor",
      "!!binary aGVsbG8=", "|", ">-", "? x", "- item", "key: value", "\"\\x00\\uD800\"", "\"\\uDC00\"", "é", "日本語",
      "\uD83D\uDE00", "\t", "a\tb", "@", "`", "%", "#comment", "a #comment", "service_healthy", "service_started",
      "always", "never", "build", "every_1m", "1h30m", "-5s", "10", "1.5g", "0.5", "1m", "512k", "CMD", "NONE",
      "host", "bridge", "service:web", "container:x", "unless-stopped", "on-failure:3", "web", "db", "x=y", "=y", "K=",
      "host.docker.internal:host-gateway", "2001:db8::1", "SYS_ADMIN", "ro", "rw,z", "/dev/null", "../../../etc/passwd"};

  private static final String[] TEMPLATES = {
      "${A}", "$A", "$$", "$${A}", "${", "${}", "${ }", "${A", "${A:-}", "${A:-default}", "${UNSET:-${A:-x}}",
      "${UNSET-${UNSET2-${UNSET3}}}", "${UNSET:?boom}", "${UNSET?}", "${A:+rep}", "${UNSET+rep}", "${A:-{\"j\":1}}",
      "${A:-{}", "${A:-}}}", "${A!}", "${1}", "$1", "a $ b", "^re$", "$", "${A}${A}${A}", "${A:-x", "${EMPTY:?}",
      "${COMPOSE_PROJECT_NAME}", "${A:-\n}", "${UNSET:-${}", "${{A}}", "${A:-${B:-${C:-${D:-${E:-deep}}}}}", "${ſ}",
      "${\u212A}"};

  private static final String[] ENV_LINES = {
      "A=1", "export B=two", "C='single $A'", "D=\"double ${A} \\n \\$x\"", "E=", "F", "G : yaml", "H=v # comment",
      "I=\"multi\nline\"", "J='open", "K=\"open", "L M=1", "=nokey", "N=${UNSET:?required}", "O=${", "#comment",
      "  P = spaced  ", "Q=\"\\0101\"", "R='a\\'b'", "S=\"x\"junk", "T=${A:-${B}}", "COMPOSE_PROJECT_NAME=Bad Name",
      "COMPOSE_PROFILES=a,b", "COMPOSE_FILE=missing.yaml", "U=\r", "\uFEFFV=1", "W=\u0000", "X=é", "Y-Z.W[0]=1", "lol$wut",
      "export", "export =1", "\"quoted\"=1", "AA=${A}${A}", "TAG=${TAG:-latest}"};

  private static String pick(SplittableRandom random, String... options) {
    return options[random.nextInt(options.length)];
  }

  private static int leading(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String insertAt(String line, SplittableRandom random, String what) {
    int i = random.nextInt(line.length() + 1);
    return line.substring(0, i) + what + line.substring(i);
  }

  private static String abbreviate(String s) {
    String one = s.replace("\n", "\\n").replace("\t", "\\t");
    return one.length() <= 40 ? one : one.substring(0, 37) + "...(" + s.length() + " chars)";
  }

  // ---------------------------------------------------------------------------------------------
  // Running cases

  /** A worker's own copy of the corpus, in which cases are written and loaded. */
  static final class Workspace {
    private final Path root;

    Workspace(Path corpus, Path root) {
      this.root = root;
      try (Stream<Path> walk = Files.walk(corpus)) {
        for (Path p : walk.toList()) {
          Path copy = root.resolve(corpus.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(copy);
          } else if (Files.isRegularFile(p)) {
            Files.copy(p, copy);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Loads the case beside its seed file; the workspace is as it was afterwards. */
    Outcome run(Case c) {
      Path dir = root.resolve(c.origin().path()).getParent();
      Path file = dir.resolve(CASE_FILE);
      Path dotEnv = dir.resolve(".env");
      try {
        byte[] previousEnv = Files.exists(dotEnv) ? Files.readAllBytes(dotEnv) : null;
        Files.write(file, c.compose());
        if (c.dotEnv().isPresent()) {
          Files.write(dotEnv, c.dotEnv().get());
        }
        try {
          return load(c, dir, file);
        } finally {
          Files.deleteIfExists(file);
          if (c.dotEnv().isPresent()) {
            if (previousEnv == null) {
              Files.deleteIfExists(dotEnv);
            } else {
              Files.write(dotEnv, previousEnv);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Outcome load(Case c, Path dir, Path file) {
      LoadRequest request = new LoadRequest(dir, List.of(file), Optional.of(dir), Optional.empty(), List.of(), c.env());
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      String result;
      Optional<String> failure = Optional.empty();
      try {
        ComposeLoader.load(request, w -> {});
        result = "loaded";
      } catch (ComposeModelException e) {
        result = "refused";
        if (!e.pos().isKnown() && !c.mutations().stream().anyMatch(m -> m.startsWith("env ") || m.startsWith(".env"))) {
          failure = Optional.of("error without a position: " + e.getMessage());
        }
      } catch (Throwable t) {
        result = "crashed";
        failure = Optional.of(stackTrace(t));
      }
      long nanos = System.nanoTime() - start;
      long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
      if (failure.isEmpty() && cpu > LIMIT_NANOS) {
        failure = Optional.of(String.format("took %.0f ms of CPU (limit %d ms; %.0f ms elapsed)", cpu / 1e6,
            LIMIT_NANOS / 1_000_000, nanos / 1e6));
      }
      return new Outcome(c, cpu, result, failure);
    }
  }

  private static String stackTrace(Throwable t) {
    StringBuilder b = new StringBuilder(t.toString());
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < Math.min(trace.length, 25); i++) {
      b.append("\n\tat ").append(trace[i]);
    }
    return b.toString();
  }

  /**
   * Runs cases {@code 0..count-1} on {@code threads} workers, each in its own copy of the corpus
   * under {@code scratch}.
   */
  Report run(int count, int threads, Path scratch) throws InterruptedException {
    List<Workspace> workspaces = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      workspaces.add(new Workspace(corpus, scratch.resolve("worker-" + w)));
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReferenceArray<Case> running = new AtomicReferenceArray<>(threads);
    AtomicReferenceArray<Long> since = new AtomicReferenceArray<>(threads);
    List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "fuzz-worker");
      t.setDaemon(true); // a hung case must not keep the JVM alive
      return t;
    });
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int worker = w;
      futures.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          Case c = generate(i);
          running.set(worker, c);
          since.set(worker, System.nanoTime());
          outcomes.add(workspaces.get(worker).run(c));
          running.set(worker, null);
        }
      }));
    }
    pool.shutdown();
    List<Outcome> hung = new ArrayList<>();
    while (!pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
      for (int w = 0; w < threads; w++) {
        Case c = running.get(w);
        Long t0 = since.get(w);
        if (c != null && t0 != null && System.nanoTime() - t0 > HUNG_NANOS) {
          hung.add(new Outcome(c, System.nanoTime() - t0, "hung", Optional.of("still running after "
              + TimeUnit.NANOSECONDS.toSeconds(HUNG_NANOS) + " s")));
        }
      }
      if (!hung.isEmpty()) {
        pool.shutdownNow();
        break;
      }
    }
    for (Future<?> f : futures) {
      if (f.isDone()) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("the fuzzer itself failed", e.getCause());
        }
      }
    }
    long wall = System.nanoTime() - start;
    List<Outcome> all = new ArrayList<>(outcomes);
    all.addAll(hung);
    List<Outcome> failures = all.stream().filter(o -> o.failure().isPresent())
        .sorted(Comparator.comparingInt(o -> o.input().index())).limit(20).toList();
    Outcome slowest = all.stream().max(Comparator.comparingLong(Outcome::cpuNanos)).orElseThrow();
    Map<String, Integer> results = all.stream().collect(Collectors.groupingBy(Outcome::result, java.util.TreeMap::new,
        Collectors.summingInt(o -> 1)));
    return new Report(all.size(), wall, slowest, results, failures);
  }

  /** What to print for a failed case, with how to replay it and where its input was saved. */
  static String explain(Outcome o, Path saveDir) {
    Case c = o.input();
    String saved = "";
    try {
      Path dir = Files.createDirectories(saveDir.resolve("seed-" + c.seed() + "-case-" + c.index()));
      Files.write(dir.resolve("compose.yaml"), c.compose());
      if (c.dotEnv().isPresent()) {
        Files.write(dir.resolve(".env"), c.dotEnv().get());
      }
      saved = "\n  input saved in " + dir + " (it was loaded from beside " + c.origin().path() + ")";
    } catch (IOException e) {
      saved = "\n  (could not save the input: " + e.getMessage() + ")";
    }
    return c.describe() + "\n  " + o.failure().orElse("") + saved
        + "\n  replay: -Dberth.fuzz.seed=" + c.seed() + " -Dberth.fuzz.case=" + c.index();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: LoaderFuzzer CORPUS [CASES] [SEED] [THREADS]");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    int cases = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 100_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : System.currentTimeMillis();
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
    Path scratch = Files.createTempDirectory("berth-fuzz");
    try {
      System.out.printf("fuzzing the loader: %,d cases, seed %d, %d thread(s), corpus %s%n", cases, seed, threads,
          corpus.getFileName());
      Report report = new LoaderFuzzer(corpus, seed).run(cases, threads, scratch);
      System.out.println(report.summary());
      Path saveDir = Path.of("target", "fuzz-failures");
      for (Outcome f : report.failures()) {
        System.out.println("FAILURE " + explain(f, saveDir));
      }
      System.exit(report.failures().isEmpty() ? 0 : 1);
    } finally {
      deleteTree(scratch);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
