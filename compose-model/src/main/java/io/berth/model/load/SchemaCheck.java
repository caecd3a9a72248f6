package io.berth.model.load;

import io.berth.model.diag.ComposeModelErrors;
import io.berth.model.diag.ComposeModelException;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The pipeline's validate stage: the shape of the merged model, checked as a whole before
 * anything is read from it, as compose-go validates the merged model against the schema (so an
 * override that is only partial is judged with what it was merged into). Every section must be a
 * mapping of mappings, and every key of a service, network, volume, secret or config one the
 * specification defines. All such mistakes of the file are reported in one run; values are
 * checked when they are read.
 */
final class SchemaCheck {
  private SchemaCheck() {}

  static void check(YMap model) {
    List<ComposeModelException> errors = new ArrayList<>();
    section(model, "services", Keys.SERVICE_SUPPORTED, Keys.SERVICE_SPEC, "service", errors);
    section(model, "networks", Keys.NETWORK_SUPPORTED, Keys.NETWORK_SPEC, "network", errors);
    section(model, "volumes", Keys.VOLUME_SUPPORTED, Keys.VOLUME_SPEC, "volume", errors);
    section(model, "secrets", Keys.SECRET_SUPPORTED, Keys.FILE_OBJECT_SPEC, "secret", errors);
    section(model, "configs", Keys.CONFIG_SUPPORTED, Keys.FILE_OBJECT_SPEC, "config", errors);
    ComposeModelErrors.throwIfAny(errors);
  }

  private static void section(YMap model, String section, Set<String> keys, Set<String> spec, String what,
      List<ComposeModelException> errors) {
    YNode node = model.get(section);
    if (node == null) {
      return;
    }
    ComposeModelErrors.gather(() -> Nodes.mapOrNull(node, section), errors).ifPresent(entries ->
        entries.entries().forEach((name, entry) -> {
          String path = section + "." + name;
          ComposeModelErrors.gather(() -> KeyCheck.mistakes(Nodes.mapOrNull(entry, path), path, keys, spec, what), errors)
              .ifPresent(errors::addAll);
        }));
  }
}
