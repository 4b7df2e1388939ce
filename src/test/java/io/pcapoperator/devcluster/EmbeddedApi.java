package io.pcapoperator.devcluster;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that gives each test a fresh embedded Kubernetes API, with the PacketCapture
 * CRD installed, and a raw HTTP client of it; both are closed after the test.
 */
final class EmbeddedApi implements BeforeEachCallback, AfterEachCallback {
  private EmbeddedKubernetes kube;
  private RawApi api;

  @Override
  public void beforeEach(ExtensionContext context) {
    kube = EmbeddedKubernetes.start(0);
    api = new RawApi(kube.url());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    kube.close();
  }

  /** The running API. */
  EmbeddedKubernetes kube() {
    return kube;
  }

  /** A raw HTTP client of it. */
  RawApi api() {
    return api;
  }
}
