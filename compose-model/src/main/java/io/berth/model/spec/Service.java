package io.berth.model.spec;

import io.berth.model.diag.SourcePos;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service as the file asks for it, after interpolation, merge and canonicalization.
 *
 * <p>{@code command} and {@code entrypoint} distinguish absent (keep the image's) from empty
 * (clear it): {@code Optional.empty()} vs an empty list.
 *
 * @param environment values after resolution; a bare {@code KEY} with no value anywhere is left out
 * @param networks the networks the service joins, by compose key; {@code default} when the file names none
 * @param pos where the service is declared, for errors found after loading
 */
public record Service(
    String name,
    Optional<String> image,
    Optional<List<String>> command,
    Optional<List<String>> entrypoint,
    Map<String, String> environment,
    List<PortMapping> ports,
    List<Mount> volumes,
    Map<String, Dependency> dependsOn,
    Optional<String> restart,
    Optional<String> containerName,
    Map<String, String> labels,
    Optional<String> workingDir,
    Optional<String> user,
    List<String> networks,
    SourcePos pos) {

  public Service {
    command = command.map(List::copyOf);
    entrypoint = entrypoint.map(List::copyOf);
    environment = Maps.sortedCopy(environment);
    ports = List.copyOf(ports);
    volumes = List.copyOf(volumes);
    dependsOn = Maps.sortedCopy(dependsOn);
    labels = Maps.sortedCopy(labels);
    networks = List.copyOf(networks);
  }
}
