package io.berth.executor.create;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.BlkioRateDevice;
import com.github.dockerjava.api.model.BlkioWeightDevice;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Isolation;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.VolumesFrom;
import io.berth.model.spec.Blkio;
import io.berth.model.spec.Deploy;
import io.berth.model.spec.DeviceMapping;
import io.berth.model.spec.EngineSettings;
import io.berth.model.spec.Links;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps the less common attributes onto the create call as docker compose does: CPU and block IO
 * tuning, namespaces, devices and device requests, {@code deploy.resources} and
 * {@code deploy.restart_policy}, legacy links and {@code volumes_from}. Applied after the
 * everyday settings, so that {@code deploy} wins where compose lets it win.
 */
final class EngineSettingsMapper {
  /** A CDI device name, {@code vendor.com/class=name}: requested through the cdi driver, not mapped. */
  private static final Pattern CDI_NAME = Pattern.compile("^[a-z0-9][a-z0-9.-]*/[a-zA-Z0-9][a-zA-Z0-9_.-]*=[a-zA-Z0-9_.:-]+$");

  private final Project project;

  EngineSettingsMapper(Project project) {
    this.project = project;
  }

  /**
   * @param number the replica number of the container being created: compose names its link
   *     aliases after it
   */
  void apply(Service service, int number, HostConfig host, CreateContainerCmd cmd) {
    EngineSettings e = service.extras().engine();
    if (!e.annotations().isEmpty()) {
      host.withAnnotations(e.annotations());
    }
    e.cgroup().ifPresent(host::withCgroupnsMode);
    e.cpuCount().ifPresent(host::withCpuCount);
    e.cpuPercent().ifPresent(host::withCpuPercent);
    e.cpuPeriod().ifPresent(host::withCpuPeriod);
    e.cpuQuota().ifPresent(host::withCpuQuota);
    e.cpuRtPeriod().ifPresent(host::withCpuRealtimePeriod);
    e.cpuRtRuntime().ifPresent(host::withCpuRealtimeRuntime);
    // Compose leaves a swappiness of 0 to the Engine's default, as its model cannot tell 0 from unset.
    e.memSwappiness().filter(v -> v != 0).ifPresent(host::withMemorySwappiness);
    e.blkio().ifPresent(b -> blkio(b, host));
    if (!e.deviceCgroupRules().isEmpty()) {
      host.withDeviceCgroupRules(e.deviceCgroupRules());
    }
    if (!e.storageOpt().isEmpty()) {
      host.withStorageOpt(e.storageOpt());
    }
    e.uts().ifPresent(host::withUtSMode);
    e.isolation().ifPresent(i -> host.withIsolation(isolation(i)));
    e.platform().ifPresent(cmd::withPlatform);
    e.macAddress().ifPresent(cmd::withMacAddress);

    List<DeviceRequest> requests = new ArrayList<>();
    devices(service.options().devices(), host, requests);
    for (io.berth.model.spec.DeviceRequest gpu : e.gpus()) {
      // As compose: a gpus entry always asks for the gpu capability.
      List<String> capabilities = new ArrayList<>(gpu.capabilities());
      capabilities.add("gpu");
      requests.add(deviceRequest(gpu, capabilities));
    }
    service.extras().deploy().ifPresent(d -> deploy(d, host, requests));
    if (!requests.isEmpty()) {
      host.withDeviceRequests(requests);
    }
    links(service, number, host);
  }

  private static void blkio(Blkio b, HostConfig host) {
    b.weight().ifPresent(host::withBlkioWeight);
    if (!b.weightDevice().isEmpty()) {
      host.withBlkioWeightDevice(b.weightDevice().stream()
          .map(d -> new BlkioWeightDevice().withPath(d.path()).withWeight(d.weight())).toList());
    }
    if (!b.deviceReadBps().isEmpty()) {
      host.withBlkioDeviceReadBps(rates(b.deviceReadBps()));
    }
    if (!b.deviceReadIops().isEmpty()) {
      host.withBlkioDeviceReadIOps(rates(b.deviceReadIops()));
    }
    if (!b.deviceWriteBps().isEmpty()) {
      host.withBlkioDeviceWriteBps(rates(b.deviceWriteBps()));
    }
    if (!b.deviceWriteIops().isEmpty()) {
      host.withBlkioDeviceWriteIOps(rates(b.deviceWriteIops()));
    }
  }

  private static List<BlkioRateDevice> rates(List<Blkio.Throttle> throttles) {
    return throttles.stream().map(t -> new BlkioRateDevice().withPath(t.path()).withRate(t.rate())).toList();
  }

