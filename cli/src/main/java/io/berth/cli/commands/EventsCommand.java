package io.berth.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.executor.EngineSession;
import io.berth.executor.Events;
import io.berth.model.spec.Project;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

@Command(name = "events", description = "Receive real time events from containers")
public final class EventsCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;
  @Mixin ServiceSelection selection;

  @Option(names = "--json", description = "Output events as a stream of json objects")
  boolean json;

  @Option(names = "--since", paramLabel = "TIME", description = "Show all events created since timestamp")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Stream events until this timestamp")
  String until;

  @Override
  public Integer call() throws InterruptedException {
    Instant now = Instant.now();
    Events.Window window = new Events.Window(
        Optional.ofNullable(since).map(t -> TimeArgument.parse(t, "--since", now)),
        Optional.ofNullable(until).map(t -> TimeArgument.parse(t, "--until", now)));
    Project project = ProjectLoading.loadForRuntime(root, selection.services);
    var services = selection.in(project);
    PrintWriter out = root.invocation().out();
    ObjectMapper mapper = new ObjectMapper();
    CountDownLatch stop = new CountDownLatch(1);
    Signal.handle(new Signal("INT"), s -> stop.countDown());
    Signal.handle(new Signal("TERM"), s -> stop.countDown());
    try (EngineSession session = Sessions.open(root)) {
      new Events(session).stream(project.name(), services, window, e -> {
        String line;
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("time", e.time().toString());
          m.put("type", "container");
          m.put("action", e.action());
          m.put("id", e.id());
          m.put("service", e.service());
          m.put("attributes", e.attributes());
          try {
            line = mapper.writeValueAsString(m);
          } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
          }
        } else {
          line = TIME.format(e.time()) + " container " + e.action() + " " + e.id() + " ("
              + e.attributes().entrySet().stream().map(a -> a.getKey() + "=" + a.getValue()).collect(Collectors.joining(", ")) + ")";
        }
        synchronized (out) {
          out.println(line);
          out.flush();
          if (out.checkError()) {
            stop.countDown();
          }
        }
      }, stop);
    }
    return ExitCodes.OK;
  }
}
