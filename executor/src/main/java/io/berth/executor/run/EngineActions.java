package io.berth.executor.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.berth.executor.create.ContainerFactory;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.executor.progress.ProgressEvent;
import io.berth.executor.progress.ProgressEvent.Status;
import io.berth.executor.progress.ProgressListener;
import io.berth.model.spec.Network;
import io.berth.model.spec.Project;
import io.berth.model.spec.Volume;
import io.berth.planner.Names;
import io.berth.planner.labels.Labels;
import io.berth.planner.plan.Action;
import io.berth.planner.plan.PlanNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out each kind of plan action with one or two Engine calls, reporting progress as Compose
 * prints it. A failure becomes an {@link EngineException} naming the resource and the Engine's words.
 */
public final class EngineActions implements ActionHandler {
  /** The Engine's and Compose's grace period when neither the file nor the command gives one. */
  private static final int DEFAULT_STOP_TIMEOUT_SECONDS = 10;


  private final DockerClient client;
  private final String projectName;
  private final Optional<ContainerFactory> factory;
  private final ProgressListener progress;
  private final Optional<Project> project;
  private final HookRunner hooks;
  private final Optional<PreStartRunner> preStarts;

  /** @param project the project containers are created from; empty for plans that only remove */
  public EngineActions(DockerClient client, String projectName, Optional<Project> project, ProgressListener progress) {
    this.client = client;
    this.projectName = projectName;
    this.factory = project.map(p -> new ContainerFactory(client, p));
    this.progress = progress;
    this.project = project;
    this.hooks = new HookRunner(client);
    this.preStarts = project.map(p -> new PreStartRunner(client, p));
  }

  @Override
  public void run(PlanNode node) {
    try {
      if (node.group().startsWith(Names.RECREATE_GROUP_PREFIX)) {
        performQuietly(node);
      } else {
        perform(node.action());
      }
    } catch (RuntimeException e) {
      // The user sees the resource's own name and the Engine's (or Compose's) words, never a plan id.
      String message = EngineErrors.describe(e);
      String name = displayName(node.action());
      if (node.group().startsWith(Names.RECREATE_GROUP_PREFIX) && node.action() instanceof Action.CreateContainer) {
        // A replacement is created under a temporary name; the user knows it by its final one.
        name = name.substring(name.indexOf('_') + 1);
      }
      progress.on(new ProgressEvent(kindOf(node), name, Status.ERROR, message));
      throw new EngineException(message, e);
    }
  }

  /**
   * A recreate is one step to the user, as in Compose: {@code Recreate} when the replacement is
   * created, {@code Recreated} once it carries the old container's name; the stop and removal of the
   * old container in between print nothing.
   */
  private void performQuietly(PlanNode node) {
    Action action = node.action();
    if (action instanceof Action.CreateContainer a) {
      progress.on(ProgressEvent.of("Container", a.name().substring(a.name().indexOf('_') + 1), Status.RECREATE));
      factory.orElseThrow().create(a);
    } else if (action instanceof Action.StopContainer a) {
      preStop(a);
      stop(a.container(), a.timeout());
    } else if (action instanceof Action.RemoveContainer a) {
      remove(a);
    } else if (action instanceof Action.RenameContainer a) {
      client.renameContainerCmd(a.from()).withName(a.to()).exec();
      progress.on(ProgressEvent.of("Container", a.to(), Status.RECREATED));
    } else {
      perform(action);
    }
  }

  private void perform(Action action) {
    if (action instanceof Action.CreateNetwork a) {
      step("Network", a.network().name(), Status.CREATING, Status.CREATED, () -> createNetwork(a.network()));
    } else if (action instanceof Action.CreateVolume a) {
      step("Volume", a.volume().name(), Status.CREATING, Status.CREATED, () -> createVolume(a.volume()));
    } else if (action instanceof Action.CreateContainer a) {
      step("Container", a.name(), Status.CREATING, Status.CREATED, () -> factory.orElseThrow().create(a));
    } else if (action instanceof Action.StartContainer a) {
      step("Container", a.container(), Status.STARTING, Status.STARTED, () -> {
        start(a.container());
        serviceOf(a.service()).ifPresent(s -> hooks.run(s.name(), a.container(), s.extras().postStart()));
      });
    } else if (action instanceof Action.RunPreStart a) {
      // As Compose, the steps show nothing of their own: a failure is the node's error.
      preStarts.orElseThrow().run(project.orElseThrow().service(a.service()), a.container());
    } else if (action instanceof Action.StopContainer a) {
      step("Container", a.name(), Status.STOPPING, Status.STOPPED, () -> {
        preStop(a);
        stop(a.container(), a.timeout());
      });
    } else if (action instanceof Action.RemoveContainer a) {
      step("Container", a.name(), Status.REMOVING, Status.REMOVED, () -> remove(a));
    } else if (action instanceof Action.RenameContainer a) {
      client.renameContainerCmd(a.from()).withName(a.to()).exec();
    } else if (action instanceof Action.RemoveNetwork a) {
      removeNetwork(a.name());
    } else if (action instanceof Action.RemoveVolume a) {
      removeVolume(a.name());
    } else if (action instanceof Action.RemoveImage a) {
      step("Image", a.image(), Status.REMOVING, Status.REMOVED, () -> removeImage(a.image()));
    } else if (action instanceof Action.WaitContainer a) {
      waitFor(a);
    } else if (action instanceof Action.RestartContainer a) {
      restart(a);
    } else {
      throw new IllegalStateException("no handler for " + action.op());
    }
  }

