package io.berth.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The figures docker stats prints, as go-units and Go's %g write them. */
class GoUnitsTest {
  @Test
  void binarySizesHaveFourSignificantDigits() {
    assertThat(GoUnits.binary(0)).isEqualTo("0B");
    assertThat(GoUnits.binary(1000)).isEqualTo("1000B");
    assertThat(GoUnits.binary(1024)).isEqualTo("1KiB");
    assertThat(GoUnits.binary(1183744)).isEqualTo("1.129MiB");
    assertThat(GoUnits.binary(25275613184.0)).isEqualTo("23.54GiB");
    assertThat(GoUnits.binary(1536)).isEqualTo("1.5KiB");
  }

  @Test
  void decimalSizesHaveThreeAndTurnToAnExponentAtAThousand() {
    assertThat(GoUnits.decimal(486)).isEqualTo("486B");
    assertThat(GoUnits.decimal(1234)).isEqualTo("1.23kB");
    assertThat(GoUnits.decimal(100_000)).isEqualTo("100kB");
    assertThat(GoUnits.decimal(999_700)).isEqualTo("1e+03kB");
    assertThat(GoUnits.decimal(12_345_678)).isEqualTo("12.3MB");
  }

  @Test
  void percentagesHaveTwoDecimals() {
    assertThat(GoUnits.percent(0)).isEqualTo("0.00%");
    assertThat(GoUnits.percent(12.3456)).isEqualTo("12.35%");
    assertThat(GoUnits.percent(100)).isEqualTo("100.00%");
  }

  @Test
  void smallValuesUseGosExponentForm() {
    assertThat(GoUnits.g(0.00001234, 3)).isEqualTo("1.23e-05");
    assertThat(GoUnits.g(0.001234, 3)).isEqualTo("0.00123");
  }
}
