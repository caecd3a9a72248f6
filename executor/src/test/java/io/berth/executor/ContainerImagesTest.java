package io.berth.executor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The repository and tag Compose's {@code images} shows for a container's image reference. */
class ContainerImagesTest {
  @Test
  void referencesReadAsTheDockerCliShowsThem() {
    assertThat(ContainerImages.familiar("busybox:stable")).containsExactly("busybox", "stable");
    assertThat(ContainerImages.familiar("busybox")).containsExactly("busybox", "latest");
    assertThat(ContainerImages.familiar("docker.io/library/redis:7")).containsExactly("redis", "7");
    assertThat(ContainerImages.familiar("docker.io/acme/app")).containsExactly("acme/app", "latest");
    assertThat(ContainerImages.familiar("127.0.0.1:5000/berth/busybox:t")).containsExactly("127.0.0.1:5000/berth/busybox", "t");
    assertThat(ContainerImages.familiar("127.0.0.1:5000/berth/busybox")).containsExactly("127.0.0.1:5000/berth/busybox", "latest");
    assertThat(ContainerImages.familiar("acme/app:1@sha256:" + "a".repeat(64))).containsExactly("acme/app", "");
    assertThat(ContainerImages.familiar("sha256:" + "b".repeat(64))).containsExactly("", "");
  }
}
