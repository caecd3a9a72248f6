package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

/**
 * One finished command: its exit code and what it printed on each stream (upstream's
 * {@code icmd.Result}). Assertions return the result so that they chain.
 */
record Result(List<String> command, int exitCode, String stdout, String stderr, String combined) {

  /** Fails, with the command and all it printed, unless it exited 0. */
  Result assertSuccess() {
    return assertExitCode(0);
  }

  /** Fails unless the command exited with {@code code}. */
  Result assertExitCode(int code) {
    assertThat(exitCode).as("exit code of %s%n%s", String.join(" ", command), describe()).isEqualTo(code);
    return this;
  }

  /** Fails unless the command failed (any non-zero exit code). */
  Result assertFailure() {
    assertThat(exitCode).as("exit code of %s%n%s", String.join(" ", command), describe()).isNotZero();
    return this;
  }

  /** Fails unless standard output holds each of {@code parts} (icmd.Expected's Out). */
  Result assertOutContains(String... parts) {
    for (String p : parts) {
      assertThat(stdout).as("stdout of %s%n%s", String.join(" ", command), describe()).contains(p);
    }
    return this;
  }

  /** Fails unless standard error holds each of {@code parts} (icmd.Expected's Err). */
  Result assertErrContains(String... parts) {
    for (String p : parts) {
      assertThat(stderr).as("stderr of %s%n%s", String.join(" ", command), describe()).contains(p);
    }
    return this;
  }

  /** Fails unless either stream holds each of {@code parts}. */
  Result assertCombinedContains(String... parts) {
    for (String p : parts) {
      assertThat(combined).as("output of %s%n%s", String.join(" ", command), describe()).contains(p);
    }
    return this;
  }

  /** Fails if either stream holds any of {@code parts}. */
  Result assertCombinedLacks(String... parts) {
    for (String p : parts) {
      assertThat(combined).as("output of %s%n%s", String.join(" ", command), describe()).doesNotContain(p);
    }
    return this;
  }

  /** Standard output's lines, trimmed of the final newline (upstream's Lines). */
  List<String> stdoutLines() {
    return lines(stdout);
  }

  /** Splits {@code output} into lines as upstream's {@code Lines} does. */
  static List<String> lines(String output) {
    return Arrays.asList(output.strip().split("\n", -1));
  }

  /** The command and its two streams, for assertion messages. */
  String describe() {
    return "$ " + String.join(" ", command) + "\n--- exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n"
        + stderr;
  }
}
