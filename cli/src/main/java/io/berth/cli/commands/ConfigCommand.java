package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.model.ComposeLoader;
import io.berth.model.ConfigWriter;
import io.berth.model.LoadRequest;
import io.berth.model.hash.ConfigHash;
import io.berth.model.spec.Model;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.model.RawModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code config}: the project as docker compose's {@code config} prints it, or one list drawn from it. */
@Command(name = "config", description = "Parse, resolve and render compose file in canonical format")
public final class ConfigCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @ParentCommand BerthCommand root;

  @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services to render (with their dependencies)")
  List<String> selected = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output. Values: [yaml | json]")
  String format = "";

  @Option(names = {"-q", "--quiet"}, description = "Only validate the configuration, don't print anything")
  boolean quiet;

  @Option(names = "--no-interpolate", description = "Don't interpolate environment variables")
  boolean noInterpolate;

  @Option(names = "--no-normalize", description = "Don't normalize compose model")
  boolean noNormalize;

  @Option(names = "--no-path-resolution", description = "Don't resolve file paths")
  boolean noPathResolution;

  @Option(names = "--no-consistency", description = "Don't check model consistency - warning: may produce invalid Compose output")
  boolean noConsistency;

  @Option(names = "--no-env-resolution", description = "Don't resolve service env files")
  boolean noEnvResolution;

  @Option(names = "--services", description = "Print the service names, one per line.")
  boolean services;

  @Option(names = "--volumes", description = "Print the volume names, one per line.")
  boolean volumes;

  @Option(names = "--networks", description = "Print the network names, one per line.")
  boolean networks;

  @Option(names = "--models", description = "Print the model names, one per line.")
  boolean models;

  @Option(names = "--profiles", description = "Print the profile names, one per line.")
  boolean profiles;

  @Option(names = "--images", description = "Print the image names, one per line.")
  boolean images;

  @Option(names = "--hash", paramLabel = "SERVICES", description = "Print the service config hash, one per line.")
  String hash;

  @Option(names = "--variables", description = "Print model variables and default values.")
  boolean variables;

  @Option(names = "--environment", description = "Print environment used for interpolation.")
  boolean environment;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save to file (default to stdout)")
  java.nio.file.Path output;

  /** The project; with --no-consistency, without compose-go's consistency checks. */
  private Project load() {
    return noConsistency
        ? ComposeLoader.loadWithoutConsistency(ProjectLoading.request(root), Set.of(), w -> ProjectLoading.warn(root.invocation(), w))
        : ProjectLoading.load(root);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = root.invocation().out();
    // The same order of precedence as docker compose's config command.
    if (services) {
      Project project = load();
      dependenciesFirst(project).forEach(out::println);
    } else if (volumes) {
      load().volumes().keySet().forEach(out::println);
    } else if (networks) {
      load().networks().keySet().forEach(out::println);
    } else if (models) {
      // As Compose: each model's reference, where it has one.
      load().models().values().stream().map(Model::model).filter(m -> !m.isEmpty()).forEach(out::println);
    } else if (hash != null && !hash.isEmpty()) {
      // As Compose, only the hashed services need their env files, unless --no-env-resolution.
      List<String> names = hash.equals("*") ? List.of() : Arrays.stream(hash.split(",")).map(String::strip).toList();
      printHashes(noConsistency ? load() : noEnvResolution ? ProjectLoading.loadForRuntime(root, List.of())
          : ProjectLoading.load(root, names), out);
    } else if (profiles) {
      allProfiles().forEach(out::println);
    } else if (images) {
      Project project = select(ProjectLoading.load(root));
      project.services().values().forEach(s -> out.println(s.imageName(project.name())));
    } else if (variables) {
      if (!selected.isEmpty()) {
        ProjectLoading.warn(root.invocation(), "service filtering is not applied when --variables is set, variables from the full model will be rendered");
      }
      out.print(ConfigWriter.variables(rawModel(), format));
    } else if (environment) {
      ProjectLoading.load(root).environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
          .forEach(out::println);
    } else {
      String text = render();
      if (quiet) {
        return ExitCodes.OK;
      }
      if (output != null && !text.isEmpty()) {
        Files.writeString(root.invocation().workingDir().resolve(output), text);
      } else {
        out.print(text);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private String render() {
    String f = format.isEmpty() ? "yaml" : format;
    if (!f.equals("yaml") && !f.equals("json")) {
      throw new UserError("unsupported format \"" + format + "\"");
    }
    ConfigWriter.Options options = new ConfigWriter.Options(!noNormalize, !noPathResolution,
        noEnvResolution && !noInterpolate
            ? Optional.of(ComposeLoader.model(ProjectLoading.request(root), true, w -> {}))
            : Optional.empty());
    if (noInterpolate) {
      if (!selected.isEmpty()) {
        ProjectLoading.warn(root.invocation(), "service filtering is not applied when --no-interpolate is set, the full model will be rendered");
      }
      RawModel model = rawModel();
      return f.equals("json") ? ConfigWriter.rawJson(model, options) : ConfigWriter.rawYaml(model, options);
    }
    Project project = select(load());
    if (!noConsistency) {
      ContainerNameUnicity.check(project, project.services().keySet());
    }
    return f.equals("json") ? ConfigWriter.json(project, options) : ConfigWriter.yaml(project, options);
  }

  private RawModel rawModel() {
    return ComposeLoader.model(ProjectLoading.request(root), false, w -> ProjectLoading.warn(root.invocation(), w));
  }

  /** The named services and what they depend on, as {@code config SERVICE...} renders. */
  private Project select(Project project) {
    if (selected.isEmpty()) {
      return project;
    }
    Set<String> keep = new LinkedHashSet<>();
    for (String name : selected) {
      if (!project.services().containsKey(name)) {
        throw new UserError("no such service: " + name);
      }
      withDependencies(project, name, keep);
    }
    Map<String, Service> kept = new LinkedHashMap<>();
    keep.forEach(name -> kept.put(name, project.service(name)));
    return project.withServices(kept);
  }

  private static void withDependencies(Project project, String name, Set<String> into) {
    if (into.add(name)) {
      project.service(name).dependsOn().keySet().forEach(d -> {
        if (project.services().containsKey(d)) {
          withDependencies(project, d, into);
        }
      });
    }
  }

  /**
   * compose-go's ForEachService over the sorted names: each service after what it depends on.
   * (docker compose walks Go maps here, so among independent services its order varies; this is
   * one of its orders, the same every time.)
   */
  private static List<String> dependenciesFirst(Project project) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    new TreeSet<>(project.services().keySet()).forEach(name -> visit(project, name, seen, out));
    return out;
  }

  private static void visit(Project project, String name, Set<String> seen, List<String> out) {
    if (!project.services().containsKey(name) || !seen.add(name)) {
      return;
    }
    new TreeSet<>(project.service(name).dependsOn().keySet()).forEach(d -> visit(project, d, seen, out));
    out.add(name);
  }

  /** docker compose prints the hashes of the named services in name order, whatever order they were asked in. */
  private void printHashes(Project project, PrintWriter out) {
    List<String> names = hash.equals("*") ? List.copyOf(project.services().keySet())
        : Arrays.stream(hash.split(",")).map(String::strip).toList();
    for (String name : names) {
      if (!project.services().containsKey(name)) {
        throw new UserError("no such service: " + name);
      }
    }
    new TreeSet<>(names).forEach(name -> out.println(name + " " + ConfigHash.of(project.service(name))));
  }

  /** Every profile any service names, enabled or not, sorted. */
  private Set<String> allProfiles() {
    LoadRequest r = ProjectLoading.request(root);
    LoadRequest all = new LoadRequest(r.workingDir(), r.files(), r.projectDirectory(), r.projectName(), r.envFiles(),
        r.environment(), List.of("*"));
    Project project = ComposeLoader.load(all, w -> ProjectLoading.warn(root.invocation(), w));
    Set<String> out = new TreeSet<>();
    project.services().values().forEach(s -> out.addAll(s.profiles()));
    return out;
  }

}
