package io.pcapoperator.plugin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A Secret the user may not read, which the embedded Kubernetes API (one user who may do
 * everything) cannot express: an API server that forbids every request stands in for RBAC.
 */
class SecretCredentialsTest {
  private static final String FORBIDDEN =
      """
      {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,
       "message":"secrets \\"cloudflare-api\\" is forbidden: User \\"alice\\" cannot get resource \
      \\"secrets\\" in API group \\"\\" in the namespace \\"netops\\""}
      """;

  @Test
  void aSecretTheUserMayNotReadStopsTheDownloadWithTheServersReason() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body = FORBIDDEN.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .withRequestRetryBackoffLimit(0)
            .build();
    try (Cluster cluster =
        new Cluster(new KubernetesClientBuilder().withConfig(config).build(), "netops")) {
      assertThatThrownBy(() -> SecretCredentials.read(cluster, "cloudflare-api"))
          .isInstanceOf(PluginFailure.class)
          .hasMessage(
              "cannot read Secret netops/cloudflare-api: secrets \"cloudflare-api\" is forbidden:"
                  + " User \"alice\" cannot get resource \"secrets\" in API group \"\" in the"
                  + " namespace \"netops\"; downloading a capture needs permission to get its"
                  + " credentials Secret");
    } finally {
      server.stop(0);
    }
  }
}
