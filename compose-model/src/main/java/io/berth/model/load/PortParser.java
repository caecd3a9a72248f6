package io.berth.model.load;

import io.berth.model.spec.PortMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compose's short port syntax, {@code [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]}, with ranges
 * ({@code 8000-8001:80-81}) expanded into one mapping per port and IPv6 host addresses in brackets.
 */
final class PortParser {
  static final String SYNTAX = "accepted: [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], ports 1-65535, ranges like 8000-8010";
  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

  private PortParser() {}

  /** @throws IllegalArgumentException saying what is wrong with {@code spec} */
  static List<PortMapping> parse(String spec) {
    String rest = spec;
    String protocol = "tcp";
    int slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      protocol = rest.substring(slash + 1).toLowerCase();
      rest = rest.substring(0, slash);
      if (!PROTOCOLS.contains(protocol)) {
        throw new IllegalArgumentException("unknown protocol \"" + protocol + "\" (tcp, udp or sctp)");
      }
    }
    String ip = "";
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
        throw new IllegalArgumentException("an IPv6 host address must be written [ADDRESS]:...");
      }
      ip = rest.substring(1, close);
      rest = rest.substring(close + 2);
    }
    String[] parts = rest.split(":", -1);
    String published;
    String target;
    switch (parts.length) {
      case 1 -> {
        published = "";
        target = parts[0];
      }
      case 2 -> {
        published = parts[0];
        target = parts[1];
      }
      case 3 -> {
        if (!ip.isEmpty()) {
          throw new IllegalArgumentException("too many colons");
        }
        ip = parts[0];
        published = parts[1];
        target = parts[2];
      }
      default -> throw new IllegalArgumentException("too many colons");
    }
    if (!ip.isEmpty() && !ip.matches("[0-9a-fA-F.:]+")) {
      throw new IllegalArgumentException("invalid host address \"" + ip + "\"");
    }
    int[] targets = range(target, "container port", 1);
    if (published.isEmpty()) {
      return expand(ip, null, targets, protocol);
    }
    int[] hosts = range(published, "host port", 0);
    if (hosts.length == 1 || targets.length == 1 && hosts.length > 1) {
      if (targets.length > 1) {
        throw new IllegalArgumentException("a container port range needs a host port range of the same size");
      }
      return List.of(new PortMapping(ip, published, targets[0], protocol));
    }
    if (hosts.length != targets.length) {
      throw new IllegalArgumentException("host and container port ranges differ in size");
    }
    return expand(ip, hosts, targets, protocol);
  }

  private static List<PortMapping> expand(String ip, int[] hosts, int[] targets, String protocol) {
    List<PortMapping> out = new ArrayList<>();
    for (int i = 0; i < targets.length; i++) {
      out.add(new PortMapping(ip, hosts == null ? "" : Integer.toString(hosts[i]), targets[i], protocol));
    }
    return out;
  }

  /** {@code 80} or {@code 80-82} as the list of ports. */
  private static int[] range(String text, String what, int min) {
    int dash = text.indexOf('-');
    int from = port(dash < 0 ? text : text.substring(0, dash), what, min);
    int to = dash < 0 ? from : port(text.substring(dash + 1), what, min);
    if (to < from) {
      throw new IllegalArgumentException("invalid " + what + " range \"" + text + "\"");
    }
    int[] out = new int[to - from + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = from + i;
    }
    return out;
  }

  static int port(String text, String what, int min) {
    if (!text.matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("invalid " + what + " \"" + text + "\"");
    }
    int p = Integer.parseInt(text);
    if (p < min || p > 65535) {
      throw new IllegalArgumentException(what + " " + p + " is out of range " + min + "-65535");
    }
    return p;
  }
}
