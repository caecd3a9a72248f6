package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.PortMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ports through the loader, so each case also checks where an error points. */
class PortParserTest {
  @TempDir Path dir;

  private List<PortMapping> ports(String... specs) throws Exception {
    StringBuilder yaml = new StringBuilder("services:\n  web:\n    image: x\n    ports:\n");
    for (String s : specs) {
      yaml.append("      - ").append(s).append('\n');
    }
    java.nio.file.Files.writeString(dir.resolve("compose.yaml"), yaml);
    return ComposeLoader.load(LoadRequest.inDirectory(dir, Map.of()), w -> {}).service("web").ports();
  }

  @Test
  void shortSyntax() throws Exception {
    assertThat(ports("80", "\"8080:80\"", "127.0.0.1:8081:81", "\"127.0.0.1::82\"", "\"9090:90/udp\"", "\"[::1]:8443:443\""))
        .containsExactly(
            new PortMapping("", "", 80, "tcp"),
            new PortMapping("", "8080", 80, "tcp"),
            new PortMapping("127.0.0.1", "8081", 81, "tcp"),
            new PortMapping("127.0.0.1", "", 82, "tcp"),
            new PortMapping("", "9090", 90, "udp"),
            new PortMapping("::1", "8443", 443, "tcp"));
  }

  @Test
  void rangesExpandOnePerPort() throws Exception {
    assertThat(ports("\"8000-8001:80-81\"", "\"3000-3001\"", "\"9000-9010:90\"")).containsExactly(
        new PortMapping("", "8000", 80, "tcp"),
        new PortMapping("", "8001", 81, "tcp"),
        new PortMapping("", "", 3000, "tcp"),
        new PortMapping("", "", 3001, "tcp"),
        new PortMapping("", "9000-9010", 90, "tcp"));
  }

  @Test
  void longSyntax() throws Exception {
    assertThat(ports("{target: 80, published: \"8080\", host_ip: 127.0.0.1, protocol: udp}"))
        .containsExactly(new PortMapping("127.0.0.1", "8080", 80, "udp"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"abc:80\"", "70000", "\"80:80:80:80\"", "\"80/xyz\"", "\"0\"", "\"81-80\""})
  void invalidPortsArePointedAt(String spec) {
    assertThatThrownBy(() -> ports(spec))
        .isInstanceOf(ComposeModelException.class)
        .hasMessageContaining("compose.yaml:5:9: services.web.ports[0]: invalid port");
  }
}
