package io.berth.executor;

import com.fasterxml.jackson.core.JsonParser;
import io.berth.executor.engine.Background;
import io.berth.executor.engine.EngineReads;
import io.berth.planner.labels.Labels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code stats}: one sample of the resource use of the project's containers, read as the docker
 * CLI reads it ({@code GET /containers/{id}/stats?stream=false}, whose answer carries the sample
 * before it, so that the CPU share is over a real interval) and reduced to its figures.
 */
public final class Stats {
  private final EngineSession session;

  public Stats(EngineSession session) {
    this.session = session;
  }

  /**
   * One container's use, as the docker CLI computes it: memory without the inactive page cache,
   * network and block I/O summed over interfaces and devices.
   */
  public record Sample(String id, String name, double cpuPercent, double memory, double memoryLimit, double memoryPercent,
      double networkRx, double networkTx, double blockRead, double blockWrite, long pids) {}

  /**
   * @param service only this service's containers, when given
   * @param all stopped containers too, whose figures are all zero
   */
  public List<Sample> sample(String project, Optional<String> service, boolean all) {
    EngineReads engine = new EngineReads(session.engine().client());
    List<String> labels = new ArrayList<>(List.of(Labels.PROJECT + "=" + project));
    service.ifPresent(s -> labels.add(Labels.SERVICE + "=" + s));
    List<String> ids = engine.get("/containers/json" + (all ? "?all=1" : ""), Map.of("label", labels),
        json -> EngineReads.array(json, Stats::idOf)).orElse(List.of());
    // Each answer takes the Engine a second or more (it waits for a second sample); ask for all at once.
    List<Background<Optional<Sample>>> pending = ids.stream()
        .map(id -> Background.start("stats", () -> engine.get("/containers/" + id + "/stats?stream=false", Map.of(), Stats::sample)))
        .toList();
    return pending.stream().map(Background::join).flatMap(Optional::stream)
        .sorted(Comparator.comparing(Sample::name))
        .toList();
  }

  private static String idOf(JsonParser json) throws IOException {
    StringBuilder id = new StringBuilder();
    EngineReads.object(json, (field, value) -> {
      if (field.equals("Id")) {
        id.append(EngineReads.text(value));
      } else {
        value.skipChildren();
      }
    });
    return id.toString();
  }

  /** The figures of one answer, named as the Engine names them. */
  private static Sample sample(JsonParser json) throws IOException {
    var s = new Object() {
      String id = "";
      String name = "";
      Cpu cpu = new Cpu();
      Cpu precpu = new Cpu();
      double usage;
      double limit;
      double inactiveV1 = -1;
      double inactiveV2;
      double rx;
      double tx;
      double read;
      double write;
      long pids;
    };
    EngineReads.object(json, (field, value) -> {
      switch (field) {
        case "id" -> s.id = EngineReads.text(value);
        case "name" -> s.name = EngineReads.text(value);
        case "cpu_stats" -> s.cpu = cpu(value);
        case "precpu_stats" -> s.precpu = cpu(value);
        case "memory_stats" -> EngineReads.object(value, (f, v) -> {
          switch (f) {
            case "usage" -> s.usage = number(v);
            case "limit" -> s.limit = number(v);
            case "stats" -> EngineReads.object(v, (stat, n) -> {
              switch (stat) {
                case "total_inactive_file" -> s.inactiveV1 = number(n);
                case "inactive_file" -> s.inactiveV2 = number(n);
                default -> n.skipChildren();
              }
            });
            default -> v.skipChildren();
          }
        });
        case "networks" -> EngineReads.object(value, (iface, v) -> EngineReads.object(v, (f, n) -> {
          switch (f) {
            case "rx_bytes" -> s.rx += number(n);
            case "tx_bytes" -> s.tx += number(n);
            default -> n.skipChildren();
          }
        }));
        case "blkio_stats" -> EngineReads.object(value, (f, v) -> {
          if (f.equals("io_service_bytes_recursive")) {
            for (double[] io : EngineReads.array(v, Stats::blockIo)) {
              s.read += io[0];
              s.write += io[1];
            }
          } else {
            v.skipChildren();
          }
        });
        case "pids_stats" -> EngineReads.object(value, (f, v) -> {
          if (f.equals("current")) {
            s.pids = (long) number(v);
          } else {
            v.skipChildren();
          }
        });
        default -> value.skipChildren();
      }
    });
    double cpuDelta = s.cpu.total - s.precpu.total;
    double systemDelta = s.cpu.system - s.precpu.system;
    double cpus = s.cpu.online > 0 ? s.cpu.online : s.cpu.perCpu;
    double cpuPercent = systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * cpus * 100 : 0;
    // cgroup v1 names the page cache total_inactive_file, v2 inactive_file; either is left out of use.
    double memory;
    if (s.inactiveV1 >= 0 && s.inactiveV1 < s.usage) {
      memory = s.usage - s.inactiveV1;
    } else if (s.inactiveV2 < s.usage) {
      memory = s.usage - s.inactiveV2;
    } else {
      memory = s.usage;
    }
    double memoryPercent = s.limit != 0 ? memory / s.limit * 100 : 0;
    String name = s.name.startsWith("/") ? s.name.substring(1) : s.name;
    return new Sample(s.id, name, cpuPercent, memory, s.limit, memoryPercent, s.rx, s.tx, s.read, s.write, s.pids);
  }

  private static final class Cpu {
    double total;
    double system;
    double online;
    double perCpu;
  }

  private static Cpu cpu(JsonParser json) throws IOException {
    Cpu cpu = new Cpu();
    EngineReads.object(json, (field, value) -> {
      switch (field) {
        case "cpu_usage" -> EngineReads.object(value, (f, v) -> {
          switch (f) {
            case "total_usage" -> cpu.total = number(v);
            case "percpu_usage" -> cpu.perCpu = EngineReads.array(v, Stats::number).size();
            default -> v.skipChildren();
          }
        });
        case "system_cpu_usage" -> cpu.system = number(value);
        case "online_cpus" -> cpu.online = number(value);
        default -> value.skipChildren();
      }
    });
    return cpu;
  }

  /** One device's bytes: {read, written}. */
  private static double[] blockIo(JsonParser json) throws IOException {
    var io = new Object() {
      String op = "";
      double value;
    };
    EngineReads.object(json, (field, value) -> {
      switch (field) {
        case "op" -> io.op = EngineReads.text(value);
        case "value" -> io.value = number(value);
        default -> value.skipChildren();
      }
    });
    char op = io.op.isEmpty() ? ' ' : Character.toLowerCase(io.op.charAt(0));
    return new double[] {op == 'r' ? io.value : 0, op == 'w' ? io.value : 0};
  }

  private static double number(JsonParser json) throws IOException {
    if (json.currentToken().isNumeric()) {
      return json.getValueAsDouble();
    }
    json.skipChildren();
    return 0;
  }
}
