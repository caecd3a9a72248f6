package io.berth.model.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code pre_start} step: an ephemeral container run to completion before the service's
 * containers start.
 *
 * @param command empty to run the image's own command
 * @param image the service's image unless set, as compose-go normalizes it
 * @param perReplica once per replica rather than once for the service
 */
public record PreStartStep(
    Optional<List<String>> command,
    Optional<String> image,
    Optional<String> user,
    boolean privileged,
    Optional<String> workingDir,
    Map<String, String> environment,
    boolean perReplica) {

  public PreStartStep {
    command = command.map(List::copyOf);
    environment = Maps.sortedCopy(environment);
  }
}
