package io.berth.cli;

import io.berth.cli.terminal.TerminalStreams;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import io.berth.executor.engine.PendingEngine;
import picocli.CommandLine;

/** Entry point. {@link #run} is the same program without the JVM exit, for tests. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    configureProcess();
    // The raw descriptors, not System.out: a PrintStream swallows the error of a closed pipe, and
    // `berth logs -f | head` must notice that its reader is gone.
    FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    Invocation inv = new Invocation(System.getenv(), Path.of("").toAbsolutePath(), out, err, new FileInputStream(FileDescriptor.in),
        TerminalStreams.detect(), stdout);
    int code = run(inv, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Settings of the whole process, made once before any command runs. Vert.x only schedules
   * berth's work here: it resolves no host names and serves no files, so the DNS resolver and the
   * class-path file cache it would set up are start-up cost for nothing.
   */
  static void configureProcess() {
    System.setProperty("vertx.disableDnsResolver", "true");
    System.setProperty("vertx.disableFileCPResolving", "true");
  }

  public static int run(Invocation inv, String... args) {
    args = asPlugin(args);
    BerthCommand root = new BerthCommand(inv);
    // A command that talks to the Engine connects while its arguments are parsed and its project loaded.
    Optional<PendingEngine> early = Subcommands.talksToEngine(args) ? Optional.of(PendingEngine.connect(inv.environment())) : Optional.empty();
    early.ifPresent(root::connectingEarly);
    Factory factory = new Factory(root);
    CommandLine cl = new CommandLine(root, factory);
    Subcommands.register(cl, factory, args);
    cl.setOut(inv.out())
        .setErr(inv.err())
        .setUsageHelpWidth(100)
        .setExecutionExceptionHandler(new ErrorHandler(root));
    try {
      return cl.execute(args);
    } finally {
      early.ifPresent(PendingEngine::close);
      inv.out().flush();
      inv.err().flush();
    }
  }

  /**
   * The docker CLI runs its {@code compose} plugin as {@code docker-compose compose ARGS}: berth has
   * no command of that name, so a leading {@code compose} is that call, and the rest is berth's.
   */
  static String[] asPlugin(String... args) {
    return args.length > 0 && args[0].equals("compose") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
  }

  /** Gives every command the root, through which it reaches the invocation and the global flags. */
  private static final class Factory implements CommandLine.IFactory {
    private final BerthCommand root;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    Factory(BerthCommand root) {
      this.root = root;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == BerthCommand.class) {
        return cls.cast(root);
      }
      return fallback.create(cls);
    }
  }
}
