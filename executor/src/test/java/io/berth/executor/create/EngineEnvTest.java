package io.berth.executor.create;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineEnvTest {
  @Test
  void anEntryWithoutAValueIsSentAsTheBareNameSoTheEngineUnsetsTheImagesValue() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SET", "1");
    env.put("UNSET", null);
    env.put("EMPTY", "");

    assertThat(ContainerFactory.engineEnv(env)).containsExactly("SET=1", "UNSET", "EMPTY=");
  }
}
