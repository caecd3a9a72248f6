package io.berth.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyManagementException;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class DeferredSslContextTest {
  @Test
  void usedItIsTheJvmsDefaultContext() throws Exception {
    SSLContext deferred = new DeferredSslContext();

    assertThat(deferred.getSocketFactory().getDefaultCipherSuites())
        .containsExactly(SSLContext.getDefault().getSocketFactory().getDefaultCipherSuites());
    assertThat(deferred.getClientSessionContext()).isSameAs(SSLContext.getDefault().getClientSessionContext());
    assertThat(deferred.createSSLEngine("engine.example", 2376).getPeerHost()).isEqualTo("engine.example");
  }

  @Test
  void itCannotBeInitializedWithOtherKeysAsTheDefaultCannot() {
    assertThatThrownBy(() -> new DeferredSslContext().init(null, null, null)).isInstanceOf(KeyManagementException.class);
  }
}
