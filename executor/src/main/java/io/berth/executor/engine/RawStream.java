package io.berth.executor.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A hijacked Engine connection for {@code exec} and {@code attach}: the request upgrades the HTTP
 * connection to a raw stream both ways. Unlike the HTTP client's, this one tells the command when
 * its input ends, by closing the sending half of the socket as the docker CLI does, so that
 * {@code berth exec -T web cat < file} finishes.
 *
 * <p>Reads and writes go straight to the channel: one thread may read while another writes.
 */
public final class RawStream implements AutoCloseable {
  private final SocketChannel channel;
  private final boolean multiplexed;

  private RawStream(SocketChannel channel, boolean multiplexed) {
    this.channel = channel;
    this.multiplexed = multiplexed;
  }

  /**
   * Sends {@code POST path} with a JSON body, asking for the upgrade, and reads the answer's head.
   *
   * @param engine the Engine, whose address ({@code unix:///var/run/docker.sock} or {@code tcp://HOST:PORT}) is dialled anew
   * @param tty whether the stream is a terminal's (raw) or stdout and stderr multiplexed in frames
   * @throws EngineException when the Engine refuses, with its message
   */
  public static RawStream open(Engine engine, String path, String jsonBody, boolean tty) {
    String host = engine.host();
    // The upgrade is answered at once by an Engine that works; only the stream after it may be
    // silent for as long as the command runs, so only the answer's head is bounded.
    Duration deadline = engine.deadlines().call();
    CallWatch watch = CallWatch.start(deadline);
    RawStream stream;
    try {
      stream = upgrade(host, path, jsonBody, tty);
    } catch (RuntimeException e) {
      if (watch.stop()) {
        throw silent(host, path, deadline, e);
      }
      throw e;
    }
    if (watch.stop()) {
      // The deadline passed as the answer arrived: the interrupt may have closed the channel.
      stream.close();
      throw silent(host, path, deadline, null);
    }
    return stream;
  }

  private static EngineException silent(String host, String path, Duration deadline, Throwable cause) {
    return EngineDeadlines.unanswered(host, EngineDeadlines.call("POST", path), deadline, cause);
  }

  private static RawStream upgrade(String host, String path, String jsonBody, boolean tty) {
    SocketChannel channel;
    try {
      URI uri = URI.create(host);
      if ("unix".equals(uri.getScheme())) {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(uri.getPath()));
      } else if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
        channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()));
      } else {
        throw new EngineException("cannot stream from the Engine at " + host + ": only unix:// and tcp:// are supported");
      }
    } catch (IOException e) {
      throw new EngineException("cannot connect to the Engine at " + host + ": " + e.getMessage(), e);
    }
    try {
      byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
      String request = "POST " + path + " HTTP/1.1\r\n"
          + "Host: docker\r\n"
          + "Content-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\n"
          + "Connection: Upgrade\r\n"
          + "Upgrade: tcp\r\n\r\n";
      writeFully(channel, request.getBytes(StandardCharsets.US_ASCII));
      writeFully(channel, body);
      String head = readHead(channel);
      String status = head.substring(0, head.indexOf('\r'));
      if (!status.startsWith("HTTP/1.1 101") && !status.startsWith("HTTP/1.1 200")) {
        String message = errorMessage(channel, head);
        channel.close();
        throw new EngineException(message.isBlank() ? status : message.trim());
      }
      return new RawStream(channel, !tty);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new EngineException("the Engine closed the stream: " + e.getMessage(), e);
    }
  }

  /**
   * Copies {@code in} to the command on a daemon thread, closing the sending half at its end; the
   * thread is left blocked on {@code in} if the command ends first, as the docker CLI leaves it.
   */
  public void sendInput(InputStream in) {
    Thread pump = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          writeFully(channel, java.util.Arrays.copyOf(buffer, n));
        }
        channel.shutdownOutput();
      } catch (IOException gone) {
        // The command or the connection ended first: nothing is left to send to.
      }
    }, "berth-stdin");
    pump.setDaemon(true);
    pump.start();
  }

  /**
   * Copies what the command prints until it ends: a terminal's bytes as they come, else each
   * frame to {@code out} or {@code err} by its stream.
   */
  public void copyOutput(OutputStream out, OutputStream err) throws IOException {
    if (!multiplexed) {
      ByteBuffer buffer = ByteBuffer.allocate(8192);
      while (channel.read(buffer.clear()) >= 0) {
        write(out, buffer);
      }
      return;
    }
    ByteBuffer header = ByteBuffer.allocate(8);
    while (readFully(header.clear())) {
      int stream = header.get(0);
      int size = header.getInt(4);
      ByteBuffer payload = ByteBuffer.allocate(size);
      if (!readFully(payload)) {
        return;
      }
      write(stream == 2 ? err : out, payload);
    }
  }

  private static void write(OutputStream target, ByteBuffer buffer) {
    try {
      target.write(buffer.array(), 0, buffer.position());
      target.flush();
    } catch (IOException readerGone) {
      // Whoever reads our output went away; the command still runs to its end.
    }
  }

  private boolean readFully(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The whole head, up to and without its blank line. */
  private static String readHead(SocketChannel channel) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      if (channel.read(one.clear()) < 0) {
        throw new IOException("no answer");
      }
      byte b = one.get(0);
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** The Engine's {@code {"message": ...}} of a refused request: the body its Content-Length announces. */
  private static String errorMessage(SocketChannel channel, String head) throws IOException {
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(head);
    if (!length.find()) {
      return "";
    }
    ByteBuffer body = ByteBuffer.allocate(Math.min(Integer.parseInt(length.group(1)), 65536));
    while (body.hasRemaining() && channel.read(body) >= 0) {
      // Read the whole announced body.
    }
    String text = new String(body.array(), 0, body.position(), StandardCharsets.UTF_8);
    int message = text.indexOf("\"message\":\"");
    return message < 0 ? text : text.substring(message + 11, Math.max(message + 11, text.indexOf('"', message + 11)));
  }

  private static void writeFully(SocketChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Already broken; nothing more to release.
    }
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }
}
