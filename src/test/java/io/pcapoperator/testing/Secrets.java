package io.pcapoperator.testing;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** Credentials Secrets for tests and benchmarks. */
public final class Secrets {
  private Secrets() {}

  /** Creates Secret {@code namespace/name} with key {@code apiToken}. */
  public static void createToken(
      KubernetesClient client, String namespace, String name, String token) {
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withStringData(Map.of("apiToken", token))
                .build())
        .create();
  }
}
