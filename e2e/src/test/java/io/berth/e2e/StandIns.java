package io.berth.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import io.berth.testsupport.EngineProbe;
import io.berth.testsupport.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The images upstream's fixtures name, built locally as no registry is reachable: the plain ones
 * are the static busybox (what the scenarios run in them — sh, sleep, echo, ping, nc, wget, top —
 * busybox has), nginx is busybox's httpd serving nginx's welcome page on port 80, bash a busybox
 * with a {@code bash} that runs its sh.
 *
 * <p>Each is built {@code FROM} the shared test busybox with a label holding its recipe, and
 * rebuilt only when the tag holds another recipe: scenarios on other JVMs share them, and none of
 * them removes a stand-in.
 */
final class StandIns {
  /** Tags that are the busybox test image itself. */
  static final List<String> BUSYBOX_TAGS = List.of("alpine", "alpine:latest", "alpine:3.12", "alpine:3.13",
      "alpine:3.13.12", "alpine:3.14", "alpine:3.15", "alpine:3.18", "alpine:3.19", "alpine:3.20", "busybox",
      "busybox:latest");

  /** Tags built from a Dockerfile of their own on top of the busybox test image. */
  static final Map<String, String> RECIPES = Map.of(
      "nginx:alpine", nginx(),
      "nginx:latest", nginx(),
      "bash:latest", """
          FROM %s
          RUN printf '#!/bin/sh\\nexec /bin/sh "$@"\\n' > /bin/bash && chmod 755 /bin/bash
          """,
      "alpine/curl:latest", """
          FROM %s
          RUN mkdir -p /usr/bin && printf '#!/bin/sh\\nfor a; do url=$a; done\\nexec wget -q -O - "$url"\\n' \\
              > /usr/bin/curl && chmod 755 /usr/bin/curl
          ENTRYPOINT ["curl"]
          """);

  private static final String RECIPE_LABEL = "io.berth.e2e.recipe";
  private static boolean ensured;

  private StandIns() {}

  private static String nginx() {
    // The fixtures run curl URL inside nginx containers (alpine/curl's shape): wget fetches.
    return """
        FROM %s
        RUN mkdir -p /usr/share/nginx/html \\
            && printf '<!DOCTYPE html>\\n<html>\\n<head><title>Welcome to nginx!</title></head>\\n<body><h1>Welcome to nginx!</h1></body>\\n</html>\\n' \\
               > /usr/share/nginx/html/index.html \\
            && mkdir -p /usr/bin && printf '#!/bin/sh\\nfor a; do url=$a; done\\nexec busybox wget -q -O - "$url"\\n' \\
               > /usr/bin/curl && chmod 755 /usr/bin/curl
        EXPOSE 80
        CMD ["sh", "-c", "trap 'exit 0' TERM INT QUIT; httpd -f -p 80 -h /usr/share/nginx/html & wait"]
        """;
  }

  /** Builds whatever stand-in is missing or out of date; once per JVM. */
  static synchronized void ensure() {
    if (ensured) {
      return;
    }
    String base = TestImages.busybox();
    for (String tag : BUSYBOX_TAGS) {
      TestImages.ensure(tag);
    }
    DockerClient docker = EngineProbe.client();
    for (Map.Entry<String, String> e : RECIPES.entrySet()) {
      String dockerfile = e.getValue().formatted(base);
      String recipe = Integer.toHexString(dockerfile.hashCode());
      if (!recipe.equals(label(docker, e.getKey()))) {
        build(docker, e.getKey(), dockerfile, recipe);
      }
    }
    ensured = true;
  }

  private static String label(DockerClient docker, String tag) {
    try {
      var config = docker.inspectImageCmd(tag).exec().getConfig();
      Map<String, String> labels = config == null ? null : config.getLabels();
      return labels == null ? "" : labels.getOrDefault(RECIPE_LABEL, "");
    } catch (NotFoundException e) {
      return "";
    }
  }

  private static void build(DockerClient docker, String tag, String dockerfile, String recipe) {
    try (InputStream tar = new ByteArrayInputStream(context(dockerfile))) {
      docker.buildImageCmd(tar)
          .withTags(Set.of(tag))
          .withLabels(Map.of(RECIPE_LABEL, recipe))
          .withPull(false)
          .exec(new BuildImageResultCallback())
          .awaitImageId();
    } catch (IOException e) {
      throw new IllegalStateException("could not build the stand-in " + tag, e);
    }
  }

  private static byte[] context(String dockerfile) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      byte[] content = dockerfile.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry("Dockerfile");
      e.setMode(0644);
      e.setSize(content.length);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
      tar.finish();
    }
    return bytes.toByteArray();
  }
}
