package io.berth.executor.create;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageOptionsTest {
  private static final List<ProgressEvent> EVENTS = List.of(
      ProgressEvent.of("Image", "busybox", Status.PULLING),
      new ProgressEvent("", "a0d0a0d46f8b", Status.LAYER, "Downloading 1.2MB"),
      ProgressEvent.of("Image", "busybox", Status.PULLED),
      ProgressEvent.of("Image", "app", Status.BUILDING),
      new ProgressEvent("Image", "app", Status.BUILD_OUTPUT, "Step 1/2 : FROM busybox"),
      ProgressEvent.of("Image", "app", Status.BUILT));

  private static List<Status> shown(ImageOptions options) {
    List<Status> out = new ArrayList<>();
    ProgressListener filtered = options.filter(e -> out.add(e.status()));
    EVENTS.forEach(filtered::on);
    return out;
  }

  @Test
  void quietPullLeavesOutLayersAndBuildOutputAsComposeQuietsItsBuildToo() {
    assertThat(shown(ImageOptions.defaults())).containsExactly(Status.PULLING, Status.LAYER, Status.PULLED,
        Status.BUILDING, Status.BUILD_OUTPUT, Status.BUILT);
    assertThat(shown(new ImageOptions(Optional.empty(), false, true, false)))
        .containsExactly(Status.PULLING, Status.PULLED, Status.BUILDING, Status.BUILT);
    assertThat(shown(new ImageOptions(Optional.empty(), false, false, true)))
        .containsExactly(Status.PULLING, Status.LAYER, Status.PULLED, Status.BUILDING, Status.BUILT);
  }

  @Test
  void ifNotPresentIsMissing() {
    assertThat(new ImageOptions(Optional.of("if_not_present"), false, false, false).pull()).contains("missing");
    assertThat(new ImageOptions(Optional.of("never"), false, false, false).pull()).contains("never");
  }
}
