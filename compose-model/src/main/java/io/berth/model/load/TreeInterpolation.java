package io.berth.model.load;

import io.berth.model.diag.ComposeModelErrors;
import io.berth.model.diag.ComposeModelException;
import io.berth.model.interp.InterpolationException;
import io.berth.model.interp.Interpolator;
import io.berth.model.yaml.Scalars;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interpolates every string value of one file's tree, before files are merged, as compose does,
 * then casts the strings at compose-go's numeric and boolean paths ({@link TypeCasts}). Keys are
 * never interpolated; numbers, booleans and nulls written as such are left alone.
 */
final class TreeInterpolation {
  private TreeInterpolation() {}

  static YNode apply(YNode node, Interpolator interpolator, String path) {
    if (interpolator == null) {
      return node; // config --no-interpolate
    }
    // Every value is tried, so that one run reports every unset required variable.
    List<ComposeModelException> errors = new ArrayList<>();
    YNode out = apply(node, interpolator, path, new ArrayList<>(), errors);
    ComposeModelErrors.throwIfAny(errors);
    return out;
  }

  /** @param keys the keys from the top down to {@code node}, {@code []} for a list index */
  private static YNode apply(YNode node, Interpolator interpolator, String path, List<String> keys,
      List<ComposeModelException> errors) {
    if (node instanceof YScalar s) {
      if (s.plain() && !(Scalars.resolve(s) instanceof String)) {
        return s;
      }
      String value;
      try {
        value = interpolator.interpolate(s.value());
      } catch (InterpolationException e) {
        errors.add(new ComposeModelException(s.pos(), path, e.getMessage()));
        return s;
      }
      return ComposeModelErrors.gather(() -> TypeCasts.cast(keys, value, s, path, interpolator::warn)
          .map(YNode.class::cast)
          .orElseGet(() -> value.equals(s.value()) ? s : new YScalar(value, false, s.pos())), errors).orElse(s);
    }
    if (node instanceof YSeq seq) {
      List<YNode> items = new ArrayList<>();
      for (int i = 0; i < seq.items().size(); i++) {
        keys.add("[]");
        items.add(apply(seq.items().get(i), interpolator, path + "[" + i + "]", keys, errors));
        keys.remove(keys.size() - 1);
      }
      return new YSeq(items, seq.pos());
    }
    YMap map = (YMap) node;
    Map<String, YNode> entries = new LinkedHashMap<>();
    map.entries().forEach((k, v) -> {
      keys.add(k);
      entries.put(k, apply(v, interpolator, path.isEmpty() ? k : path + "." + k, keys, errors));
      keys.remove(keys.size() - 1);
    });
    return new YMap(entries, map.keyPos(), map.pos());
  }
}
