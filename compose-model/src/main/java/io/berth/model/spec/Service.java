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
 * @param environment values after resolution; a bare {@code KEY} with no value anywhere maps to null (printed, never set)
 * @param networks the networks the service joins, by compose key; {@code default} when the file names none
 * @param build how to build the image, when the service has a build section
 * @param pullPolicy {@code always}, {@code never}, {@code missing}, {@code build}, ...; empty for Compose's default ({@code missing})
 * @param scale the number of replicas ({@code scale} or {@code deploy.replicas}); empty for 1
 * @param healthcheck empty to keep the image's
 * @param profiles the profiles that enable the service; empty for always
 * @param options the attributes that map one-to-one onto container settings
 * @param secrets and configs: the files the service gets from the top-level sections
 * @param extras the less common attributes, grouped
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
    Optional<BuildSpec> build,
    Optional<String> pullPolicy,
    Optional<Integer> scale,
    Optional<Healthcheck> healthcheck,
    List<String> profiles,
    ContainerOptions options,
    List<FileReference> secrets,
    List<FileReference> configs,
    ServiceExtras extras,
    SourcePos pos) {

  /** A service with none of the {@link ServiceExtras} attributes. */
  public Service(String name, Optional<String> image, Optional<List<String>> command, Optional<List<String>> entrypoint,
      Map<String, String> environment, List<PortMapping> ports, List<Mount> volumes, Map<String, Dependency> dependsOn,
      Optional<String> restart, Optional<String> containerName, Map<String, String> labels, Optional<String> workingDir,
      Optional<String> user, List<String> networks, Optional<BuildSpec> build, Optional<String> pullPolicy,
      Optional<Integer> scale, Optional<Healthcheck> healthcheck, List<String> profiles, ContainerOptions options,
      List<FileReference> secrets, List<FileReference> configs, SourcePos pos) {
    this(name, image, command, entrypoint, environment, ports, volumes, dependsOn, restart, containerName, labels,
        workingDir, user, networks, build, pullPolicy, scale, healthcheck, profiles, options, secrets, configs,
        ServiceExtras.none(), pos);
  }

  /** A service with no healthcheck, profiles or container options. */
  public Service(String name, Optional<String> image, Optional<List<String>> command, Optional<List<String>> entrypoint,
      Map<String, String> environment, List<PortMapping> ports, List<Mount> volumes, Map<String, Dependency> dependsOn,
      Optional<String> restart, Optional<String> containerName, Map<String, String> labels, Optional<String> workingDir,
      Optional<String> user, List<String> networks, SourcePos pos) {
    this(name, image, command, entrypoint, environment, ports, volumes, dependsOn, restart, containerName, labels,
        workingDir, user, networks, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), ContainerOptions.none(), List.of(), List.of(), ServiceExtras.none(), pos);
  }

  /** The image the container runs: {@code image}, else the one built for it, {@code <project>-<service>}. */
  public String imageName(String project) {
    return image.orElse(project + "-" + name);
  }

  /** The same service with other dependencies. */
  public Service withDependsOn(Map<String, Dependency> dependencies) {
    return new Service(name, image, command, entrypoint, environment, ports, volumes, dependencies, restart, containerName,
        labels, workingDir, user, networks, build, pullPolicy, scale, healthcheck, profiles, options, secrets, configs, extras, pos);
  }

  /** The same service with another pull policy ({@code run --pull}, {@code --build}). */
  public Service withPullPolicy(String policy) {
    return new Service(name, image, command, entrypoint, environment, ports, volumes, dependsOn, restart, containerName,
        labels, workingDir, user, networks, build, Optional.of(policy), scale, healthcheck, profiles, options, secrets, configs,
        extras, pos);
  }

  /** The same service with other {@link ServiceExtras}. */
  public Service withExtras(ServiceExtras other) {
    return new Service(name, image, command, entrypoint, environment, ports, volumes, dependsOn, restart, containerName,
        labels, workingDir, user, networks, build, pullPolicy, scale, healthcheck, profiles, options, secrets, configs, other, pos);
  }

  public Service {
    command = command.map(List::copyOf);
    entrypoint = entrypoint.map(List::copyOf);
    environment = Maps.sortedCopy(environment);
    ports = List.copyOf(ports);
    volumes = List.copyOf(volumes);
    dependsOn = Maps.sortedCopy(dependsOn);
    labels = Maps.sortedCopy(labels);
    networks = List.copyOf(networks);
    profiles = List.copyOf(profiles);
    secrets = List.copyOf(secrets);
    configs = List.copyOf(configs);
  }
}
