package io.berth.executor.create;

import io.berth.executor.engine.EngineException;
import io.berth.model.spec.FileObject;
import io.berth.model.spec.FileReference;
import io.berth.model.spec.Mount;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What {@code up}, {@code create} and {@code run} refuse about the services they are to run,
 * checked before anything changes on the Engine: a refusal found while a plan runs would leave
 * networks and volumes behind. Two kinds: what berth does not do yet (a provider, models; a network endpoint's {@code gw_priority} and {@code interface_name}, which need Engine
 * API 1.48 and later; a mount's {@code subpath} or {@code recursive}, which need Engine API 1.45) and what Compose itself refuses at create time
 * (a {@code pre_start} step with {@code per_replica}, an external secret or config outside Swarm, a secret's content copied into a read-only
 * container, a missing bind source with {@code create_host_path: false}).
 */
public final class Refusals {
  private Refusals() {}

  /** @throws EngineException naming every refusal, one per line, in the order of {@code services} */
  public static void check(Project project, Collection<String> services) {
    List<String> refused = new ArrayList<>();
    for (String name : services) {
      Service service = project.service(name);
      notRunByBerth(service, refused);
      endpoints(service, refused);
      mounts(service, refused);
      fileObjects(project, service, refused);
      // Compose's words (moby/moby#48874: the Engine ignores a start interval without a start period).
      service.healthcheck().filter(h -> h.startInterval().isPresent() && h.startPeriod().isEmpty())
          .ifPresent(h -> refused.add("healthcheck.start_interval requires healthcheck.start_period to be set"));
    }
    if (!refused.isEmpty()) {
      throw new EngineException(String.join("\n", refused));
    }
  }

  private static void notRunByBerth(Service service, List<String> refused) {
    var extras = service.extras();
    extras.provider().ifPresent(p -> refused.add("service \"" + service.name() + "\" is run by provider \"" + p.type()
        + "\": berth does not run providers yet"));
    for (int i = 0; i < extras.preStart().size(); i++) {
      if (extras.preStart().get(i).perReplica()) {
        // Compose's words: it refuses per_replica too, before running any step.
        refused.add("service \"" + service.name() + "\" pre_start[" + i
            + "]: per_replica is not yet supported; remove per_replica or set it to false");
      }
    }
    if (!extras.models().isEmpty()) {
      refused.add("service \"" + service.name() + "\" uses models (" + String.join(", ", extras.models().keySet())
          + "): berth does not run models yet");
    }
  }

  private static void endpoints(Service service, List<String> refused) {
    service.extras().endpoints().forEach((key, e) -> {
      List<String> unsupported = new ArrayList<>();
      e.gwPriority().ifPresent(x -> unsupported.add("gw_priority"));
      e.interfaceName().ifPresent(x -> unsupported.add("interface_name"));
      if (!unsupported.isEmpty()) {
        refused.add("service \"" + service.name() + "\": networks." + key + "."
            + String.join(", networks." + key + ".", unsupported) + " not supported yet by berth");
      }
    });
  }

  private static void mounts(Service service, List<String> refused) {
    for (Mount m : service.volumes()) {
      if (m.type() == Mount.Type.BIND && !m.createHostPath() && !Files.exists(Path.of(m.source()))) {
        refused.add("service \"" + service.name() + "\": bind source " + m.source() + " does not exist and create_host_path is false");
      }
      if (m.options().subpath().isPresent() || m.options().recursive().isPresent()) {
        refused.add("service \"" + service.name() + "\": volume " + m.target()
            + ": subpath and recursive need a newer Engine API than berth speaks (1.41); remove them or mount another way");
      }
    }
  }

  private static void fileObjects(Project project, Service service, List<String> refused) {
    List<FileReference> all = new ArrayList<>(service.secrets());
    all.addAll(service.configs());
    for (FileReference ref : all) {
      boolean secret = project.secrets().containsKey(ref.source());
      Optional<FileObject> object = Optional.ofNullable(secret ? project.secrets().get(ref.source()) : project.configs().get(ref.source()));
      if (object.isEmpty()) {
        continue; // an undefined one is the loader's to report
      }
      FileObject o = object.get();
      if (o.external()) {
        // As Compose outside Swarm: an external secret or config has nowhere to come from.
        refused.add("service \"" + service.name() + "\": unsupported external " + (secret ? "secret" : "config") + " "
            + o.name().orElse(o.key()));
      } else if (o.file().isEmpty() && service.options().readOnly() && !o.resolvedContent(project.environment()).isEmpty()) {
        // Compose's words: content and environment sources are copied into the container, which a
        // read-only one refuses; an empty one is not copied, so not refused.
        refused.add("cannot create " + (secret ? "secret" : "config") + " \"" + ref.source() + "\" in read-only service "
            + service.name() + ": `file` is the sole supported option");
      }
    }
  }
}
