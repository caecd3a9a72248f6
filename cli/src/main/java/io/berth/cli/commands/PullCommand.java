package io.berth.cli.commands;

import io.berth.cli.BerthCommand;
import io.berth.cli.ExitCodes;
import io.berth.cli.HelpOption;
import io.berth.cli.ProjectLoading;
import io.berth.cli.UserError;
import io.berth.executor.EngineSession;
import io.berth.executor.create.ImageOptions;
import io.berth.executor.create.Images;
import io.berth.executor.engine.EngineException;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressListener;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.graph.ServiceGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "pull", description = "Pull service images")
public final class PullCommand implements Callable<Integer> {
  @ParentCommand BerthCommand root;
  @Mixin HelpOption help;
  @Mixin ServiceSelection selection;

  @Option(names = "--ignore-pull-failures", description = "Pull what it can and ignores images with pull failures")
  boolean ignoreFailures;

  @Option(names = {"-q", "--quiet"}, description = "Pull without printing progress information")
  boolean quiet;

  @Option(names = "--include-deps", description = "Also pull services declared as dependencies")
  boolean includeDeps;

  @Option(names = "--ignore-buildable", description = "Ignore images that can be built")
  boolean ignoreBuildable;

  @Option(names = "--policy", paramLabel = "POLICY", description = "Apply pull policy (\"missing\"|\"always\")")
  String policy;

  // Compose's deprecated, hidden flags: accepted and ignored, with Compose's notice.
  @Option(names = "--parallel", arity = "0..1", hidden = true, description = "DEPRECATED pull multiple images in parallel")
  Boolean parallel;

  @Option(names = "--no-parallel", arity = "0..1", hidden = true, description = "DEPRECATED disable parallel pulling")
  Boolean noParallel;

  @Override
  public Integer call() {
    deprecationNotices();
    // Compose takes any pull_policy value here and reads an unknown word as "missing"; berth refuses
    // such a word, which is more likely a typo than a wish.
    if (policy != null && !ImageOptions.isPullPolicy(policy)) {
      throw new UserError("invalid --policy option \"" + policy + "\" (accepted: missing, always)");
    }
    Optional<String> policyForAll = Optional.ofNullable(policy).map(p -> p.equals("if_not_present") ? "missing" : p);
    Project project = ProjectLoading.load(root, selection.services);
    Set<String> named = selection.in(project);
    if (includeDeps && !named.isEmpty()) {
      named = new HashSet<>(ServiceGraph.of(project).withDependencies(named));
    }
    try (EngineSession session = quiet
        ? Sessions.open(root, ProgressListener.NONE)
        : Sessions.open(root)) {
      Images images = session.images();
      Set<String> scheduled = new HashSet<>();
      List<String> mustBuild = new ArrayList<>();
      for (Service s : project.services().values()) {
        if (!named.isEmpty() && !named.contains(s.name())) {
          continue;
        }
        // Services that build their image and name none have nothing to pull, as in Compose.
        if (s.image().isEmpty()) {
          session.progress().on(new ProgressEvent("", s.name(), ProgressEvent.Status.SKIPPED, "No image to be pulled"));
          continue;
        }
        Optional<String> skipped = images.pullSkipReason(s, policyForAll);
        if (skipped.isEmpty() && ignoreBuildable && s.build().isPresent()) {
          skipped = Optional.of("Image can be built");
        }
        if (skipped.isPresent()) {
          session.progress().on(new ProgressEvent("Image", s.image().get(), ProgressEvent.Status.SKIPPED, skipped.get()));
          continue;
        }
        if (!scheduled.add(s.image().get())) {
          continue; // services sharing an image pull it once
        }
        try {
          images.pull(s.name(), s.image().get());
        } catch (EngineException e) {
          // As Compose: an image that can be built is no reason to fail; it is named at the end.
          if (s.build().isPresent()) {
            mustBuild.add(s.name());
          } else if (!ignoreFailures) {
            throw e;
          }
          ProjectLoading.warn(root.invocation(), e.getMessage());
        }
      }
      if (!mustBuild.isEmpty()) {
        ProjectLoading.warn(root.invocation(), "WARNING: Some service image(s) must be built from source by running:\n    berth build "
            + String.join(" ", mustBuild));
      }
    }
    return ExitCodes.OK;
  }

  private void deprecationNotices() {
    var err = root.invocation().err();
    if (noParallel != null) {
      err.println("option '--no-parallel' is DEPRECATED and will be ignored.");
    }
    if (parallel != null) {
      err.println("option '--parallel' is DEPRECATED and will be ignored.");
    }
    err.flush();
  }
}
