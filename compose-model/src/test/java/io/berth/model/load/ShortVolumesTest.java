package io.berth.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.model.spec.Mount;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShortVolumesTest {
  private static Mount parse(String spec) {
    return ShortVolumes.parse(spec, source -> "/project/" + source);
  }

  @Test
  void tellsABindFromANamedAndAnAnonymousVolume() {
    Mount bind = parse("./data:/data:ro,z");
    assertThat(bind.type()).isEqualTo(Mount.Type.BIND);
    assertThat(bind.source()).isEqualTo("/project/./data");
    assertThat(bind.readOnly()).isTrue();
    assertThat(bind.options().selinux()).isEqualTo(Optional.of("z"));

    Mount named = parse("cache:/cache:nocopy");
    assertThat(named.type()).isEqualTo(Mount.Type.VOLUME);
    assertThat(named.source()).isEqualTo("cache");
    assertThat(named.options().noCopy()).isTrue();

    Mount anonymous = parse("/scratch");
    assertThat(anonymous.source()).isEmpty();
    assertThat(anonymous.target()).isEqualTo("/scratch");
  }

  @Test
  void refusesAMissingTargetAndTooManySections() {
    for (String spec : new String[] {"", "./a::/b", "/a:/b:/c:/d"}) {
      assertThatThrownBy(() -> parse(spec)).as(spec).isInstanceOf(ShortVolumes.Invalid.class)
          .hasMessage("invalid volume \"" + spec + "\" (accepted: [SOURCE:]TARGET[:MODE])");
    }
    assertThatThrownBy(() -> parse("./a:b")).hasMessage("the mount target \"b\" must be an absolute path");
  }
}
