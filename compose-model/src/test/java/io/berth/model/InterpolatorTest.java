package io.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.interp.InterpolationException;
import io.berth.model.interp.Interpolator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterpolatorTest {
  private static final Map<String, String> ENV = Map.of("FOO", "first", "EMPTY", "", "A", "a");
  private final List<String> warnings = new ArrayList<>();
  private final Interpolator interpolator = new Interpolator(k -> Optional.ofNullable(ENV.get(k)), warnings::add);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "$FOO | first",
      "${FOO} | first",
      "$FOO-bar | first-bar",
      "$$FOO | $FOO",
      "$${FOO} | ${FOO}",
      "${UNSET:-def} | def",
      "${EMPTY:-def} | def",
      "${EMPTY-def} | ``",
      "${UNSET-def} | def",
      "${FOO:-def} | first",
      "${EMPTY?msg} | ``",
      "${FOO:+rep} | rep",
      "${EMPTY:+rep} | ``",
      "${EMPTY+rep} | rep",
      "${UNSET+rep} | ``",
      "${UNSET-${FOO} ${FOO}} | first first",
      "${BAR:-/non:-alphanumeric} | /non:-alphanumeric",
      "${X-a:-b} | a:-b",
      "${UNSET-myerror?msg} | myerror?msg",
      "`${missing:-{\"json\":1}}` | `{\"json\":1}`",
      "${A:+${A},}B | a,B",
      "a $ b | a $ b",
      "^REGEX$ | ^REGEX$",
      "$1 | $1",
      "no dollar | no dollar",
  })
  void interpolates(String template, String expected) {
    assertThat(interpolator.interpolate(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"${", "${}", "${ }", "${ foo}", "${foo }", "${foo!}", "${FOO"})
  void malformedBracesAreErrors(String template) {
    assertThatThrownBy(() -> interpolator.interpolate(template))
        .isInstanceOf(InterpolationException.class)
        .hasMessageContaining("invalid interpolation format");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "${UNSET:?custom} | required variable UNSET is missing a value: custom",
      "${EMPTY:?} | required variable EMPTY is missing a value",
      "${UNSET?bar-baz} | required variable UNSET is missing a value: bar-baz",
  })
  void requiredVariables(String template, String message) {
    assertThatThrownBy(() -> interpolator.interpolate(template)).hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void unsetVariableWarnsAndDefaultsToBlankButAnUnusedBranchDoesNot() {
    assertThat(interpolator.interpolate("x${NOPE}y")).isEqualTo("xy");
    assertThat(interpolator.interpolate("${UNSET:+${ALSO_UNSET}}")).isEmpty();
    assertThat(warnings).containsExactly("The \"NOPE\" variable is not set. Defaulting to a blank string.");
  }
}
