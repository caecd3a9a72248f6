package io.berth.executor.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines. Frames from the Engine end anywhere, mid-line and mid-character:
 * a partial line is held until its newline arrives, so a line is never split. Not thread-safe; one
 * per stream.
 */
final class LineSplitter {
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final Consumer<String> lines;

  LineSplitter(Consumer<String> lines) {
    this.lines = lines;
  }

  void accept(byte[] bytes) {
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        pending.write(bytes, start, i - start);
        emit();
        start = i + 1;
      }
    }
    pending.write(bytes, start, bytes.length - start);
  }

  /** Emits what is left when the stream ends without a final newline. */
  void finish() {
    if (pending.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String line = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    lines.accept(line);
  }
}
