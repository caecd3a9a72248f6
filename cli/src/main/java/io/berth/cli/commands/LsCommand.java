package io.berth.cli.commands;

import io.berth.executor.progress.ProgressListener;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.UserError;
import io.berth.cli.render.Table;
import io.berth.executor.EngineSession;
import io.berth.executor.Projects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "ls", description = "List running compose projects")
public final class LsCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;

  @Option(names = {"-a", "--all"}, description = "Show all stopped Compose projects")
  boolean all;

  @Option(names = {"-q", "--quiet"}, description = "Only display project names")
  boolean quiet;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output. Values: [table | json]")
  String format = "table";

  @Override
  public Integer call() throws JsonProcessingException {
    if (!format.equals("table") && !format.equals("json")) {
      throw new UserError("invalid --format \"" + format + "\": accepted values are table and json");
    }
    List<Projects.Summary> projects;
    try (EngineSession session = Sessions.open(root, ProgressListener.NONE)) {
      projects = new Projects(session).list(all);
    }
    var out = root.invocation().out();
    if (quiet) {
      projects.forEach(p -> out.println(p.name()));
    } else if (format.equals("json")) {
      List<Map<String, String>> rows = projects.stream().map(p -> {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Name", p.name());
        m.put("Status", p.status());
        m.put("ConfigFiles", p.configFiles());
        return m;
      }).toList();
      out.println(new ObjectMapper().writeValueAsString(rows));
    } else {
      Table t = Table.compose("NAME", "STATUS", "CONFIG FILES");
      projects.forEach(p -> t.row(p.name(), p.status(), p.configFiles()));
      t.print(out);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
