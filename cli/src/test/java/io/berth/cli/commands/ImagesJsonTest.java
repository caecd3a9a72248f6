package io.berth.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.executor.ContainerImages;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code images --format json} writes Compose's fields, in Compose's order, leaving out what Go omits. */
class ImagesJsonTest {
  @Test
  void fieldsInComposesOrderWithUnknownTimesLeftOut() throws Exception {
    String json = ImagesCommand.json(List.of(
        new ContainerImages.Summary("p-web-1", "sha256:ab", "busybox", "stable", "linux/amd64", 4096,
            Optional.of("2024-01-02T03:04:05.5Z"), Optional.empty()),
        new ContainerImages.Summary("p-db-1", "sha256:cd", "", "", "unknown", 0, Optional.empty(),
            Optional.of("2024-02-03T04:05:06Z"))));
    assertThat(json).isEqualTo("[{\"ID\":\"sha256:ab\",\"ContainerName\":\"p-web-1\",\"Repository\":\"busybox\","
        + "\"Tag\":\"stable\",\"Platform\":\"linux/amd64\",\"Size\":4096,\"Created\":\"2024-01-02T03:04:05.5Z\"},"
        + "{\"ID\":\"sha256:cd\",\"ContainerName\":\"p-db-1\",\"Repository\":\"\",\"Tag\":\"\",\"Platform\":\"unknown\","
        + "\"Size\":0,\"LastTagTime\":\"2024-02-03T04:05:06Z\"}]");
  }

  @Test
  void noContainerIsNullAsGoWritesAnEmptyList() throws Exception {
    assertThat(ImagesCommand.json(List.of())).isEqualTo("null");
  }
}