  private Optional<io.berth.model.spec.Service> serviceOf(String service) {
    return project.map(p -> p.services().get(service));
  }

  /** The service's {@code pre_stop} hooks, when the project is known (down by name alone has none to run). */
  private void preStop(Action.StopContainer a) {
    serviceOf(a.service()).filter(s -> !s.extras().preStop().isEmpty())
        .ifPresent(s -> hooks.runBeforeStop(s.name(), a.container(), s.extras().preStop()));
  }

  private void step(String kind, String name, Status before, Status after, Runnable call) {
    progress.on(ProgressEvent.of(kind, name, before));
    call.run();
    progress.on(ProgressEvent.of(kind, name, after));
  }

  private void waitFor(Action.WaitContainer a) {
    progress.on(ProgressEvent.of("Container", a.container(), Status.WAITING));
    try {
      new ConditionWaiter(client).await(a.container(), a.condition());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted while waiting for " + a.container());
    } catch (EngineException e) {
      // Compose's words: a health wait that fails is a dependency that "failed to start".
      boolean health = a.condition().equals(ConditionWaiter.HEALTHY);
      if (a.required()) {
        throw health ? new EngineException("dependency failed to start: " + EngineErrors.describe(e)) : e;
      }
      // Compose's progress words, then (its WARN line's part) why.
      progress.on(new ProgressEvent("Container", a.container(), Status.SKIPPED_BECAUSE,
          "optional dependency \"" + a.service() + "\" " + (health ? "failed to start" : "failed") + ": " + e.getMessage()));
      return;
    }
    progress.on(ProgressEvent.of("Container", a.container(),
        a.condition().equals(ConditionWaiter.COMPLETED) ? Status.EXITED : Status.HEALTHY));
  }

  /** As Compose's restart: pre_stop hooks, {@code Restarting}, the Engine's restart, {@code Started}, post_start hooks. */
  private void restart(Action.RestartContainer a) {
    serviceOf(a.service()).filter(s -> !s.extras().preStop().isEmpty())
        .ifPresent(s -> hooks.runBeforeStop(s.name(), a.container(), s.extras().preStop()));
    progress.on(ProgressEvent.of("Container", a.name(), Status.RESTARTING));
    var cmd = client.restartContainerCmd(a.container());
    a.timeout().ifPresent(cmd::withTimeout);
    cmd.exec();
    progress.on(ProgressEvent.of("Container", a.name(), Status.STARTED));
    serviceOf(a.service()).ifPresent(s -> hooks.run(s.name(), a.container(), s.extras().postStart()));
  }

  private void createNetwork(Network network) {
    Map<String, String> labels = new LinkedHashMap<>(network.labels());
    labels.put(Labels.PROJECT, projectName);
    labels.put(Labels.NETWORK, network.key());
    labels.put(Labels.VERSION, Labels.BERTH_VERSION);
    var cmd = client.createNetworkCmd().withName(network.name()).withLabels(labels).withCheckDuplicate(true)
        .withInternal(network.internal())
        .withAttachable(network.attachable())
        .withEnableIpv6(network.enableIpv6())
        .withOptions(network.driverOpts());
    if (!network.driver().isEmpty()) {
      cmd.withDriver(network.driver());
    }
    network.ipam().ifPresent(ipam -> {
      com.github.dockerjava.api.model.Network.Ipam engineIpam = new com.github.dockerjava.api.model.Network.Ipam();
      ipam.driver().ifPresent(engineIpam::withDriver);
      engineIpam.withConfig(ipam.config().stream().map(pool -> {
        var c = new com.github.dockerjava.api.model.Network.Ipam.Config();
        Optional.ofNullable(pool.get("subnet")).ifPresent(c::withSubnet);
        Optional.ofNullable(pool.get("gateway")).ifPresent(c::withGateway);
        Optional.ofNullable(pool.get("ip_range")).ifPresent(c::withIpRange);
        return c;
      }).toList());
      cmd.withIpam(engineIpam);
    });
    cmd.exec();
  }

  private void createVolume(Volume volume) {
    Map<String, String> labels = new LinkedHashMap<>(volume.labels());
    labels.put(Labels.PROJECT, projectName);
    labels.put(Labels.VOLUME, volume.key());
    labels.put(Labels.VERSION, Labels.BERTH_VERSION);
    var cmd = client.createVolumeCmd().withName(volume.name()).withLabels(labels).withDriverOpts(volume.driverOpts());
    if (!volume.driver().isEmpty()) {
      cmd.withDriver(volume.driver());
    }
    cmd.exec();
  }

