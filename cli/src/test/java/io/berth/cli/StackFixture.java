package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A compose project in a temporary directory with a unique name, and the Engine-side checks the
 * tests make on it. {@link #close()} takes everything down, volumes included.
 */
final class StackFixture implements AutoCloseable {
  final Path dir;
  final String project;
  final DockerClient docker;
  final BerthRunner berth;

  StackFixture(Path dir, String testName, DockerClient docker) {
    this.dir = dir;
    this.project = "berth-it-" + testName.toLowerCase().replaceAll("[^a-z0-9]", "") + "-"
        + UUID.randomUUID().toString().substring(0, 6);
    this.docker = docker;
    this.berth = new BerthRunner(dir).env("COMPOSE_PROJECT_NAME", project);
  }

  void write(String file, String content) throws IOException {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  /** {@link #write} for tests that have nothing to do with an IOException. */
  void write0(String file, String content) {
    try {
      write(file, content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  BerthRunner.Result berth(String... args) {
    return berth.run(args);
  }

  BerthRunner.Result ok(String... args) {
    BerthRunner.Result r = berth.run(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isZero();
    return r;
  }

  List<Container> containers() {
    return docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of("com.docker.compose.project", project)).exec();
  }

  InspectContainerResponse inspect(String service) {
    return docker.inspectContainerCmd(project + "-" + service + "-1").exec();
  }

  String containerId(String service) {
    return inspect(service).getId();
  }

  boolean networkExists(String name) {
    return docker.listNetworksCmd().withNameFilter(name).exec().stream().anyMatch(n -> n.getName().equals(name));
  }

  boolean volumeExists(String name) {
    var volumes = docker.listVolumesCmd().exec().getVolumes();
    return volumes != null && volumes.stream().anyMatch(v -> v.getName().equals(name));
  }

  boolean anythingOfProjectExists() {
    String filter = "com.docker.compose.project=" + project;
    var volumes = docker.listVolumesCmd().withFilter("label", List.of(filter)).exec().getVolumes();
    return !containers().isEmpty()
        || !docker.listNetworksCmd().withFilter("label", List.of(filter)).exec().isEmpty()
        || (volumes != null && !volumes.isEmpty());
  }

  /** Runs a command in a service's container and returns what it printed on stdout and stderr. */
  String exec(String service, String... cmd) throws InterruptedException {
    return execIn(containerId(service), cmd);
  }

  /** {@link #exec} in a container given by name or id. */
  String execIn(String container, String... cmd) throws InterruptedException {
    String exec = docker.execCreateCmd(container).withCmd(cmd).withAttachStdout(true).withAttachStderr(true)
        .exec().getId();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    docker.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
      @Override
      public void onNext(Frame frame) {
        out.writeBytes(frame.getPayload());
      }
    }).awaitCompletion(30, TimeUnit.SECONDS);
    return out.toString(StandardCharsets.UTF_8);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    berth.run("down", "-v", "--remove-orphans");
  }
}
