package io.berth.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.berth.model.ComposeLoader;
import io.berth.model.LoadRequest;
import io.berth.model.diag.ComposeModelException;
import io.berth.model.interp.DotEnv;
import io.berth.model.interp.DotEnvException;
import io.berth.model.interp.InterpolationException;
import io.berth.model.interp.Interpolator;
import io.berth.model.spec.Project;
import io.berth.model.yaml.YNode;
import io.berth.model.yaml.YNode.YMap;
import io.berth.model.yaml.YNode.YScalar;
import io.berth.model.yaml.YNode.YSeq;
import io.berth.model.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The interpolation, {@code .env}, type-cast and project-environment tables under
 * {@code src/test/resources/interpolation/}: each row is data (input, environment, expected
 * result or error), so a row can be added without touching code. Rows ported from compose-go's
 * tests say so in the table.
 */
class InterpolationTablesTest {
  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> interpolation() {
    Map<String, Object> table = table("interpolation.yaml");
    Map<String, String> env = strings(table.get("env"));
    return rows(table).map(row -> DynamicTest.dynamicTest(title(row, "in"), () -> {
      Map<String, String> lookup = row.containsKey("env") ? strings(row.get("env")) : env;
      List<String> warnings = new ArrayList<>();
      Interpolator interpolator = new Interpolator(k -> Optional.ofNullable(lookup.get(k)), warnings::add);
      String in = (String) row.get("in");
      if (row.containsKey("error")) {
        Throwable e = catchThrowable(() -> interpolator.interpolate(in));
        assertThat(e).as(in).isInstanceOf(InterpolationException.class).hasMessage((String) row.get("error"));
      } else {
        assertThat(interpolator.interpolate(in)).as(in).isEqualTo(row.get("out"));
      }
      if (row.containsKey("warnings")) {
        assertThat(warnings).as("warnings for %s", in).containsExactlyElementsOf(list(row.get("warnings")));
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> dotEnv() {
    Map<String, Object> table = table("dotenv.yaml");
    return rows(table).map(row -> DynamicTest.dynamicTest(title(row, "in"), () -> {
      Map<String, String> shell = row.containsKey("shell") ? strings(row.get("shell")) : Map.of();
      String in = (String) row.get("in");
      List<String> warnings = new ArrayList<>();
      if (row.containsKey("error")) {
        Throwable e = catchThrowable(() -> DotEnv.parse(in, k -> Optional.ofNullable(shell.get(k)), warnings::add));
        Map<String, Object> error = map(row.get("error"));
        assertThat(e).as(in).isInstanceOf(DotEnvException.class).hasMessage((String) error.get("message"));
        assertThat(((DotEnvException) e).line()).as("line of the error in %s", in).isEqualTo(error.get("line"));
        return;
      }
      Map<String, String> out = DotEnv.parse(in, k -> Optional.ofNullable(shell.get(k)), warnings::add);
      assertThat(new TreeMap<>(out)).as(in).isEqualTo(new TreeMap<>(strings(row.get("out"))));
      if (row.containsKey("warnings")) {
        assertThat(warnings).containsExactlyElementsOf(list(row.get("warnings")));
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> casts() {
    Map<String, Object> table = table("casts.yaml");
    Map<String, String> env = strings(table.get("env"));
    return rows(table).map(row -> DynamicTest.dynamicTest(title(row, "yaml"), () -> {
      String yaml = (String) row.get("yaml");
      List<String> warnings = new ArrayList<>();
      Interpolator interpolator = new Interpolator(k -> Optional.ofNullable(env.get(k)), warnings::add);
      YNode tree = YamlReader.read(dir.resolve("compose.yaml"), yaml).get(0);
      if (row.containsKey("error")) {
        Throwable e = catchThrowable(() -> TreeInterpolation.apply(tree, interpolator, ""));
        assertThat(e).as(yaml).isInstanceOf(ComposeModelException.class);
        assertThat(((ComposeModelException) e).detail()).isEqualTo(row.get("error"));
        assertThat(((ComposeModelException) e).path()).isEqualTo(row.get("path"));
        assertThat(((ComposeModelException) e).pos().line()).isPositive();
        return;
      }
      YNode node = TreeInterpolation.apply(tree, interpolator, "");
      // A dotted path, or a list of keys where a key has a dot in it.
      List<String> keys = row.get("path") instanceof String p ? List.of(p.split("\\.")) : list(row.get("path"));
      for (String key : keys) {
        node = key.matches("\\[[0-9]+]") ? ((YSeq) node).items().get(Integer.parseInt(key.substring(1, key.length() - 1)))
            : ((YMap) node).get(key);
      }
      YScalar scalar = (YScalar) node;
      Map<String, Object> expected = map(row.get("out"));
      assertThat(scalar.value()).as(yaml).isEqualTo(expected.get("text"));
      assertThat(scalar.describe()).as("the type of %s", yaml).isEqualTo(expected.get("type"));
      assertThat(warnings).containsExactlyElementsOf(row.containsKey("warnings") ? list(row.get("warnings")) : List.of());
    }));
  }

  @TestFactory
  Stream<DynamicTest> projectEnvironment() {
    Map<String, Object> table = table("environment.yaml");
    return rows(table).map(row -> DynamicTest.dynamicTest(title(row, "name"), () -> {
      Path root = Files.createTempDirectory(dir, "case");
      for (Map.Entry<String, Object> f : map(row.get("files")).entrySet()) {
        Path file = root.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, (String) f.getValue());
      }
      Map<String, Object> request = row.containsKey("request") ? map(row.get("request")) : Map.of();
      Map<String, String> shell = new LinkedHashMap<>();
      if (request.containsKey("shell")) {
        strings(request.get("shell")).forEach((k, v) -> shell.put(k, v.replace("{root}", root.toString())));
      }
      Path workingDir = root.resolve((String) request.getOrDefault("workingDir", ".")).normalize();
      List<Path> files = InterpolationTablesTest.<String>list(request.get("files")).stream().map(Path::of).toList();
      List<Path> envFiles = InterpolationTablesTest.<String>list(request.get("envFiles")).stream().map(Path::of).toList();
      Optional<Path> projectDirectory = Optional.ofNullable((String) request.get("projectDirectory")).map(root::resolve);
      LoadRequest load = new LoadRequest(workingDir, files, projectDirectory, Optional.ofNullable((String) request.get("projectName")),
          envFiles, shell, list(request.get("profiles")));
      List<String> warnings = new ArrayList<>();
      Map<String, Object> expect = map(row.get("expect"));
      if (expect.containsKey("error")) {
        Throwable e = catchThrowable(() -> ComposeLoader.load(load, warnings::add));
        assertThat(e).isInstanceOf(ComposeModelException.class);
        assertThat(e.getMessage().replace(root.toString(), "{root}")).isEqualTo(expect.get("error"));
        return;
      }
      Project p = ComposeLoader.load(load, warnings::add);
      if (expect.containsKey("project")) {
        assertThat(p.name()).isEqualTo(expect.get("project"));
      }
      if (expect.containsKey("services")) {
        assertThat(p.services().keySet()).containsExactlyInAnyOrderElementsOf(list(expect.get("services")));
      }
      if (expect.containsKey("images")) {
        Map<String, String> images = new TreeMap<>();
        p.services().forEach((name, s) -> images.put(name, s.image().orElse("")));
        Map<String, String> expected = new TreeMap<>();
        strings(expect.get("images")).forEach((k, v) -> expected.put(k, v.replace("{root}", root.toString())));
        assertThat(images).isEqualTo(expected);
      }
      if (expect.containsKey("configFiles")) {
        assertThat(p.configFiles().stream().map(f -> root.relativize(f).toString()).toList())
            .isEqualTo(list(expect.get("configFiles")));
      }
      if (expect.containsKey("env")) {
        map(expect.get("env")).forEach((k, v) -> assertThat(p.environment().get(k)).as("environment " + k)
            .isEqualTo(v == null ? null : ((String) v).replace("{root}", root.toString())));
      }
      if (expect.containsKey("warnings")) {
        assertThat(warnings).containsExactlyElementsOf(list(expect.get("warnings")));
      }
    }));
  }

  // -----------------------------------------------------------------------------------------------

  private static Map<String, Object> table(String name) {
    try (InputStream in = InterpolationTablesTest.class.getResourceAsStream("/interpolation/" + name)) {
      assertThat(in).as(name).isNotNull();
      return map(new Load(LoadSettings.builder().build()).loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Stream<Map<String, Object>> rows(Map<String, Object> table) {
    List<Object> rows = list(table.get("rows"));
    assertThat(rows).isNotEmpty();
    return rows.stream().map(InterpolationTablesTest::map);
  }

  private static String title(Map<String, Object> row, String key) {
    String t = String.valueOf(row.get(key)).replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    return (t.length() > 80 ? t.substring(0, 77) + "..." : t) + (row.containsKey("from") ? "  [" + row.get("from") + "]" : "");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Object o) {
    return o == null ? List.of() : (List<T>) o;
  }

  private static Map<String, String> strings(Object o) {
    Map<String, String> out = new LinkedHashMap<>();
    map(o).forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
    return out;
  }
}
