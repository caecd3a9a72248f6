package io.berth.executor.engine;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JVM's default TLS context, made only when something first uses it. The HTTP client builds a
 * TLS strategy even for a Unix socket, and the default context it would take reads the trusted
 * certificates and sets up every cipher: about a tenth of a second of start-up for a connection
 * that never speaks TLS. Handed this one instead, the client makes the default context only if a
 * TLS connection is ever opened.
 */
final class DeferredSslContext extends SSLContext {
  DeferredSslContext() {
    super(new Deferred(), null, "Default");
  }

  private static final class Deferred extends SSLContextSpi {
    private static SSLContext target() {
      try {
        return SSLContext.getDefault();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("no default TLS context: " + e.getMessage(), e);
      }
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
      throw new KeyManagementException("the default TLS context is initialized by the JVM");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return target().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return target().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return target().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return target().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return target().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return target().getClientSessionContext();
    }
  }
}
