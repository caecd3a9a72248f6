package io.berth.model.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded compose project: every file merged, interpolated, canonical. Maps keep the order of
 * their keys as sorted by name, so that everything derived from a project is deterministic.
 *
 * @param name the project name, already validated ({@code ^[a-z0-9][a-z0-9_-]*$})
 * @param workingDir the project directory, absolute
 * @param configFiles the compose files, absolute, in the order they were merged
 * @param services by service name
 * @param networks by compose key; always holds {@code default} when a service uses it
 * @param volumes by compose key
 * @param secrets top-level secrets by key
 * @param configs top-level configs by key
 * @param models top-level AI models by key
 * @param environment the interpolation environment (shell over .env), for commands that need it
 * @param extensions the top-level {@code x-*} keys, as plain values; {@code config} prints them
 */
public record Project(
    String name,
    Path workingDir,
    List<Path> configFiles,
    Map<String, Service> services,
    Map<String, Network> networks,
    Map<String, Volume> volumes,
    Map<String, FileObject> secrets,
    Map<String, FileObject> configs,
    Map<String, Model> models,
    Map<String, String> environment,
    Map<String, Object> extensions) {

  public Project(String name, Path workingDir, List<Path> configFiles, Map<String, Service> services,
      Map<String, Network> networks, Map<String, Volume> volumes, Map<String, FileObject> secrets,
      Map<String, FileObject> configs, Map<String, Model> models, Map<String, String> environment) {
    this(name, workingDir, configFiles, services, networks, volumes, secrets, configs, models, environment, Map.of());
  }

  public Project(String name, Path workingDir, List<Path> configFiles, Map<String, Service> services,
      Map<String, Network> networks, Map<String, Volume> volumes, Map<String, FileObject> secrets,
      Map<String, FileObject> configs, Map<String, String> environment) {
    this(name, workingDir, configFiles, services, networks, volumes, secrets, configs, Map.of(), environment);
  }

  public Project(String name, Path workingDir, List<Path> configFiles, Map<String, Service> services,
      Map<String, Network> networks, Map<String, Volume> volumes, Map<String, String> environment) {
    this(name, workingDir, configFiles, services, networks, volumes, Map.of(), Map.of(), Map.of(), environment);
  }

  /** This project with only {@code kept} of its services; everything else as it is. */
  public Project withServices(Map<String, Service> kept) {
    return new Project(name, workingDir, configFiles, kept, networks, volumes, secrets, configs, models, environment, extensions);
  }

  public Project {
    secrets = Maps.sortedCopy(secrets);
    configs = Maps.sortedCopy(configs);
    models = Maps.sortedCopy(models);
    configFiles = List.copyOf(configFiles);
    services = Maps.sortedCopy(services);
    networks = Maps.sortedCopy(networks);
    volumes = Maps.sortedCopy(volumes);
    environment = Maps.sortedCopy(environment);
    extensions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(extensions));
  }

  public Service service(String name) {
    Service s = services.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no such service: " + name);
    }
    return s;
  }
}
