package io.berth.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.cli.render.Durations;
import io.berth.cli.render.Table;
import io.berth.executor.ContainerImages;
import io.berth.executor.ContainerSummary;
import io.berth.executor.EngineSession;
import io.berth.executor.Ps;
import io.berth.model.spec.Project;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "images", description = "List images used by the created containers")
public final class ImagesCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;
  @Mixin ServiceSelection selection;

  @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
  boolean quiet;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output. Values: [table | json]")
  String format = "table";

  @Override
  public Integer call() throws JsonProcessingException {
    // Compose reads the format only when it prints more than ids.
    boolean json = format.equalsIgnoreCase("json");
    if (!quiet && !json && !List.of("table", "pretty", "").contains(format.toLowerCase(Locale.ROOT))) {
      throw new UserError("format value \"" + format + "\" could not be parsed: parsing failed");
    }
    // As Compose, a project name is enough: images reads what the Engine holds.
    ProjectLoading.ProjectOrName target = ProjectLoading.loadOrName(root, selection.services);
    Set<String> services = target.project().map(selection::in).orElseGet(() -> new java.util.LinkedHashSet<>(selection.services));
    try (EngineSession session = Sessions.open(root)) {
      List<ContainerSummary> containers = new Ps(session).list(target.name(), true, services);
      List<ContainerImages.Summary> images = new ContainerImages(session).of(containers);
      var out = root.invocation().out();
      if (quiet) {
        // As Compose: each image once, its whole id without the digest's algorithm.
        images.stream().map(i -> i.id().substring(i.id().indexOf(':') + 1)).distinct().forEach(out::println);
      } else if (json) {
        out.println(json(images));
        // Compose's encoder ends the JSON with a newline, and Compose prints another.
        out.println();
      } else {
        Table t = Table.compose("CONTAINER", "REPOSITORY", "TAG", "PLATFORM", "IMAGE ID", "SIZE", "CREATED");
        long now = Instant.now().getEpochSecond();
        for (ContainerImages.Summary i : images) {
          String created = i.created().map(c -> Durations.human(now - OffsetDateTime.parse(c).toEpochSecond()) + " ago").orElse("N/A");
          t.row(i.container(), orNone(i.repository()), orNone(i.tag()), i.platform(), shortId(i.id()), humanSize(i.size()), created);
        }
        t.print(out);
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  /**
   * Compose's JSON: its fields in its order, {@code Created} left out when unknown and
   * {@code LastTagTime} when never; {@code null} for no container, as Go writes an empty list.
   */
  static String json(List<ContainerImages.Summary> images) throws JsonProcessingException {
    if (images.isEmpty()) {
      return "null";
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ContainerImages.Summary i : images) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("ID", i.id());
      row.put("ContainerName", i.container());
      row.put("Repository", i.repository());
      row.put("Tag", i.tag());
      row.put("Platform", i.platform());
      row.put("Size", i.size());
      i.created().ifPresent(t -> row.put("Created", t));
      i.lastTagTime().ifPresent(t -> row.put("LastTagTime", t));
      rows.add(row);
    }
    return new ObjectMapper().writeValueAsString(rows);
  }

  private static String shortId(String id) {
    String hex = id.replaceFirst("^sha256:", "");
    return hex.substring(0, Math.min(12, hex.length()));
  }

  private static String orNone(String value) {
    return value.isEmpty() ? "<none>" : value;
  }

  /** The docker CLI's sizes: decimal units, three significant digits ({@code 1.24MB}). */
  static String humanSize(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    String number = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    return number + units[u];
  }
}
