package io.berth.cli.commands;

import io.berth.cli.UserError;
import io.berth.executor.create.ImageOptions;
import io.berth.model.spec.Project;
import io.berth.planner.UpOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags {@code create} and {@code up} share, as Compose's {@code createOptions}: how images are
 * got, whether containers are recreated, orphans, scale.
 */
public final class CreateFlags {
  @Option(names = "--build", description = "Build images before starting containers")
  boolean build;

  @Option(names = "--no-build", description = "Don't build an image, even if it's policy")
  boolean noBuild;

  @Option(names = "--pull", paramLabel = "POLICY", description = "Pull image before running (\"always\"|\"missing\"|\"never\"|\"build\")")
  String pull;

  @Option(names = "--quiet-pull", description = "Pull without printing progress information")
  boolean quietPull;

  @Option(names = "--force-recreate", description = "Recreate containers even if their configuration and image haven't changed")
  boolean forceRecreate;

  @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them. Incompatible with --force-recreate.")
  boolean noRecreate;

  @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
  boolean removeOrphans;

  @Option(names = "--scale", paramLabel = "SERVICE=NUM", description = "Scale SERVICE to NUM instances. Overrides the scale setting in the Compose file if present.")
  List<String> scale = List.of();

  // berth asks nothing that waits for an answer: accepted so that scripts written for Compose run.
  @Option(names = {"-y", "--yes"}, description = "Assume \"yes\" as answer to all prompts and run non-interactively")
  boolean yes;

  /** Compose's refusals of these flags together, before anything is loaded. */
  void validate() {
    if (build && noBuild) {
      throw new UserError("--build and --no-build are incompatible");
    }
    if (forceRecreate && noRecreate) {
      throw new UserError("--force-recreate and --no-recreate are incompatible");
    }
    if (pull != null && !ImageOptions.PULL_POLICIES.contains(pull)) {
      throw new UserError("invalid --pull option \"" + pull + "\" (accepted: always, missing, never, build)");
    }
  }

  /** How images are got: {@code --pull}, {@code --no-build}, {@code --quiet-pull}, and {@code up}'s {@code --quiet-build}. */
  ImageOptions images(boolean quietBuild) {
    return new ImageOptions(Optional.ofNullable(pull), noBuild, quietPull, quietBuild);
  }

  /** The strategy for the services named (all when none is), {@code -V} forcing a recreate as Compose's noInherit does. */
  UpOptions.Recreate recreate(boolean renewAnonVolumes) {
    return noRecreate ? UpOptions.Recreate.NEVER
        : forceRecreate || renewAnonVolumes ? UpOptions.Recreate.FORCE : UpOptions.Recreate.DIVERGED;
  }

  /** The strategy for the dependencies brought along: {@code --always-recreate-deps} forces it. */
  UpOptions.Recreate recreateDependencies(boolean alwaysRecreateDeps) {
    return noRecreate ? UpOptions.Recreate.NEVER
        : alwaysRecreateDeps ? UpOptions.Recreate.FORCE : UpOptions.Recreate.DIVERGED;
  }

  /** {@code --scale}, checked against the project. */
  Map<String, Integer> scales(Project project) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String s : scale) {
      int eq = s.indexOf('=');
      if (eq <= 0 || !s.substring(eq + 1).matches("[0-9]{1,6}")) {
        throw new UserError("invalid --scale \"" + s + "\": accepted form is SERVICE=NUM");
      }
      String service = s.substring(0, eq);
      if (!project.services().containsKey(service)) {
        throw new UserError("no such service: " + service);
      }
      int n = Integer.parseInt(s.substring(eq + 1));
      if (n > 1 && project.service(service).containerName().isPresent()) {
        throw new UserError("service \"" + service + "\" has a container_name and cannot be scaled to " + n);
      }
      out.put(service, n);
    }
    return out;
  }
}
