package io.berth.planner.plan;

import java.util.List;

/**
 * One action in a plan, with the actions it waits for.
 *
 * @param id 1-based, unique in the plan; a node only depends on nodes with smaller ids
 * @param resourceId what it acts on: {@code service:web:1}, {@code network:default}, {@code volume:data}
 * @param cause why it is needed, in words a user reads: {@code not found}, {@code config hash changed}
 * @param dependsOn ids of the nodes that must finish first, ascending
 * @param group the nodes that together make one change a user sees as one step
 *     ({@code recreate:web:1}); empty for a node that stands alone
 */
public record PlanNode(int id, Action action, String resourceId, String cause, List<Integer> dependsOn, String group) {
  public PlanNode {
    dependsOn = dependsOn.stream().distinct().sorted().toList();
    for (int d : dependsOn) {
      if (d >= id) {
        throw new IllegalArgumentException("node #" + id + " depends on later node #" + d);
      }
    }
  }

  /** {@code [1 2] -> #3 service:web:1, CreateContainer, not found}, then {@code [group]} if any. */
  public String render() {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < dependsOn.size(); i++) {
      b.append(i == 0 ? "" : " ").append(dependsOn.get(i));
    }
    b.append("] -> #").append(id).append(' ').append(resourceId).append(", ").append(action.op()).append(", ").append(cause);
    if (!group.isEmpty()) {
      b.append(" [").append(group).append(']');
    }
    return b.toString();
  }
}
