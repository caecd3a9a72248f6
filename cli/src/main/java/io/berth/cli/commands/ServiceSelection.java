package io.berth.cli.commands;

import io.berth.cli.UserError;
import io.berth.model.spec.Project;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Parameters;

/** The {@code [SERVICE...]} arguments most commands take: none means every service. */
public final class ServiceSelection {
  @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all)")
  List<String> services = new ArrayList<>();

  /** The named services, checked against the project. */
  Set<String> in(Project project) {
    for (String s : services) {
      if (!project.services().containsKey(s)) {
        throw new UserError("no such service: " + s);
      }
    }
    return new LinkedHashSet<>(services);
  }
}
