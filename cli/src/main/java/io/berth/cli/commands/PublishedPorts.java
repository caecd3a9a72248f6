package io.berth.cli.commands;

import io.berth.cli.UserError;
import io.berth.model.spec.PortMapping;
import java.util.List;

/** {@code -p [IP:][HOST:]CONTAINER[/PROTOCOL]} on the command line, single ports only. */
final class PublishedPorts {
  private PublishedPorts() {}

  static List<PortMapping> parse(String spec) {
    String rest = spec;
    String protocol = "tcp";
    int slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      protocol = rest.substring(slash + 1);
      rest = rest.substring(0, slash);
    }
    String[] parts = rest.split(":", -1);
    try {
      return switch (parts.length) {
        case 1 -> List.of(new PortMapping("", "", Integer.parseInt(parts[0]), protocol));
        case 2 -> List.of(new PortMapping("", parts[0], Integer.parseInt(parts[1]), protocol));
        case 3 -> List.of(new PortMapping(parts[0], parts[1], Integer.parseInt(parts[2]), protocol));
        default -> throw new NumberFormatException();
      };
    } catch (NumberFormatException e) {
      throw new UserError("invalid -p \"" + spec + "\": accepted form is [IP:][HOST:]CONTAINER[/PROTOCOL]");
    }
  }
}
