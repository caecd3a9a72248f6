package io.berth.executor.create;

import io.berth.model.spec.Mount;
import io.berth.model.spec.Service;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which volumes of the container being replaced its replacement takes over, as Compose hands them
 * on: the volume mounted at each path that is anonymous in the new container, whether the file
 * declares it ({@code volumes: [/data]}) or the image does ({@code VOLUME /data}, as the postgres
 * and mysql images do for their data). Without this a recreate would start on an empty volume.
 * A path the file mounts something else at (a named volume, a bind, a tmpfs) takes what the file says.
 */
final class InheritedVolumes {
  private InheritedVolumes() {}

  /**
   * @param imageVolumes the paths the new container's image declares with {@code VOLUME}
   * @param oldVolumes the old container's volumes, each name by the path it is mounted at
   * @return each volume to mount, by path
   */
  static Map<String, String> of(Service service, Set<String> imageVolumes, Map<String, String> oldVolumes) {
    Set<String> anonymous = new HashSet<>();
    Set<String> mountedByFile = new HashSet<>();
    for (Mount m : service.volumes()) {
      if (m.type() == Mount.Type.VOLUME && m.source().isEmpty()) {
        anonymous.add(m.target());
      } else {
        mountedByFile.add(m.target());
      }
    }
    for (String path : imageVolumes) {
      if (!mountedByFile.contains(path)) {
        anonymous.add(path);
      }
    }
    Map<String, String> out = new TreeMap<>();
    oldVolumes.forEach((path, name) -> {
      if (anonymous.contains(path)) {
        out.put(path, name);
      }
    });
    return out;
  }
}
