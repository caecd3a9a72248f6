package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.Build;
import io.berth.executor.EngineSession;
import io.berth.executor.create.BuildOptions;
import io.berth.executor.progress.ProgressListener;
import io.berth.model.spec.Project;
import io.berth.planner.graph.ServiceGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code build}: through the Engine's classic build API. What only BuildKit (through
 * {@code buildx bake}) can do is refused, each flag in a line of its own, before anything is built.
 */
@Command(name = "build", description = "Build or rebuild services")
public final class BuildCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;
  @Mixin ServiceSelection selection;

  @Option(names = "--no-cache", description = "Do not use cache when building the image")
  boolean noCache;

  @Option(names = "--pull", description = "Always attempt to pull a newer version of the image")
  boolean pull;

  @Option(names = {"-q", "--quiet"}, description = "Suppress the build output")
  boolean quiet;

  @Option(names = "--push", description = "Push service images")
  boolean push;

  @Option(names = "--build-arg", paramLabel = "KEY[=VAL]", description = "Set build-time variables for services")
  List<String> buildArgs = new ArrayList<>();

  @Option(names = "--with-dependencies", description = "Also build dependencies (transitively)")
  boolean withDependencies;

  @Option(names = {"-m", "--memory"}, paramLabel = "BYTES", description = "Set memory limit for the build container. Not supported by BuildKit.")
  String memory;

  @Option(names = "--print", description = "Print equivalent bake file")
  boolean print;

  @Option(names = "--check", description = "Check build configuration")
  boolean check;

  @Option(names = "--ssh", paramLabel = "SSH", description = "Set SSH authentications used when building service images. (use 'default' for using your default SSH Agent)")
  String ssh;

  @Option(names = "--builder", paramLabel = "BUILDER", description = "Set builder to use")
  String builder;

  @Option(names = "--provenance", paramLabel = "VALUE", description = "Add a provenance attestation")
  String provenance;

  @Option(names = "--sbom", paramLabel = "VALUE", description = "Add a SBOM attestation")
  String sbom;

  @Option(names = "--progress", paramLabel = "TYPE", hidden = true, description = "Set type of ui output")
  String progress;

  // Compose's deprecated, hidden flags: honoured where the classic build API can, refused where not.
  @Option(names = "--parallel", arity = "0..1", hidden = true, description = "Build images in parallel. DEPRECATED")
  Boolean parallel;

  @Option(names = "--compress", arity = "0..1", hidden = true, description = "Compress the build context using gzip. DEPRECATED")
  Boolean compress;

  @Option(names = "--force-rm", arity = "0..1", hidden = true, description = "Always remove intermediate containers. DEPRECATED")
  Boolean forceRm;

  @Option(names = "--no-rm", arity = "0..1", hidden = true, description = "Do not remove intermediate containers after a successful build. DEPRECATED")
  Boolean noRm;

  @Override
  public Integer call() {
    List<String> sshKeys = sshKeys();
    if (!print) {
      refuseBuildKitOnly();
    }
    Optional<Long> memoryLimit = Optional.ofNullable(memory).map(BuildCommand::ramInBytes);
    if (progress != null) {
      root.invocation().err().println("--progress is a global compose flag, better use `berth --progress xx build ...`");
      root.invocation().err().flush();
      root.global.progress = progress;
    }
    BuildOptions options = new BuildOptions(noCache, pull, BuildOptions.parseArgs(buildArgs), memoryLimit,
        !Boolean.TRUE.equals(noRm), !Boolean.FALSE.equals(forceRm));

    Project project = ProjectLoading.load(root, selection.services);
    Set<String> named = selection.in(project);
    ServiceGraph graph = ServiceGraph.of(project);
    List<String> all = graph.startOrder();
    // As Compose, the services that named ones use as build contexts (service:NAME) are built too.
    List<String> toBuild = Build.withContextServices(project, named.isEmpty() ? all : withDependencies
        ? graph.withDependencies(named) : all.stream().filter(named::contains).toList()).stream()
        .filter(s -> project.service(s).build().isPresent())
        .toList();
    if (print) {
      List<String> scope = named.isEmpty() ? all : graph.withDependencies(named);
      root.invocation().out().println(BakeDefinition.of(project, scope, toBuild,
          new BakeDefinition.Request(options, sshKeys, check, push)));
      root.invocation().out().flush();
      return ExitCodes.OK;
    }
    if (toBuild.isEmpty()) {
      ProjectLoading.warn(root.invocation(), "No services to build");
      return ExitCodes.OK;
    }
    try (EngineSession session = quiet ? Sessions.open(root, ProgressListener.NONE) : Sessions.open(root)) {
      new Build(session).run(project, toBuild, options, !Boolean.FALSE.equals(parallel), push);
    }
    return ExitCodes.OK;
  }

  /** {@code --ssh}: {@code default} (also when given empty) or {@code ID=PATH}, as Compose checks it. */
  private List<String> sshKeys() {
    if (ssh == null) {
      return List.of();
    }
    String key = ssh.isEmpty() ? "default" : ssh;
    if (!key.contains("=") && !key.equals("default")) {
      throw new UserError("invalid ssh key \"" + key + "\"");
    }
    return List.of(key.contains("=") ? key : key + "=");
  }

  /**
   * The flags whose meaning lives in BuildKit: the Engine's classic build API, which berth builds
   * through, has no place for them. Each is one line; all are reported at once.
   */
  private void refuseBuildKitOnly() {
    List<String> refused = new ArrayList<>();
    if (ssh != null) {
      refused.add("--ssh is not supported by berth's builder: the Engine's classic build API cannot forward SSH agents or keys");
    }
    if (builder != null) {
      refused.add("--builder is not supported by berth's builder: it builds with the Engine's own classic builder, not a buildx builder");
    }
    if (provenance != null && !provenance.equals("false")) {
      refused.add("--provenance is not supported by berth's builder: the Engine's classic build API makes no attestations");
    }
    if (sbom != null && !sbom.equals("false")) {
      refused.add("--sbom is not supported by berth's builder: the Engine's classic build API makes no attestations");
    }
    if (check) {
      refused.add("--check is not supported by berth's builder: the Engine's classic build API cannot check a build without running it");
    }
    if (Boolean.FALSE.equals(compress)) {
      refused.add("--compress=false is not supported by berth's builder: it always sends the build context gzip-compressed");
    }
    if (!refused.isEmpty()) {
      throw new UserError(String.join("\n", refused));
    }
  }

  private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

  /** docker's {@code RAMInBytes}: a number, an optional space, then b, k, m, g, t or p, all powers of 1024. */
  static long ramInBytes(String value) {
    Matcher m = SIZE.matcher(value);
    double number;
    try {
      if (!m.matches()) {
        throw new NumberFormatException();
      }
      number = Double.parseDouble(m.group(1));
    } catch (NumberFormatException e) {
      throw new UserError("invalid argument \"" + value + "\" for \"-m, --memory\" flag: invalid size: '" + value + "'");
    }
    int power = m.group(2) == null ? 0 : "kmgtp".indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1;
    return (long) (number * Math.pow(1024, power));
  }
}
