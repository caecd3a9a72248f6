package io.berth.executor.create;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.BindOptions;
import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PropagationMode;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumeOptions;
import io.berth.model.spec.Mount;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a container's volumes reach the Engine, split as Compose's {@code buildContainerVolumes}
 * splits them, so that {@code docker inspect} shows the same {@code Mode} and propagation for a
 * container either tool created: a bind without advanced options and a declared named volume
 * without them go as bind strings ({@code src:target:rw}); the rest go through the mount API — an
 * anonymous volume (the file's, or one handed on from the replaced container), a volume name the
 * project does not declare, a bind with a propagation or without {@code create_host_path}, a
 * volume with {@code nocopy} or labels, and the files of configs and secrets (read-only binds).
 *
 * @param binds the bind strings ({@code HostConfig.Binds})
 * @param mounts the mount API's entries ({@code HostConfig.Mounts})
 * @param hostPaths the sources of binds through the mount API that {@code create_host_path} asks
 *     to exist: the Engine creates a missing bind-string source itself but refuses a missing
 *     mount-API one
 */
record ContainerMounts(List<Bind> binds, List<com.github.dockerjava.api.model.Mount> mounts, List<Path> hostPaths) {
  ContainerMounts {
    binds = List.copyOf(binds);
    mounts = List.copyOf(mounts);
    hostPaths = List.copyOf(hostPaths);
  }

  /** Creates each missing {@link #hostPaths()} directory, as the Engine does for a bind string. */
  void createHostPaths() {
    for (Path path : hostPaths) {
      if (!java.nio.file.Files.exists(path)) {
        try {
          java.nio.file.Files.createDirectories(path);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot create the bind source " + path + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * @param inherited the replaced container's anonymous volumes its replacement takes over, by target
   * @param files the host file of each config and secret mounted from one, by target
   */
  static ContainerMounts of(Project project, Service service, Map<String, String> inherited, Map<String, Path> files) {
    List<Bind> binds = new ArrayList<>();
    List<com.github.dockerjava.api.model.Mount> mounts = new ArrayList<>();
    List<Path> hostPaths = new ArrayList<>();
    Set<String> fileTargets = service.volumes().stream().map(Mount::target).collect(Collectors.toSet());
    inherited.forEach((target, name) -> {
      if (!fileTargets.contains(target)) {
        // A volume the image declares: the file says nothing of it, so it is mounted as it was.
        mounts.add(volume(name, target, false));
      }
    });
    for (Mount m : service.volumes()) {
      Mount.Options o = m.options();
      switch (m.type()) {
        case TMPFS -> { }
        case BIND -> {
          if (o.propagation().isPresent() || !m.createHostPath() || o.recursive().isPresent()) {
            com.github.dockerjava.api.model.Mount bind = new com.github.dockerjava.api.model.Mount()
                .withType(MountType.BIND).withSource(m.source()).withTarget(m.target()).withReadOnly(m.readOnly());
            o.propagation().ifPresent(p -> bind.withBindOptions(new BindOptions().withPropagation(propagation(p))));
            mounts.add(bind);
            if (m.createHostPath() && Path.of(m.source()).isAbsolute()) {
              hostPaths.add(Path.of(m.source()));
            }
          } else {
            binds.add(bindString(m.source(), m));
          }
        }
        case VOLUME -> {
          io.berth.model.spec.Volume declared = m.source().isEmpty() ? null : project.volumes().get(m.source());
          if (declared != null && !o.noCopy() && o.labels().isEmpty()) {
            binds.add(bindString(declared.name(), m));
            continue;
          }
          // An undeclared name (run -v NAME:/path) is the Engine's volume of that name, as in Compose.
          String source = m.source().isEmpty() ? inherited.get(m.target()) : declared != null ? declared.name() : m.source();
          com.github.dockerjava.api.model.Mount volume = volume(source, m.target(), m.readOnly());
          if (o.noCopy() || !o.labels().isEmpty()) {
            VolumeOptions options = new VolumeOptions();
            if (o.noCopy()) {
              options.withNoCopy(true);
            }
            if (!o.labels().isEmpty()) {
              options.withLabels(o.labels());
            }
            volume.withVolumeOptions(options);
          }
          mounts.add(volume);
        }
      }
    }
    files.forEach((target, file) -> mounts.add(new com.github.dockerjava.api.model.Mount()
        .withType(MountType.BIND).withSource(file.toString()).withTarget(target).withReadOnly(true)));
    return new ContainerMounts(binds, mounts, hostPaths);
  }

  private static com.github.dockerjava.api.model.Mount volume(String source, String target, boolean readOnly) {
    com.github.dockerjava.api.model.Mount volume = new com.github.dockerjava.api.model.Mount()
        .withType(MountType.VOLUME).withTarget(target).withReadOnly(readOnly);
    return source == null ? volume : volume.withSource(source);
  }

  /** Compose's toBindString: {@code src:target:rw|ro[,z|Z][,nocopy]} (a propagation takes the mount API here). */
  private static Bind bindString(String source, Mount m) {
    AccessMode mode = m.readOnly() ? AccessMode.ro : AccessMode.rw;
    SELContext selinux = m.options().selinux().map(z -> z.equals("z") ? SELContext.shared : SELContext.single).orElse(SELContext.none);
    return new Bind(source, new Volume(m.target()), mode, selinux, null, PropagationMode.DEFAULT_MODE);
  }

  /** {@code rprivate} → R_PRIVATE, {@code shared} → SHARED. */
  private static BindPropagation propagation(String p) {
    return p.startsWith("r") ? BindPropagation.valueOf("R_" + p.substring(1).toUpperCase()) : BindPropagation.valueOf(p.toUpperCase());
  }
}
