package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What Prometheus and the kubelet see of a running operator. */
class MetricsEndpointTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void scrapeShowsRemoteRequestsPhasesAndReconciliationsWithoutPerResourceLabels()
      throws Exception {
    try (OperatorHarness harness = OperatorHarness.start();
        OperatorHttpServer server =
            OperatorHttpServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                harness.registry,
                harness.operator()::isStarted,
                harness.operator()::isHealthy)) {
      harness.createTokenSecret("dev-token");
      harness.apply(OperatorHarness.simple("scraped"));
      harness.awaitPhase("scraped", CapturePhase.Succeeded);

      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(get(server.port(), "/metrics").body())
                      .contains(
                          "pcap_operator_remote_requests_total{endpoint=\"create\",status=\"200\"} 1.0")
                      .contains("pcap_operator_captures{phase=\"Succeeded\"} 1.0")
                      .contains("pcap_operator_captures{phase=\"Running\"} 0.0")
                      .contains("pcap_operator_queue_depth 0.0")
                      .contains("pcap_operator_queue_wait_seconds_count 1")
                      .containsPattern("pcap_operator_api_budget_remaining 10[0-9]\\.0")
                      .contains(
                          "pcap_operator_remote_request_duration_seconds_count{endpoint=\"get\"}")
                      .contains("operator_sdk_"));
      String scrape = get(server.port(), "/metrics").body();
      assertThat(scrape).doesNotContain("scraped").doesNotContain("dev-token");
      assertThat(get(server.port(), "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(server.port(), "/readyz").statusCode()).isEqualTo(200);

      harness.stopOperator();
      assertThat(get(server.port(), "/healthz").statusCode()).isEqualTo(503);
      assertThat(get(server.port(), "/readyz").statusCode()).isEqualTo(503);
    }
  }
}
