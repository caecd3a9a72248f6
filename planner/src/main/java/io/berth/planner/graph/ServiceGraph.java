package io.berth.planner.graph;

import io.berth.model.diag.ComposeModelException;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.alg.cycle.HawickJamesSimpleCycles;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Services and what they need started first. An edge {@code a -> b} means a depends on b. Built
 * from {@code depends_on} and the implicit dependencies of {@code network_mode}, {@code ipc} and
 * {@code pid} set to {@code service:NAME}, of {@code links} and of {@code volumes_from: SERVICE}.
 */
public final class ServiceGraph {
  private final Graph<String, DefaultEdge> graph;
  private final List<String> order;

  private ServiceGraph(Graph<String, DefaultEdge> graph, List<String> order) {
    this.graph = graph;
    this.order = order;
  }

  /**
   * Builds the graph of a project.
   *
   * @throws ComposeModelException naming the whole cycle when services depend on each other
   */
  public static ServiceGraph of(Project project) {
    Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    project.services().keySet().forEach(g::addVertex);
    for (Service s : project.services().values()) {
      for (String dependency : s.dependsOn().keySet()) {
        if (!g.containsVertex(dependency)) {
          throw new ComposeModelException(s.pos(), "services." + s.name() + ".depends_on",
              "service \"" + s.name() + "\" depends on undefined service \"" + dependency + "\"");
        }
        g.addEdge(s.name(), dependency);
      }
      // Sharing another service's namespaces needs its container first, as a dependency would.
      for (Optional<String> mode : List.of(s.options().networkMode(), s.options().ipc(), s.options().pid())) {
        mode.filter(m -> m.startsWith("service:")).map(m -> m.substring("service:".length()))
            .filter(g::containsVertex)
            .ifPresent(other -> g.addEdge(s.name(), other));
      }
      // Legacy links and volumes_from: the other service's containers must exist first.
      for (String other : s.extras().links().linkedServices()) {
        if (g.containsVertex(other)) {
          g.addEdge(s.name(), other);
        }
      }
      for (String other : s.extras().links().volumesFromServices()) {
        if (g.containsVertex(other)) {
          g.addEdge(s.name(), other);
        }
      }
    }
    if (new CycleDetector<>(g).detectCycles()) {
      throw cycleError(project, g);
    }
    // Dependencies first; among services with no order between them, by name, so plans are stable.
    List<String> order = new ArrayList<>();
    new TopologicalOrderIterator<>(reversed(g), Comparator.<String>naturalOrder()).forEachRemaining(order::add);
    return new ServiceGraph(g, List.copyOf(order));
  }

  /** Every service, each after all of its dependencies; ties broken by name. */
  public List<String> startOrder() {
    return order;
  }

  /** The services {@code service} depends on directly, sorted. */
  public Set<String> dependencies(String service) {
    Set<String> out = new TreeSet<>();
    graph.outgoingEdgesOf(service).forEach(e -> out.add(graph.getEdgeTarget(e)));
    return out;
  }

  /** The services that depend directly on {@code service}, sorted. */
  public Set<String> dependents(String service) {
    Set<String> out = new TreeSet<>();
    graph.incomingEdgesOf(service).forEach(e -> out.add(graph.getEdgeSource(e)));
    return out;
  }

  public boolean contains(String service) {
    return graph.containsVertex(service);
  }

  /** The given services and everything they depend on, transitively, in start order. */
  public List<String> withDependencies(Set<String> services) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(services);
    while (!todo.isEmpty()) {
      String s = todo.pop();
      if (seen.add(s)) {
        todo.addAll(dependencies(s));
      }
    }
    return order.stream().filter(seen::contains).toList();
  }

  private static Graph<String, DefaultEdge> reversed(Graph<String, DefaultEdge> g) {
    Graph<String, DefaultEdge> r = new DefaultDirectedGraph<>(DefaultEdge.class);
    g.vertexSet().forEach(r::addVertex);
    g.edgeSet().forEach(e -> r.addEdge(g.getEdgeTarget(e), g.getEdgeSource(e)));
    return r;
  }

  private static ComposeModelException cycleError(Project project, Graph<String, DefaultEdge> g) {
    // Report one cycle, rotated to start at its smallest name, so the message is the same every run.
    List<String> cycle = new HawickJamesSimpleCycles<>(g).findSimpleCycles().stream()
        .map(ServiceGraph::rotateToSmallest)
        .min(Comparator.<List<String>>comparingInt(List::size).thenComparing(Object::toString))
        .orElseThrow();
    StringBuilder text = new StringBuilder("dependency cycle detected: ");
    for (String s : cycle) {
      text.append(s).append(" -> ");
    }
    text.append(cycle.get(0));
    Service first = project.service(cycle.get(0));
    return new ComposeModelException(first.pos(), "services." + first.name() + ".depends_on", text.toString());
  }

  private static List<String> rotateToSmallest(List<String> cycle) {
    int start = cycle.indexOf(cycle.stream().min(Comparator.naturalOrder()).orElseThrow());
    List<String> out = new ArrayList<>(cycle.subList(start, cycle.size()));
    out.addAll(cycle.subList(0, start));
    return out;
  }
}
