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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a user runs it: the samples succeed, and Prometheus can scrape.
 */
class DevCommandTest {

  @Test
  void samplesSucceedAndTheRunningDevCommandServesMetrics(@TempDir Path tmp) throws Exception {
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
                    List.of(
                        "dev",
                        "--http-port",
                        Integer.toString(port),
                        "--kube-port",
                        "0",
                        "--kubeconfig",
                        tmp.resolve("kubeconfig").toString(),
                        "--exit-when-done",
                        "true"),
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
        .contains("applied 3 PacketCaptures from config/samples to namespace pcap-demo")
        .contains("pcap-demo/ord-full-capture")
        .contains("Queued")
        .containsPattern("done: 3 of 3 captures succeeded; \\d+ requests to the Cloudflare API");
  }

  @Test
  void runsUntilStoppedWithAKubeconfigForKubectl(@TempDir Path tmp) throws Exception {
    Path kubeconfig = tmp.resolve("dev/kubeconfig");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CountDownLatch stop = new CountDownLatch(1);
    DevCommand dev =
        new DevCommand(
            Options.parse(
                List.of("--kube-port", "0", "--kubeconfig", kubeconfig.toString()),
                DevCommand.FLAGS,
                Map.of()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            stop);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return dev.call();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> out.toString(StandardCharsets.UTF_8).contains("Press Ctrl-C to stop"));
    assertThat(Files.readString(kubeconfig))
        .contains("server: https://127.0.0.1:")
        .contains("certificate-authority-data: ")
        .contains("namespace: pcap-demo");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("export KUBECONFIG=" + kubeconfig.toAbsolutePath())
        .contains("kubectl get pcap -w")
        .contains("Namespace pcap-demo has the Secret cloudflare-api")
        .contains("kubectl delete pcap ord-full-capture")
        .doesNotContain("kubectl create secret");
    assertThat(exit).isNotDone();

    stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void withoutSamplesTheBannerSaysHowToCreateTheSecret(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CountDownLatch stop = new CountDownLatch(1);
    DevCommand dev =
        new DevCommand(
            Options.parse(
                List.of(
                    "--samples",
                    "none",
                    "--simulator-token",
                    "my-token",
                    "--kube-port",
                    "0",
                    "--kubeconfig",
                    tmp.resolve("kubeconfig").toString()),
                DevCommand.FLAGS,
                Map.of()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            stop);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return dev.call();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> out.toString(StandardCharsets.UTF_8).contains("Press Ctrl-C to stop"));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .doesNotContain("has the Secret")
        .contains("Namespace pcap-demo has no Secret yet")
        .contains("kubectl create secret generic cloudflare-api --from-literal=apiToken=my-token")
        .doesNotContain("ord-full-capture");

    stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }
}
