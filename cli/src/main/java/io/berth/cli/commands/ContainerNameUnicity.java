package io.berth.cli.commands;

import io.berth.cli.UserError;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * compose-go's CheckContainerNameUnicity, which Compose runs before creating anything (and config
 * unless --no-consistency): two services may not ask for the same {@code container_name}. Its
 * message, which names the other service as "{}" (a Go set's empty value), is kept as it is.
 */
final class ContainerNameUnicity {
  private ContainerNameUnicity() {}

  /** Over the {@code services} a command acts on. */
  static void check(Project project, Collection<String> services) {
    Set<String> names = new HashSet<>();
    for (String name : services) {
      Service s = project.service(name);
      s.containerName().ifPresent(container -> {
        if (!names.add(container)) {
          throw new UserError("services." + s.name() + ": container name \"" + container
              + "\" is already in use by service {}\"");
        }
      });
    }
  }
}
