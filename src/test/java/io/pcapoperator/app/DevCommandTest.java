package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, as a user runs it: the samples succeed, and Prometheus can scrape.
 */
class DevCommandTest {

  @Test
  void samplesSucceedAndTheRunningDevCommandServesMetrics() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    List.of("dev", "--http-port", Integer.toString(port)),
                    Map.of(),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest scrape =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();

    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body())
                    .contains(
                        "pcap_operator_remote_requests_total{endpoint=\"create\",status=\"200\"}")
                    .contains("pcap_operator_captures{phase=")
                    .contains("pcap_operator_api_budget_remaining")
                    .contains("pcap_operator_queue_depth"));

    assertThat(exit.get(2, TimeUnit.MINUTES)).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("applied 3 PacketCaptures from config/samples")
        .contains("default/ord-full-capture")
        .contains("Queued")
        .containsPattern("done: 3 of 3 captures succeeded; \\d+ requests to the Cloudflare API");
  }
}
