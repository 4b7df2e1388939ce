package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.CaptureArtifact;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.storage.ObjectStore;
import io.pcapoperator.storage.S3ObjectStore;
import io.pcapoperator.storage.StorageCredentials;
import io.pcapoperator.storage.StorageException;
import io.pcapoperator.storage.StorageTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a user runs it: the samples succeed, and Prometheus can scrape.
 */
class DevCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CountDownLatch stop = new CountDownLatch(1);

  @Test
  void samplesSucceedAndTheRunningDevCommandServesMetrics(@TempDir Path tmp) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    List.of(
                        "dev",
                        "--http-port",
                        Integer.toString(port),
                        "--s3-port",
                        "0",
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
    CompletableFuture<Integer> exit =
        startDev("--s3-port", "0", "--kube-port", "0", "--kubeconfig", kubeconfig.toString());

    awaitReady();
    assertThat(Files.readString(kubeconfig))
        .contains("server: https://127.0.0.1:")
        .contains("certificate-authority-data: ")
        .contains("namespace: pcap-demo");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("export KUBECONFIG=" + kubeconfig.toAbsolutePath())
        .contains("kubectl get pcap -w")
        .contains("Namespace pcap-demo has the Secret cloudflare-api")
        .contains("kubectl delete pcap ord-full-capture")
        .contains("kubectl pcap download ord-full-capture --s3-endpoint http://127.0.0.1:")
        .contains(
            "kubectl create secret generic cloudflare-api-key --from-literal=apiKey=dev-api-key"
                + " --from-literal=email=dev@example.com")
        .doesNotContain("--from-literal=apiToken")
        .containsPattern("S3 at http://127\\.0\\.0\\.1:\\d+, metrics at")
        .contains("credentialsSecretRef: {name: pcap-demo-s3}");
    assertTheS3ServerTakesTheKeysOfItsSecretAndNoOthers(kubeconfig);
    assertThat(exit).isNotDone();

    stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void withoutSamplesTheBannerSaysHowToCreateTheSecret(@TempDir Path tmp) throws Exception {
    CompletableFuture<Integer> exit =
        startDev(
            "--samples",
            "none",
            "--simulator-token",
            "my-token",
            "--s3-port",
            "0",
            "--kube-port",
            "0",
            "--kubeconfig",
            tmp.resolve("kubeconfig").toString());

    awaitReady();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .doesNotContain("has the Secret")
        .contains("Namespace pcap-demo has no Secret yet")
        .contains("kubectl create secret generic cloudflare-api --from-literal=apiToken=my-token")
        .doesNotContain("ord-full-capture");

    stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void aCaptureWithTheApiKeyAndEmailOfTheFlagsSucceeds(@TempDir Path tmp) throws Exception {
    Path kubeconfig = tmp.resolve("kubeconfig");
    CompletableFuture<Integer> exit =
        startDev(
            "--samples",
            "none",
            "--simulator-api-key",
            "key-123",
            "--simulator-email",
            "netops@example.com",
            "--s3-port",
            "0",
            "--kube-port",
            "0",
            "--kubeconfig",
            kubeconfig.toString());

    awaitReady();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "kubectl create secret generic cloudflare-api --from-literal=apiKey=key-123"
                + " --from-literal=email=netops@example.com");
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
            .build()) {
      client
          .secrets()
          .inNamespace("pcap-demo")
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("cloudflare-api")
                  .endMetadata()
                  .withStringData(Map.of("apiKey", "key-123", "email", "netops@example.com"))
                  .build())
          .create();
      PacketCapture capture = OperatorHarness.simple("with-api-key");
      capture.getMetadata().setNamespace("pcap-demo");
      client.resource(capture).create();

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                PacketCapture c =
                    client
                        .resources(PacketCapture.class)
                        .inNamespace("pcap-demo")
                        .withName("with-api-key")
                        .get();
                return c.getStatus() != null && c.getStatus().getPhase() == CapturePhase.Succeeded;
              });
    }

    stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void faultFlagsSetTheSimulatorsFaultsAtStart(@TempDir Path tmp) throws Exception {
    int simulatorPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      simulatorPort = socket.getLocalPort();
    }
    CompletableFuture<Integer> exit =
        startDev(
            "--samples",
            "none",
            "--fault-error-rate",
            "1",
            "--fault-error-status",
            "500",
            "--simulator-port",
            Integer.toString(simulatorPort),
            "--s3-port",
            "0",
            "--kube-port",
            "0",
            "--kubeconfig",
            tmp.resolve("kubeconfig").toString());

    awaitReady();
    HttpResponse<String> list =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + simulatorPort
                                + "/client/v4/accounts/"
                                + OperatorHarness.ACCOUNT
                                + "/pcaps"))
                    .header("Authorization", "Bearer dev-token")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(500);

    stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void anInterruptedCommandExitsWith130(@TempDir Path tmp) throws Exception {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread dev =
        new Thread(
            () ->
                exit.complete(
                    Main.execute(
                        List.of(
                            "dev",
                            "--samples",
                            "none",
                            "--s3-port",
                            "0",
                            "--kube-port",
                            "0",
                            "--kubeconfig",
                            tmp.resolve("kubeconfig").toString()),
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        stop)));
    dev.start();

    awaitReady();
    // Interrupted once it waits to be stopped, as a Ctrl-C finds it.
    await().atMost(Duration.ofSeconds(10)).until(() -> dev.getState() == Thread.State.WAITING);
    dev.interrupt();

    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(130);
  }

  @Test
  void theSampleFullCaptureWaitsForItsBucketThenLeavesTheFileItsStatusNamesInIt(@TempDir Path tmp)
      throws Exception {
    Path kubeconfig = tmp.resolve("kubeconfig");
    CompletableFuture<Integer> exit =
        startDev("--s3-port", "0", "--kube-port", "0", "--kubeconfig", kubeconfig.toString());

    awaitReady();
    try (KubernetesClient client = client(kubeconfig);
        ObjectStore store = new S3ObjectStore()) {
      PacketCapture full =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () ->
                      client
                          .resources(PacketCapture.class)
                          .inNamespace("pcap-demo")
                          .withName("ord-full-capture")
                          .get(),
                  c ->
                      c.getStatus() != null
                          && c.getStatus().getPhase() == CapturePhase.Succeeded
                          && c.getStatus().getArtifact() != null);
      CaptureArtifact artifact = full.getStatus().getArtifact();
      assertThat(artifact.getLocation()).isEqualTo("s3://pcap-demo/full?region=us-east-1");
      assertThat(artifact.getFiles()).containsExactly("pcap_" + full.getStatus().getId() + ".pcap");
      StorageTarget target =
          StorageTarget.of(s3Endpoint(), null, "pcap-demo", null, storageCredentials(client));
      assertThat(store.size(target, "full/" + artifact.getFiles().get(0)).orElse(0))
          .as("bytes of the file the status names")
          .isGreaterThan(24);
      PcapBucket bucket =
          client.resources(PcapBucket.class).inNamespace("pcap-demo").withName("my-pcaps").get();
      assertThat(bucket.phase())
          .as("validated with no human step")
          .isEqualTo(BucketPhase.Validated);
      assertThat(Instant.parse(full.getStatus().getSubmitted()))
          .as("the full capture was sent only once its bucket was validated")
          .isAfterOrEqualTo(Instant.parse(bucket.getStatus().getValidatedAt()));
    }

    stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  /** The Secret dev made holds keys the S3 server takes for its bucket; other keys are refused. */
  private void assertTheS3ServerTakesTheKeysOfItsSecretAndNoOthers(Path kubeconfig)
      throws Exception {
    StorageCredentials secret;
    try (KubernetesClient client = client(kubeconfig)) {
      secret = storageCredentials(client);
    }
    StorageCredentials wrong = new StorageCredentials(secret.accessKeyId(), "not-the-secret");
    try (ObjectStore store = new S3ObjectStore()) {
      StorageTarget target = StorageTarget.of(s3Endpoint(), null, "pcap-demo", null, secret);
      store.put(target, "hello.pcap", new byte[] {1, 2, 3}, ObjectStore.PCAP_CONTENT_TYPE);
      assertThat(store.size(target, "hello.pcap")).hasValue(3);

      StorageTarget wrongKeys = StorageTarget.of(s3Endpoint(), null, "pcap-demo", null, wrong);
      assertThatThrownBy(() -> store.size(wrongKeys, "hello.pcap"))
          .isInstanceOfSatisfying(
              StorageException.class, refused -> assertThat(refused.isTransient()).isFalse());
    }
  }

  /** The S3 server's endpoint, as dev's banner names it. */
  private String s3Endpoint() {
    Matcher banner =
        Pattern.compile("S3 at (http://127\\.0\\.0\\.1:\\d+)")
            .matcher(out.toString(StandardCharsets.UTF_8));
    assertThat(banner.find()).isTrue();
    return banner.group(1);
  }

  private static KubernetesClient client(Path kubeconfig) throws IOException {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
        .build();
  }

  /** The keys in the Secret dev made for the S3 server. */
  private static StorageCredentials storageCredentials(KubernetesClient client) {
    Map<String, String> keys =
        client.secrets().inNamespace("pcap-demo").withName("pcap-demo-s3").get().getData();
    return new StorageCredentials(
        decode(keys.get("accessKeyId")), decode(keys.get("secretAccessKey")));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private CompletableFuture<Integer> startDev(String... flags) {
    List<String> args = new ArrayList<>(List.of("dev"));
    args.addAll(List.of(flags));
    return CompletableFuture.supplyAsync(
        () ->
            Main.execute(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                stop));
  }

  private void awaitReady() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                out.toString(StandardCharsets.UTF_8).contains("Press Ctrl-C to stop")
                    || !err.toString(StandardCharsets.UTF_8).isEmpty());
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
