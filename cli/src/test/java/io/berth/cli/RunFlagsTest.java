package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad value for one of run's flags is one line naming the flag and what it accepts, found before
 * the Engine is asked anything: these run against an Engine address that cannot answer.
 */
class RunFlagsTest {
  @TempDir Path dir;

  @BeforeEach
  void project() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    image: busybox\n");
  }

  private BerthRunner.Result run(String... flags) {
    List<String> args = new ArrayList<>(List.of("run", "--rm", "-T"));
    args.addAll(List.of(flags));
    args.addAll(List.of("app", "true"));
    return new BerthRunner(dir).env("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock")).run(args.toArray(String[]::new));
  }

  private static void assertRefused(BerthRunner.Result r, String line) {
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err()).as(r.toString()).isEqualTo(line + "\n");
  }

  @Test
  void aMalformedVolumeNamesTheFlagAndTheSyntax() {
    assertRefused(run("-v", "./a::/b"),
        "--volume: invalid volume \"./a::/b\": empty section between colons (accepted: [SOURCE:]TARGET[:MODE])");
    assertRefused(run("-v", ":/b"), "--volume: invalid volume \":/b\": empty section between colons (accepted: [SOURCE:]TARGET[:MODE])");
    assertRefused(run("--volume", "/a:/b:/c:/d"), "--volume: invalid volume \"/a:/b:/c:/d\" (accepted: [SOURCE:]TARGET[:MODE])");
    assertRefused(run("-v", "./a:b"), "--volume: the mount target \"b\" must be an absolute path");
    assertRefused(run("-v", "./a:/b:rw,fast"),
        "--volume: invalid mode \"fast\" in volume \"./a:/b:rw,fast\" (accepted: ro, rw, z, Z, nocopy, and bind propagation modes)");
    assertRefused(run("-v", "my data:/b"), "--volume: invalid volume name \"my data\" in \"my data:/b\" (accepted: a volume of"
        + " the file, or a name of letters, digits, _ . and -, starting with a letter or digit)");
  }

  @Test
  void ttyAndNoTtyTogetherAreAMistakeAsInCompose() {
    assertRefused(run("--tty"), "--tty and --no-tty can't be used together");
    assertRefused(run("-t"), "--tty and --no-tty can't be used together");
  }

  @Test
  void anUnknownPullPolicyNamesThoseAccepted() {
    assertRefused(run("--pull", "sometimes"),
        "invalid --pull option \"sometimes\" (accepted: always, missing, never, build, if_not_present)");
  }

  @Test
  void aMissingOrMalformedEnvFileIsNamed() throws IOException {
    assertRefused(run("--env-from-file", "missing.env"),
        "invalid --env-from-file \"missing.env\": no such file (accepted: a readable file of KEY=VALUE lines)");
    Files.createDirectory(dir.resolve("adir"));
    assertRefused(run("--env-from-file", "adir"),
        "invalid --env-from-file \"adir\": it is a directory (accepted: a readable file of KEY=VALUE lines)");
    Files.writeString(dir.resolve("bad.env"), "GOOD=1\nNOT GOOD=2\n");
    BerthRunner.Result bad = run("--env-from-file", "bad.env");
    assertThat(bad.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(bad.err().lines()).hasSize(1);
    assertThat(bad.err()).startsWith("invalid --env-from-file \"bad.env\": line 2: ");
  }

  @Test
  void anUnknownCapabilityNamesTheFlag() {
    String accepted = "(accepted: a Linux capability such as NET_ADMIN, with or without CAP_, or ALL)";
    assertRefused(run("--cap-add", "NET_FROB"), "invalid --cap-add \"NET_FROB\": unknown capability " + accepted);
    assertRefused(run("--cap-drop", "cap_nope"), "invalid --cap-drop \"cap_nope\": unknown capability " + accepted);
  }
}