  private static Isolation isolation(String value) {
    for (Isolation i : Isolation.values()) {
      if (i.getValue().equalsIgnoreCase(value)) {
        return i;
      }
    }
    throw new IllegalArgumentException("invalid isolation \"" + value + "\" (accepted: default, process, hyperv)");
  }

  /** Device mappings, except CDI names, which become one request to the cdi driver. */
  private static void devices(List<DeviceMapping> devices, HostConfig host, List<DeviceRequest> requests) {
    List<Device> mapped = new ArrayList<>();
    List<String> cdi = new ArrayList<>();
    for (DeviceMapping d : devices) {
      if (d.source().equals(d.target()) && CDI_NAME.matcher(d.source()).matches()) {
        cdi.add(d.source());
      } else {
        mapped.add(new Device(d.permissions(), d.target(), d.source()));
      }
    }
    if (!mapped.isEmpty()) {
      host.withDevices(mapped);
    }
    if (!cdi.isEmpty()) {
      requests.add(new DeviceRequest().withDriver("cdi").withDeviceIds(cdi));
    }
  }

  private static DeviceRequest deviceRequest(io.berth.model.spec.DeviceRequest r, List<String> capabilities) {
    DeviceRequest out = new DeviceRequest()
        .withCount(r.count().map(Long::intValue).orElse(0))
        .withCapabilities(List.of(capabilities));
    r.driver().ifPresent(out::withDriver);
    if (!r.deviceIds().isEmpty()) {
      out.withDeviceIds(r.deviceIds());
    }
    if (!r.options().isEmpty()) {
      out.withOptions(r.options());
    }
    return out;
  }

  /**
   * What a local Engine takes from {@code deploy}: limits (cpus, memory, pids), reserved memory
   * and devices, and the restart policy, which overrides {@code restart}. CPU reservations are
   * for Swarm only.
   */
  private static void deploy(Deploy d, HostConfig host, List<DeviceRequest> requests) {
    d.limits().ifPresent(l -> {
      l.memory().filter(v -> v != 0).ifPresent(host::withMemory);
      l.cpus().filter(v -> v != 0).ifPresent(c -> host.withNanoCPUs((long) (c * 1_000_000_000L)));
      l.pids().filter(v -> v > 0).ifPresent(host::withPidsLimit);
    });
    d.reservations().ifPresent(r -> {
      r.memory().filter(v -> v != 0).ifPresent(host::withMemoryReservation);
      r.devices().forEach(device -> requests.add(deviceRequest(device, device.capabilities())));
    });
    d.restartPolicy().ifPresent(p -> {
      String policy = p.enginePolicy();
      int attempts = p.maxAttempts().map(Long::intValue).orElse(0);
      host.withRestartPolicy(switch (policy) {
        case "no" -> RestartPolicy.noRestart();
        case "always" -> RestartPolicy.alwaysRestart();
        case "on-failure" -> RestartPolicy.onFailureRestart(attempts);
        default -> RestartPolicy.parse(policy);
      });
    });
  }

  /**
   * Legacy links as compose makes them: each container of a linked service under the link's alias,
   * {@code <service>-<n>} and {@code <project>-<service>-<n>} (n being this container's number);
   * external links as written. {@code volumes_from} names the first container of a service.
   */
  private void links(Service service, int number, HostConfig host) {
    Links l = service.extras().links();
    List<Link> links = new ArrayList<>();
    for (String link : l.links()) {
      String linked = link.split(":", 2)[0];
      String alias = Links.alias(link);
      Service other = project.services().get(linked);
      if (other == null) {
        continue;
      }
      for (int i = 1; i <= other.scale().orElse(1); i++) {
        String name = Names.container(project, other, i);
        links.add(new Link(name, alias));
        links.add(new Link(name, linked + "-" + number));
        links.add(new Link(name, project.name() + "-" + linked + "-" + number));
      }
    }
    for (String external : l.externalLinks()) {
      links.add(new Link(external.split(":", 2)[0], Links.alias(external)));
    }
    if (!links.isEmpty()) {
      host.withLinks(links);
    }
    List<VolumesFrom> volumesFrom = new ArrayList<>();
    for (String entry : l.volumesFrom()) {
      Optional<String> mode = Links.mode(entry);
      String source = mode.map(m -> entry.substring(0, entry.length() - 3)).orElse(entry);
      String container = source.startsWith("container:") ? source.substring("container:".length())
          : Names.container(project, project.service(source), 1);
      volumesFrom.add(VolumesFrom.parse(container + ":" + mode.orElse("rw")));
    }
    if (!volumesFrom.isEmpty()) {
      host.withVolumesFrom(volumesFrom);
    }
  }
}
