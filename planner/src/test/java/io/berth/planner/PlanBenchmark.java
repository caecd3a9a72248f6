package io.berth.planner;

import io.berth.model.hash.ConfigHash;
import io.berth.model.spec.Dependency;
import io.berth.model.spec.Project;
import io.berth.model.spec.Service;
import io.berth.planner.observed.ObservedContainer;
import io.berth.planner.observed.ObservedState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Planning 1,000 services with a random dependency DAG against an observed state where half the
 * containers match and half are stale or missing. Prints the median and the spread of the
 * measured runs after warm-up. Run by bench/plan.sh; not a test.
 */
public final class PlanBenchmark {
  private PlanBenchmark() {}

  public static void main(String[] args) {
    int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Random r = new Random(42);
    List<Service> all = new ArrayList<>();
    for (int i = 0; i < services; i++) {
      Map<String, Dependency> deps = new LinkedHashMap<>();
      for (int k = 0; k < 3 && i > 0; k++) {
        deps.put("s" + r.nextInt(i), Dependency.started());
      }
      all.add(Fixtures.withEnvironment(Fixtures.service("s" + i), "N", Integer.toString(i)).withDependsOn(deps));
    }
    Project project = Fixtures.project(all.toArray(Service[]::new));
    List<ObservedContainer> observed = new ArrayList<>();
    for (Service s : all) {
      int roll = r.nextInt(4);
      if (roll < 2) {
        observed.add(Fixtures.containerOf(s.name(), 1, "running", ConfigHash.of(s)));
      } else if (roll == 2) {
        observed.add(Fixtures.containerOf(s.name(), 1, "running", "stale"));
      }
    }
    ObservedState state = new ObservedState(project.name(), observed, List.of(Fixtures.defaultNetwork()), List.of());

    for (int i = 0; i < 20; i++) {
      Reconciler.reconcile(project, state, UpOptions.defaults());
    }
    double[] millis = new double[runs];
    int nodes = 0;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      nodes = Reconciler.reconcile(project, state, UpOptions.defaults()).nodes().size();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    System.out.printf("plan %d services (%d plan nodes): median %.1f ms, min %.1f ms, max %.1f ms over %d runs after 20 warm-up%n",
        services, nodes, millis[runs / 2], millis[0], millis[runs - 1], runs);
  }
}
