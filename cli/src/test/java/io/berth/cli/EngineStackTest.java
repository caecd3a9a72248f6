package io.berth.cli;

import io.berth.testsupport.EngineProbe;
import io.berth.testsupport.TestImages;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every Engine-backed CLI test needs: an Engine (skipped without one, failed under CI), the
 * busybox test image in {@code ${IMAGE}}, and a project of its own in a temporary directory that
 * is taken down, volumes included, after each test.
 */
@Tag("engine")
abstract class EngineStackTest {
  static String image;
  @TempDir Path dir;
  StackFixture stack;

  @BeforeAll
  static void engineAndImage() {
    EngineProbe.requireEngine();
    image = TestImages.busybox();
  }

  @BeforeEach
  void createStack(TestInfo info) {
    stack = new StackFixture(dir, info.getTestMethod().orElseThrow().getName(), EngineProbe.client());
    stack.berth.env("IMAGE", image);
  }

  @AfterEach
  void takeDownStack() {
    stack.close();
  }
}
