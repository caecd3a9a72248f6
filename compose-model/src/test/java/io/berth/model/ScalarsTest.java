package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.model.diag.SourcePos;
import io.berth.model.yaml.Scalars;
import io.berth.model.yaml.YNode.YScalar;
import org.junit.jupiter.api.Test;

/** go-yaml's resolution, which docker compose uses, not YAML 1.1's. */
class ScalarsTest {
  private static Object plain(String s) {
    return Scalars.resolve(new YScalar(s, true, SourcePos.none()));
  }

  @Test
  void onlyTrueAndFalseAreBooleans() {
    assertThat(plain("true")).isEqualTo(true);
    assertThat(plain("FALSE")).isEqualTo(false);
    assertThat(plain("no")).isEqualTo("no");
    assertThat(plain("on")).isEqualTo("on");
    assertThat(plain("yes")).isEqualTo("yes");
  }

  @Test
  void integersFollowGoBasePrefixes() {
    assertThat(plain("0440")).isEqualTo(288L);
    assertThat(plain("0o440")).isEqualTo(288L);
    assertThat(plain("0x1F")).isEqualTo(31L);
    assertThat(plain("0b101")).isEqualTo(5L);
    assertThat(plain("1_000")).isEqualTo(1000L);
    assertThat(plain("-42")).isEqualTo(-42L);
    assertThat(plain("22:22")).isEqualTo("22:22");
    assertThat(plain("8080:80")).isEqualTo("8080:80");
  }

  @Test
  void nullsFloatsAndQuotedStrings() {
    assertThat(plain("~")).isNull();
    assertThat(plain("")).isNull();
    assertThat(plain("1.5")).isEqualTo(1.5);
    assertThat(Scalars.toText(plain("1.0"))).isEqualTo("1");
    assertThat(Scalars.resolve(new YScalar("80", false, SourcePos.none()))).isEqualTo("80");
  }
}
