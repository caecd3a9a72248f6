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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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

  @Option(names = "--filter", paramLabel = "FILTER", description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Override
  public Integer call() throws JsonProcessingException {
    if (!format.equals("table") && !format.equals("json")) {
      throw new UserError("invalid --format \"" + format + "\": accepted values are table and json");
    }
    List<String> names = nameFilters();
    List<Projects.Summary> projects;
    try (EngineSession session = Sessions.open(root, ProgressListener.NONE)) {
      projects = new Projects(session).list(all);
    }
    if (!names.isEmpty()) {
      projects = projects.stream().filter(p -> matches(names, p.name())).toList();
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

  /**
   * The values of {@code --filter name=VALUE}, read as the docker CLI reads a filter (key
   * lower-cased, key and value trimmed, an empty flag ignored); {@code name} is the only key
   * Compose takes.
   */
  private List<String> nameFilters() {
    List<String> names = new ArrayList<>();
    for (String filter : filters) {
      if (filter.isEmpty()) {
        continue;
      }
      int eq = filter.indexOf('=');
      if (eq < 0) {
        throw new UserError("invalid argument \"" + filter + "\" for \"--filter\" flag: bad format of filter (expected name=value)");
      }
      String key = filter.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
      if (!key.equals("name")) {
        throw new UserError("invalid filter '" + key + "'");
      }
      names.add(filter.substring(eq + 1).strip());
    }
    return names;
  }

  /** As Compose: a name equal to a value, or in which a value, read as a regular expression, is found. */
  private static boolean matches(List<String> values, String project) {
    for (String value : values) {
      if (value.equals(project)) {
        return true;
      }
      try {
        if (Pattern.compile(value).matcher(project).find()) {
          return true;
        }
      } catch (PatternSyntaxException e) {
        // Compose skips a value that is no valid expression.
      }
    }
    return false;
  }
}
