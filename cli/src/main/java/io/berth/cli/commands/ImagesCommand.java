package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.render.Table;
import io.berth.executor.ContainerSummary;
import io.berth.executor.EngineSession;
import io.berth.executor.Ps;
import io.berth.executor.create.ImageReference;
import io.berth.model.spec.Project;
import java.util.List;
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

  @Override
  public Integer call() {
    Project project = ProjectLoading.load(root);
    Set<String> services = selection.in(project);
    try (EngineSession session = Sessions.open(root)) {
      List<ContainerSummary> containers = new Ps(session).list(project.name(), true, services);
      var out = root.invocation().out();
      Table t = Table.compose("CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE");
      for (ContainerSummary c : containers) {
        var image = session.engine().client().inspectImageCmd(c.image()).exec();
        String id = image.getId().replaceFirst("^sha256:", "").substring(0, 12);
        if (quiet) {
          out.println(id);
          continue;
        }
        ImageReference ref = ImageReference.parse(c.image());
        t.row(c.name(), ref.repository(), ref.tag(), id, humanSize(image.getSize() == null ? 0 : image.getSize()));
      }
      if (!quiet) {
        t.print(out);
      }
      out.flush();
    }
    return ExitCodes.OK;
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
