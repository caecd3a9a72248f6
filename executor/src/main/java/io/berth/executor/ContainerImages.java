package io.berth.executor;

import com.fasterxml.jackson.core.JsonParser;
import io.berth.executor.engine.EngineReads;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code images}: the image each container was made from, as Compose's images command tells it. */
public final class ContainerImages {
  private final EngineReads engine;

  public ContainerImages(EngineSession session) {
    this.engine = new EngineReads(session.engine().client());
  }

  /**
   * One container's image.
   *
   * @param id the Engine's full image id ({@code sha256:...})
   * @param repository the familiar name of the container's image reference ({@code busybox}); empty
   *     when the container names its image by id
   * @param tag the reference's tag, {@code latest} when it has none; empty for a digest or an id
   * @param platform {@code os/architecture[/variant]}, {@code unknown} when the Engine says no os
   * @param created when the image was created, as the Engine says it; empty when it does not
   * @param lastTagTime when the image was last tagged; empty when never
   */
  public record Summary(String container, String id, String repository, String tag, String platform, long size,
      Optional<String> created, Optional<String> lastTagTime) {}

  private static final class Details {
    String id = "";
    String os = "";
    String architecture = "";
    String variant = "";
    long size;
    String created = "";
    String lastTagTime = "";
  }

  /** The image of each container, in the order given. */
  public List<Summary> of(List<ContainerSummary> containers) {
    List<Summary> out = new ArrayList<>();
    // Replicas and services often share an image: each is read once.
    Map<String, Optional<Details>> read = new HashMap<>();
    for (ContainerSummary c : containers) {
      String[] ref = familiar(c.image());
      Optional<Details> found = read.computeIfAbsent(c.image(),
          image -> engine.get("/images/" + image + "/json", Map.of(), ContainerImages::details));
      // As Compose, an image gone since the container was made is told from what the container knows.
      Details d = found.orElseGet(() -> {
        Details gone = new Details();
        gone.id = engine.get("/containers/" + c.id() + "/json", Map.of(), ContainerImages::imageField).orElse("");
        return gone;
      });
      String platform = d.os.isEmpty() ? "unknown"
          : Stream.of(d.os, d.architecture, d.variant).filter(p -> !p.isEmpty()).collect(Collectors.joining("/"));
      out.add(new Summary(c.name(), d.id, ref[0], ref[1], platform, d.size, Optional.of(d.created).filter(t -> !t.isEmpty()),
          Optional.of(d.lastTagTime).filter(t -> !t.isEmpty() && !isZero(t))));
    }
    return out;
  }

  /**
   * The repository and tag of a reference as the docker CLI shows them: {@code docker.io/library/}
   * left out, {@code latest} for no tag, no tag beside a digest, nothing for an image id.
   */
  static String[] familiar(String reference) {
    if (reference.matches("(sha256:)?[0-9a-f]{64}")) {
      return new String[] {"", ""};
    }
    String name = reference;
    String tag = "latest";
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
      tag = "";
    }
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      tag = at >= 0 ? "" : name.substring(colon + 1);
      name = name.substring(0, colon);
    }
    for (String prefix : List.of("docker.io/library/", "index.docker.io/library/", "docker.io/", "index.docker.io/")) {
      if (name.startsWith(prefix)) {
        name = name.substring(prefix.length());
        break;
      }
    }
    return new String[] {name, tag};
  }

  /** The Engine's time for "never": Go's zero time, in whatever zone it was written. */
  private static boolean isZero(String time) {
    try {
      return OffsetDateTime.parse(time).toInstant().equals(OffsetDateTime.parse("0001-01-01T00:00:00Z").toInstant());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Details details(JsonParser json) throws IOException {
    Details d = new Details();
    EngineReads.object(json, (field, value) -> {
      switch (field) {
        case "Id" -> d.id = EngineReads.text(value);
        case "Os" -> d.os = EngineReads.text(value);
        case "Architecture" -> d.architecture = EngineReads.text(value);
        case "Variant" -> d.variant = EngineReads.text(value);
        case "Size" -> d.size = value.currentToken().isNumeric() ? value.getLongValue() : 0;
        case "Created" -> d.created = EngineReads.text(value);
        case "Metadata" -> EngineReads.object(value, (meta, time) -> {
          if (meta.equals("LastTagTime")) {
            d.lastTagTime = EngineReads.text(time);
          } else {
            time.skipChildren();
          }
        });
        default -> value.skipChildren();
      }
    });
    return d;
  }

  private static String imageField(JsonParser json) throws IOException {
    var image = new Object() {
      String id = "";
    };
    EngineReads.object(json, (field, value) -> {
      if (field.equals("Image")) {
        image.id = EngineReads.text(value);
      } else {
        value.skipChildren();
      }
    });
    return image.id;
  }
}
