package io.berth.executor.create;

import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.progress.ProgressListener;
import java.util.List;
import java.util.Optional;

/**
 * How {@code up} and {@code create} get images beyond what each service's {@code pull_policy} and
 * {@code build} say.
 *
 * @param pull {@code --pull}: the policy of every service for this run, over the file's; empty for the file's
 * @param noBuild {@code --no-build}: never build, even an image that is missing
 * @param quietPull {@code --quiet-pull}: no layer progress (Compose then also quiets the build)
 * @param quietBuild {@code --quiet-build}: no build output
 */
public record ImageOptions(Optional<String> pull, boolean noBuild, boolean quietPull, boolean quietBuild) {
  /** The values {@code --pull} accepts, as Compose's {@code validPullPolicies}. */
  public static final List<String> PULL_POLICIES = List.of("always", "missing", "never", "build", "if_not_present");

  /**
   * Whether compose-go's pull policy reader knows {@code policy}: one of {@link #PULL_POLICIES}, or
   * a refresh policy ({@code daily}, {@code weekly}, {@code every_<duration>}).
   */
  public static boolean isPullPolicy(String policy) {
    return PULL_POLICIES.contains(policy) || PullRefresh.interval(policy).isPresent();
  }

  public ImageOptions {
    // Compose's alias, as the loader reads it in a file.
    pull = pull.map(p -> p.equals("if_not_present") ? "missing" : p);
  }

  /** Each service's own policy, with progress. */
  public static ImageOptions defaults() {
    return new ImageOptions(Optional.empty(), false, false, false);
  }

  /** {@code progress} less what these options keep quiet. */
  public ProgressListener filter(ProgressListener progress) {
    boolean layers = !quietPull;
    boolean buildOutput = !quietPull && !quietBuild;
    if (layers && buildOutput) {
      return progress;
    }
    return event -> {
      if ((event.status() == Status.LAYER && !layers) || (event.status() == Status.BUILD_OUTPUT && !buildOutput)) {
        return;
      }
      progress.on(event);
    };
  }
}
