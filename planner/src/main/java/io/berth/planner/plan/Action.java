package io.berth.planner.plan;

import io.berth.model.spec.Network;
import io.berth.model.spec.Volume;
import java.util.List;
import java.util.Optional;

/**
 * One thing the executor does to the Engine. Actions carry everything the executor needs to act
 * without deciding anything: names, ids and the desired configuration. Containers are addressed by
 * name or id, both known when the plan is made.
 */
public sealed interface Action {

  /** The operation's name in a rendered plan, e.g. {@code CreateContainer}. */
  default String op() {
    return getClass().getSimpleName();
  }

  record CreateNetwork(Network network) implements Action {}

  record RemoveNetwork(String name) implements Action {}

  record CreateVolume(Volume volume) implements Action {}

  record RemoveVolume(String name) implements Action {}

  /** {@code down --rmi}: an image by reference ({@code repo:tag}). */
  record RemoveImage(String image) implements Action {}

  /**
   * Creates container {@code name} for replica {@code number} of {@code service}, built from the
   * service as the project describes it. {@code inheritFrom} names the container being replaced,
   * empty for a new replica; with {@code inheritAnonymousVolumes} the new one takes over its
   * anonymous volumes (not with {@code -V}).
   */
  record CreateContainer(String service, int number, String name, String configHash, String inheritFrom,
      boolean inheritAnonymousVolumes) implements Action {
    public CreateContainer(String service, int number, String name, String configHash, String inheritFrom) {
      this(service, number, name, configHash, inheritFrom, !inheritFrom.isEmpty());
    }
  }

  /** {@code container} is a name or an id. */
  record StartContainer(String service, String container) implements Action {}

  /**
   * Runs the service's {@code pre_start} steps, each in a container of its own that mounts the
   * volumes of {@code container} (a name or an id), one after the other; every start of the
   * service's containers waits for them. Planned once for the service, only when none of its
   * containers will be left running, as Compose runs them.
   */
  record RunPreStart(String service, String container) implements Action {}

  /**
   * Acts on {@code container}, an id; {@code name} is what progress shows. {@code timeout} is the
   * grace period in seconds before the Engine kills it: {@code -t}, else the service's
   * {@code stop_grace_period}; empty for the Engine's default.
   */
  record StopContainer(String service, String container, String name, Optional<Integer> timeout) implements Action {
    public StopContainer(String service, String container, String name) {
      this(service, container, name, Optional.empty());
    }
  }

  /**
   * Acts on {@code container}, an id; {@code name} is what progress shows. {@code removeVolumes}
   * also removes its anonymous volumes, as the Engine's {@code v} knows them; the Engine leaves
   * those a container was given by name (the volumes a replacement took over from the container
   * it replaced), so {@code anonymousVolumes} names every one, removed after the container unless
   * another container still uses it.
   */
  record RemoveContainer(String service, String container, String name, boolean removeVolumes,
      List<String> anonymousVolumes) implements Action {
    public RemoveContainer {
      anonymousVolumes = List.copyOf(anonymousVolumes);
    }

    /** Removes the container and, with {@code removeVolumes}, what the Engine's {@code v} removes. */
    public RemoveContainer(String service, String container, String name, boolean removeVolumes) {
      this(service, container, name, removeVolumes, List.of());
    }
  }

  record RenameContainer(String service, String from, String to) implements Action {}

  /**
   * {@code restart}: the Engine's restart of {@code container} (an id; {@code name} is what progress
   * shows), running or not, after the service's {@code pre_stop} hooks and before its
   * {@code post_start} ones. {@code timeout} is the grace period of its stop; empty for the Engine's
   * default, the container's own stop timeout.
   */
  record RestartContainer(String service, String container, String name, Optional<Integer> timeout) implements Action {}

  /**
   * Waits until {@code container} meets a {@code depends_on} condition: {@code service_healthy} or
   * {@code service_completed_successfully}. When not {@code required}, a failure is a warning and the
   * dependent starts anyway.
   */
  record WaitContainer(String service, String container, String condition, boolean required) implements Action {}
}
