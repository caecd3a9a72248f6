package io.berth.executor.lock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who holds a project's lock, as its labels say: enough for another berth to tell whether that
 * holder still runs. {@code host} and {@code boot} name the machine and its boot (the kernel's
 * {@code boot_id}), so a pid is only ever checked on the machine, and in the boot, it belongs to;
 * {@code startedMillis} tells a reused pid from the holder's.
 *
 * @param token random, unique to one acquisition: the Engine returns the labels of the volume it
 *     keeps, so the token in them says whose create won
 * @param command the berth command holding it, for the message a waiter prints
 */
public record LockHolder(String token, String host, String boot, long pid, long startedMillis, String command) {
  static final String PREFIX = "io.berth.lock.";
  static final String PROJECT = PREFIX + "project";
  static final String TOKEN = PREFIX + "token";
  static final String HOST = PREFIX + "host";
  static final String BOOT = PREFIX + "boot";
  static final String PID = PREFIX + "pid";
  static final String STARTED = PREFIX + "started";
  static final String COMMAND = PREFIX + "command";

  /** This process, about to take a lock for {@code command}. */
  public static LockHolder self(String command) {
    ProcessHandle me = ProcessHandle.current();
    // Unique, not secret: a random number and the clock, so no SecureRandom is set up on every command's path.
    String token = Long.toHexString(ThreadLocalRandom.current().nextLong()) + Long.toHexString(System.nanoTime());
    return new LockHolder(token, hostName(), firstLine(Path.of("/proc/sys/kernel/random/boot_id")),
        me.pid(), me.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L), command);
  }

  /** The labels the lock volume carries for this holder. */
  public Map<String, String> labels(String project) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PROJECT, project);
    labels.put(TOKEN, token);
    labels.put(HOST, host);
    labels.put(BOOT, boot);
    labels.put(PID, Long.toString(pid));
    labels.put(STARTED, Long.toString(startedMillis));
    labels.put(COMMAND, command);
    return labels;
  }

  /** The holder a lock volume's labels name; empty for a volume berth did not make (no token). */
  public static Optional<LockHolder> fromLabels(Map<String, String> labels) {
    if (labels == null || labels.get(TOKEN) == null) {
      return Optional.empty();
    }
    return Optional.of(new LockHolder(labels.get(TOKEN), labels.getOrDefault(HOST, ""), labels.getOrDefault(BOOT, ""),
        number(labels.get(PID)), number(labels.get(STARTED)), labels.getOrDefault(COMMAND, "")));
  }

  /** The same machine in the same boot, so its pids are ours to check. */
  boolean sameMachine(LockHolder other) {
    return !host.isEmpty() && !boot.isEmpty() && host.equals(other.host) && boot.equals(other.boot);
  }

  /** {@code up (pid 123 on host ci-4)}, for messages. */
  public String describe() {
    return "berth " + (command.isEmpty() ? "command" : command) + " (pid " + pid + " on host " + (host.isEmpty() ? "?" : host) + ")";
  }

  private static long number(String s) {
    try {
      return s == null ? 0 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String hostName() {
    String name = firstLine(Path.of("/proc/sys/kernel/hostname"));
    if (name.isEmpty()) {
      name = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("");
    }
    if (name.isEmpty()) {
      try {
        name = java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        name = "";
      }
    }
    return name;
  }

  private static String firstLine(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
