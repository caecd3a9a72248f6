package io.berth.executor.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.VolumesFrom;
import io.berth.executor.create.ContainerFactory;
import io.berth.executor.engine.EngineException;
import io.berth.model.spec.PreStartStep;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.labels.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a service's {@code pre_start} steps as Compose v5 does: each, in the order written, in a
 * container of its own made from the step's image (the service's when it names none), with the
 * service's environment and then the step's, the volumes of the service's container
 * ({@code volumes_from}) and its networks, labelled with the project and the service only. A
 * step that exits non-zero stops the rest, and the service does not start.
 *
 * <p>Compose lets the Engine remove the step's container when it exits ({@code AutoRemove}) and
 * subscribes to its exit before starting it; docker-java cannot make sure the Engine has the
 * subscription before the start, so the container is kept until its exit code is read, then
 * removed here.
 */
public final class PreStartRunner {
  private static final int TAIL_LINES = 10;

  private final DockerClient client;
  private final Project project;
  private final ContainerFactory factory;

  public PreStartRunner(DockerClient client, Project project) {
    this.client = client;
    this.project = project;
    this.factory = new ContainerFactory(client, project);
  }

  /** @param container the service's container whose volumes the steps mount, a name or an id */
  public void run(Service service, String container) {
    List<PreStartStep> steps = service.extras().preStart();
    for (int i = 0; i < steps.size(); i++) {
      run(service, container, i, steps.get(i));
    }
  }

  private void run(Service service, String container, int index, PreStartStep step) {
    String id = create(service, container, step);
    try {
      client.startContainerCmd(id).exec();
      int code;
      try {
        code = client.waitContainerCmd(id).start().awaitStatusCode();
      } catch (RuntimeException e) {
        throw new EngineException("service \"" + service.name() + "\" pre_start[" + index + "] wait error: " + e.getMessage(), e);
      }
      if (code != 0) {
        String tail = tail(id);
        throw new EngineException("service \"" + service.name() + "\" pre_start[" + index + "] exited with code " + code
            + (tail.isEmpty() ? "" : ": " + tail));
      }
    } finally {
      try {
        client.removeContainerCmd(id).withForce(true).exec();
      } catch (NotFoundException gone) {
        // Removed meanwhile: the state we wanted.
      }
    }
  }

  private String create(Service service, String container, PreStartStep step) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.PROJECT, project.name());
    labels.put(Labels.SERVICE, service.name());
    labels.put(Labels.VERSION, Labels.BERTH_VERSION);
    List<String> env = new ArrayList<>();
    service.environment().forEach((k, v) -> {
      if (v != null) {
        env.add(k + "=" + v);
      }
    });
    step.environment().forEach((k, v) -> env.add(k + "=" + v));
    List<String> networkKeys = factory.networkKeys(service);
    String networkMode = factory.networkMode(service);
    HostConfig host = HostConfig.newHostConfig()
        .withPrivileged(step.privileged())
        .withVolumesFrom(new VolumesFrom(container))
        .withNetworkMode(networkMode);
    CreateContainerCmd cmd = client.createContainerCmd(step.image().orElse(service.imageName(project.name())))
        .withLabels(labels)
        .withEnv(env)
        .withHostConfig(host);
    step.command().ifPresent(cmd::withCmd);
    step.user().ifPresent(cmd::withUser);
    step.workingDir().ifPresent(cmd::withWorkingDir);
    boolean onNetworks = service.options().networkMode().isEmpty() && !networkKeys.isEmpty();
    if (onNetworks) {
      cmd.withAliases(aliases(service, networkKeys.get(0)));
    }
    String id = cmd.exec().getId();
    if (onNetworks) {
      // Engine API 1.41 joins one network at create: the others are joined before the start, as Compose does.
      try {
        for (String key : networkKeys.subList(1, networkKeys.size())) {
          client.connectToNetworkCmd().withContainerId(id).withNetworkId(project.networks().get(key).name())
              .withContainerNetwork(new ContainerNetwork().withAliases(aliases(service, key))).exec();
        }
      } catch (RuntimeException e) {
        client.removeContainerCmd(id).withForce(true).exec();
        throw e;
      }
    }
    return id;
  }

  /** The service's own names on the network: its name and the aliases the file gives it there. */
  private static List<String> aliases(Service service, String networkKey) {
    Set<String> aliases = new LinkedHashSet<>();
    aliases.add(service.name());
    aliases.addAll(service.options().aliases().getOrDefault(networkKey, List.of()));
    return List.copyOf(aliases);
  }

  /** The last lines the step wrote, to say why it failed. */
  private String tail(String id) {
    Deque<String> lines = new ArrayDeque<>();
    try {
      client.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(TAIL_LINES)
          .exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
              for (String line : new String(frame.getPayload(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                  synchronized (lines) {
                    lines.addLast(line.strip());
                  }
                }
              }
            }
          }).awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException unreadable) {
      // The exit code says enough.
    }
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }
}
