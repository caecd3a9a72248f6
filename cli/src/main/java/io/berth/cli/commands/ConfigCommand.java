package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.model.ConfigWriter;
import io.berth.model.spec.Project;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import io.berth.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "config", description = "Parse, resolve and render compose file in canonical format")
public final class ConfigCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @ParentCommand BerthCommand root;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output. Values: [yaml | json]")
  String format = "yaml";

  @Option(names = {"-q", "--quiet"}, description = "Only validate the configuration, don't print anything")
  boolean quiet;

  @Option(names = "--services", description = "Print the service names, one per line")
  boolean services;

  @Option(names = "--volumes", description = "Print the volume names, one per line")
  boolean volumes;

  @Option(names = "--networks", description = "Print the network names, one per line")
  boolean networks;

  @Option(names = "--images", description = "Print the image names, one per line")
  boolean images;

  @Option(names = "--hash", paramLabel = "SERVICES", description = "Print the service config hash, one per line (\"*\" for all)")
  String hash;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save to file (default to stdout)")
  java.nio.file.Path output;

  @Override
  public Integer call() throws java.io.IOException {
    if (!format.equals("yaml") && !format.equals("json")) {
      throw new UserError("invalid --format \"" + format + "\": accepted values are yaml and json");
    }
    Project project = ProjectLoading.load(root);
    PrintWriter out = root.invocation().out();
    if (quiet) {
      return ExitCodes.OK;
    }
    if (hash != null) {
      java.util.List<String> names = hash.equals("*") ? java.util.List.copyOf(project.services().keySet())
          : java.util.Arrays.stream(hash.split(",")).map(String::strip).toList();
      for (String name : names) {
        if (!project.services().containsKey(name)) {
          throw new UserError("no such service: " + name);
        }
        out.println(name + " " + io.berth.model.hash.ConfigHash.of(project.service(name)));
      }
    } else if (services) {
      project.services().keySet().forEach(out::println);
    } else if (volumes) {
      project.volumes().keySet().forEach(out::println);
    } else if (networks) {
      project.networks().keySet().forEach(out::println);
    } else if (images) {
      project.services().values().forEach(s -> out.println(s.image().orElse(project.name() + "-" + s.name())));
    } else {
      String text = format.equals("json") ? ConfigWriter.json(project) : ConfigWriter.yaml(project);
      if (output != null) {
        java.nio.file.Files.writeString(root.invocation().workingDir().resolve(output), text);
      } else {
        out.print(text);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