  private void start(String container) {
    try {
      client.startContainerCmd(container).exec();
    } catch (NotModifiedException alreadyRunning) {
      // Started meanwhile (a restart policy, another client): the state we wanted.
    }
  }

  private void stop(String container, Optional<Integer> timeout) {
    try {
      client.stopContainerCmd(container).withTimeout(timeout.orElse(DEFAULT_STOP_TIMEOUT_SECONDS)).exec();
    } catch (NotModifiedException | NotFoundException alreadyStopped) {
      // Stopped or gone meanwhile: the state we wanted.
    }
  }

  private void remove(Action.RemoveContainer a) {
    try {
      client.removeContainerCmd(a.container()).withForce(true).withRemoveVolumes(a.removeVolumes()).exec();
    } catch (NotFoundException gone) {
      // Removed meanwhile: the state we wanted.
    }
    for (String volume : a.anonymousVolumes()) {
      removeAnonymousVolume(volume);
    }
  }

  /**
   * Removes a volume the removed container held, unless another container still uses it: the
   * replacement that took it over, or one that mounts it through {@code volumes_from}. The Engine
   * refuses to remove a volume in use, so that check is the Engine's, made at the moment of removal.
   */
  private void removeAnonymousVolume(String name) {
    try {
      client.removeVolumeCmd(name).exec();
    } catch (NotFoundException gone) {
      // The Engine's own v removed it with the container.
    } catch (ConflictException inUse) {
      // Another container holds it: it stays, with that container.
    }
  }

  /**
   * As Compose's down: a network a container outside the plan still uses (an orphan, another
   * project's container connected to it) is left with a warning, and down goes on.
   */
  private void removeNetwork(String name) {
    progress.on(ProgressEvent.of("Network", name, Status.REMOVING));
    try {
      var containers = client.inspectNetworkCmd().withNetworkId(name).exec().getContainers();
      if (containers != null && !containers.isEmpty()) {
        progress.on(new ProgressEvent("Network", name, Status.WARNING, "Resource is still in use"));
        return;
      }
      client.removeNetworkCmd(name).exec();
    } catch (NotFoundException gone) {
      // Removed meanwhile.
    }
    progress.on(ProgressEvent.of("Network", name, Status.REMOVED));
  }

  private void removeImage(String image) {
    try {
      client.removeImageCmd(image).exec();
    } catch (NotFoundException gone) {
      // Removed meanwhile.
    } catch (RuntimeException e) {
      // Images removed at once race in the Engine: removing a child prunes what its parent's
      // removal was about to delete ("unrecognized image ID"). What is gone is removed.
      if (imagePresent(image)) {
        throw e;
      }
    }
  }

  private boolean imagePresent(String image) {
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException gone) {
      return false;
    }
  }

  /** As Compose's down -v: a volume a container still uses is left with a warning, and down goes on. */
  private void removeVolume(String name) {
    progress.on(ProgressEvent.of("Volume", name, Status.REMOVING));
    try {
      client.removeVolumeCmd(name).exec();
    } catch (NotFoundException gone) {
      // Removed meanwhile.
    } catch (ConflictException inUse) {
      progress.on(new ProgressEvent("Volume", name, Status.WARNING, "Resource is still in use"));
      return;
    }
    progress.on(ProgressEvent.of("Volume", name, Status.REMOVED));
  }

  /** The name progress shows for what {@code action} acts on: a container's, network's, volume's or image's name. */
  static String displayName(Action action) {
    if (action instanceof Action.CreateNetwork a) {
      return a.network().name();
    } else if (action instanceof Action.RemoveNetwork a) {
      return a.name();
    } else if (action instanceof Action.CreateVolume a) {
      return a.volume().name();
    } else if (action instanceof Action.RemoveVolume a) {
      return a.name();
    } else if (action instanceof Action.RemoveImage a) {
      return a.image();
    } else if (action instanceof Action.CreateContainer a) {
      return a.name();
    } else if (action instanceof Action.StartContainer a) {
      return a.container();
    } else if (action instanceof Action.StopContainer a) {
      return a.name();
    } else if (action instanceof Action.RemoveContainer a) {
      return a.name();
    } else if (action instanceof Action.RenameContainer a) {
      return a.to();
    } else if (action instanceof Action.WaitContainer a) {
      return a.container();
    } else if (action instanceof Action.RestartContainer a) {
      return a.name();
    } else if (action instanceof Action.RunPreStart a) {
      return a.container();
    }
    throw new IllegalStateException("no name for " + action.op());
  }

  private static String kindOf(PlanNode node) {
    String resource = node.resourceId();
    if (resource.startsWith("network:")) {
      return "Network";
    }
    if (resource.startsWith("image:")) {
      return "Image";
    }
    return resource.startsWith("volume:") ? "Volume" : "Container";
  }
}
