package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.LogPrinter;
import io.berth.executor.ContainerSummary;
import io.berth.executor.EngineSession;
import io.berth.executor.Ps;
import io.berth.executor.logs.LogFollower;
import io.berth.executor.logs.ProjectLogs;
import io.berth.model.spec.Project;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "logs", description = "View output from containers")
public final class LogsCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;
  @Mixin ServiceSelection selection;

  @Option(names = {"-f", "--follow"}, description = "Follow log output")
  boolean follow;

  @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Number of lines to show from the end of the logs for each container (default \"all\")")
  String tail = "all";

  @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
  boolean timestamps;

  @Option(names = "--since", paramLabel = "TIME", description = "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)")
  String until;

  @Option(names = "--no-color", description = "Produce monochrome output")
  boolean noColor;

  @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
  boolean noLogPrefix;

  @Option(names = "--index", paramLabel = "N", description = "index of the container if service has multiple replicas")
  Integer index;

  @Override
  public Integer call() throws InterruptedException {
    Optional<Integer> tailLines = parseTail(tail);
    Instant now = Instant.now();
    int sinceSecond = since == null ? 0 : (int) TimeArgument.parse(since, "--since", now).getEpochSecond();
    int untilSecond = until == null ? 0 : (int) TimeArgument.parse(until, "--until", now).getEpochSecond();
    // As Compose, -p alone is enough: the containers are found by the project's label.
    ProjectLoading.ProjectOrName loaded = ProjectLoading.loadOrName(root, selection.services);
    Set<String> services = loaded.project().map(selection::in).orElseGet(() -> new java.util.LinkedHashSet<>(selection.services));
    if (loaded.project().isPresent()) {
      Project file = loaded.project().get();
      boolean anyDetached = file.services().values().stream().anyMatch(s -> !s.extras().attach());
      if (services.isEmpty() && anyDetached) {
        // As compose: with no service named, those marked attach: false are left out.
        file.services().values().stream().filter(s -> s.extras().attach()).forEach(s -> services.add(s.name()));
        if (services.isEmpty()) {
          return ExitCodes.OK;
        }
      }
    }
    String projectName = loaded.name();
    try (EngineSession session = Sessions.open(root)) {
      List<ContainerSummary> containers = new Ps(session).list(projectName, true, services).stream()
          .filter(c -> index == null || c.name().endsWith("-" + index))
          .toList();
      Map<String, String> names = new LinkedHashMap<>();
      containers.forEach(c -> names.put(c.id(), LogPrinter.displayName(projectName, c.name())));
      boolean color = Sessions.color(root, noColor);
      LogPrinter printer = new LogPrinter(root.invocation().out(), root.invocation().err(), List.copyOf(names.values()), color,
          !noLogPrefix);
      LogFollower.Options options = new LogFollower.Options(follow, tailLines, sinceSecond, untilSecond, timestamps);
      CountDownLatch done = printer.broken();
      if (follow) {
        // Width and colours come from the containers there now; containers that start later join in.
        new ProjectLogs(session.engine().client(), projectName, services)
            .follow(options, name -> LogPrinter.displayName(projectName, name), printer::print, (n, c) -> {}, done);
        return ExitCodes.OK;
      }
      try (LogFollower follower = LogFollower.follow(session.engine().client(), names, options, printer::print, (n, c) -> {})) {
        Thread waiter = new Thread(() -> {
          try {
            follower.awaitEnd();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          done.countDown();
        }, "berth-logs-end");
        waiter.setDaemon(true);
        waiter.start();
        // Ends when every stream has ended, or at once when the reader went away (| head).
        done.await();
      }
    }
    return ExitCodes.OK;
  }

  private static Optional<Integer> parseTail(String tail) {
    if (tail.equals("all")) {
      return Optional.empty();
    }
    if (!tail.matches("[0-9]+")) {
      throw new UserError("invalid --tail \"" + tail + "\": accepted values are a number of lines or \"all\"");
    }
    return Optional.of(Integer.parseInt(tail));
  }
}
