package io.berth.planner.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable DAG of actions, in an order where every node comes after the nodes it depends on.
 * The executor runs it; {@link #render()} is its stable text form for {@code --dry-run} and tests.
 */
public record Plan(List<PlanNode> nodes) {
  public Plan {
    nodes = List.copyOf(nodes);
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).id() != i + 1) {
        throw new IllegalArgumentException("plan node ids must be 1..n in order");
      }
    }
  }

  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  public PlanNode node(int id) {
    return nodes.get(id - 1);
  }

  /** One line per node, each ending in a newline; empty for an empty plan. */
  public String render() {
    StringBuilder b = new StringBuilder();
    for (PlanNode n : nodes) {
      b.append(n.render()).append('\n');
    }
    return b.toString();
  }

  /** Collects nodes in order; {@link #add} returns the id later nodes name as a dependency. */
  public static final class Builder {
    private final List<PlanNode> nodes = new ArrayList<>();

    public int add(Action action, String resourceId, String cause, List<Integer> dependsOn) {
      return add(action, resourceId, cause, dependsOn, "");
    }

    public int add(Action action, String resourceId, String cause, List<Integer> dependsOn, String group) {
      int id = nodes.size() + 1;
      nodes.add(new PlanNode(id, action, resourceId, cause, dependsOn, group));
      return id;
    }

    public Plan build() {
      return new Plan(nodes);
    }
  }
}
