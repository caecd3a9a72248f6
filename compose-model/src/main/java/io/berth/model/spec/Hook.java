package io.berth.model.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command run in the service's container: {@code post_start}, {@code pre_stop}, or the
 * {@code exec} of a {@code sync+exec} watch rule.
 *
 * @param environment added to (or overriding) the service's environment for this command
 */
public record Hook(
    List<String> command,
    Optional<String> user,
    boolean privileged,
    Optional<String> workingDir,
    Map<String, String> environment) {

  public Hook {
    command = List.copyOf(command);
    environment = Maps.sortedCopy(environment);
  }
}
