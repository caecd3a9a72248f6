package io.berth.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A misbehaving Docker Engine, for tests of what berth does when the Engine is there but does not
 * act like one: it listens on a Unix socket or on 127.0.0.1 and answers every request as its
 * {@link Mode} says. Only loopback and the file system are ever used.
 *
 * <p>Also runnable by itself ({@code java -cp ... io.berth.testsupport.FakeEngine MODE unix:///PATH|tcp}),
 * for the fault benchmark: it prints the host to point {@code DOCKER_HOST} at and serves until killed.
 */
public final class FakeEngine implements AutoCloseable {
  /** How the fake answers. */
  public enum Mode {
    /** Accepts connections and reads requests, never answers one. */
    SILENT,
    /** Answers {@code /_ping} as an Engine does; every other request is left unanswered. */
    PING_ONLY,
    /** Answers every request {@code 200 OK} with a body that is not JSON. */
    GARBAGE,
    /** Answers every request {@code 500 Internal Server Error} with the Engine's JSON error body. */
    ERROR_500
  }

  /** The body GARBAGE answers with; tests look for its first words in berth's message. */
  public static final String GARBAGE_BODY = "<html><body>not an engine</body></html>";
  /** The message ERROR_500 answers with. */
  public static final String ERROR_MESSAGE = "fake engine: something broke inside";

  private final Mode mode;
  private final ServerSocketChannel server;
  private final String host;
  private final Path socketFile;
  private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong firstConnectionNanos = new AtomicLong();
  private volatile boolean closed;

  private FakeEngine(Mode mode, ServerSocketChannel server, String host, Path socketFile) {
    this.mode = mode;
    this.server = server;
    this.host = host;
    this.socketFile = socketFile;
    Thread acceptor = new Thread(this::accept, "fake-engine-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Listens on a Unix socket at {@code socket} (which must not exist yet). */
  public static FakeEngine onUnixSocket(Mode mode, Path socket) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    return new FakeEngine(mode, server, "unix://" + socket.toAbsolutePath(), socket);
  }

  /** Listens on an ephemeral port of 127.0.0.1. */
  public static FakeEngine onLoopback(Mode mode) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
    return new FakeEngine(mode, server, "tcp://127.0.0.1:" + port, null);
  }

  /** What to set {@code DOCKER_HOST} to. */
  public String host() {
    return host;
  }

  /** The request lines received so far ({@code GET /v1.41/containers/json?...}), in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /**
   * When a client first connected ({@link System#nanoTime}), empty before then: the start of a
   * client's wait, whatever it spent starting up before it called.
   */
  public OptionalLong firstConnectionNanos() {
    long at = firstConnectionNanos.get();
    return at == 0 ? OptionalLong.empty() : OptionalLong.of(at);
  }

  private void accept() {
    while (!closed) {
      try {
        SocketChannel connection = server.accept();
        firstConnectionNanos.compareAndSet(0, System.nanoTime());
        connections.add(connection);
        Thread serve = new Thread(() -> serve(connection), "fake-engine-connection");
        serve.setDaemon(true);
        serve.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SocketChannel connection) {
    try (connection) {
      while (!closed) {
        String head = readHead(connection);
        if (head == null) {
          return;
        }
        String requestLine = head.substring(0, head.indexOf("\r\n"));
        requests.add(requestLine);
        skipBody(connection, head);
        String path = requestLine.split(" ")[1];
        if (!answer(connection, path)) {
          // Leave the request unanswered; keep the connection open until the client gives up.
          while (!closed && connection.read(ByteBuffer.allocate(1024)) >= 0) {
            // Drain whatever else arrives, answering nothing.
          }
          return;
        }
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  /** @return false when the request is to go unanswered */
  private boolean answer(SocketChannel connection, String path) throws IOException {
    boolean ping = path.matches("^(/v[\\d.]+)?/_ping(\\?.*)?$");
    switch (mode) {
      case SILENT:
        return false;
      case PING_ONLY:
        if (!ping) {
          return false;
        }
        write(connection, 200, "OK", "text/plain; charset=utf-8", "OK");
        return true;
      case GARBAGE:
        write(connection, 200, "OK", ping ? "text/plain; charset=utf-8" : "application/json", ping ? "OK" : GARBAGE_BODY);
        return true;
      case ERROR_500:
        write(connection, 500, "Internal Server Error", "application/json", "{\"message\":\"" + ERROR_MESSAGE + "\"}\n");
        return true;
      default:
        throw new IllegalStateException(mode.toString());
    }
  }

  private static void write(SocketChannel connection, int status, String reason, String type, String body) throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Api-Version: 1.41\r\n"
        + "Content-Type: " + type + "\r\n"
        + "Content-Length: " + content.length + "\r\n"
        + "\r\n";
    ByteBuffer out = ByteBuffer.allocate(head.length() + content.length);
    out.put(head.getBytes(StandardCharsets.US_ASCII)).put(content).flip();
    while (out.hasRemaining()) {
      connection.write(out);
    }
  }

  /** The request's head up to the blank line; null at the end of the stream. */
  private static String readHead(SocketChannel connection) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (true) {
      one.clear();
      if (connection.read(one) < 0) {
        return null;
      }
      head.write(one.get(0));
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
        return head.toString(StandardCharsets.US_ASCII);
      }
    }
  }

  private static void skipBody(SocketChannel connection, String head) throws IOException {
    long length = 0;
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    ByteBuffer body = ByteBuffer.allocate(8192);
    while (length > 0) {
      body.clear().limit((int) Math.min(body.capacity(), length));
      int n = connection.read(body);
      if (n < 0) {
        return;
      }
      length -= n;
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (SocketChannel connection : connections) {
      connection.close();
    }
    if (socketFile != null) {
      Files.deleteIfExists(socketFile);
    }
  }

  /** {@code FakeEngine MODE unix:///PATH|tcp}: serves until killed, after printing its host. */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: FakeEngine SILENT|PING_ONLY|GARBAGE|ERROR_500 unix:///PATH|tcp");
      System.exit(2);
    }
    Mode mode = Mode.valueOf(args[0]);
    FakeEngine engine = args[1].startsWith("unix://")
        ? onUnixSocket(mode, Path.of(args[1].substring("unix://".length())))
        : onLoopback(mode);
    System.out.println(engine.host());
    System.out.flush();
    Thread.currentThread().join();
  }
}
