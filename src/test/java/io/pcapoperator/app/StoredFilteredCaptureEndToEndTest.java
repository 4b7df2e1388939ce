package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.pcapoperator.api.v1alpha1.CaptureArtifact;
import io.pcapoperator.api.v1alpha1.CaptureFilter;
import io.pcapoperator.api.v1alpha1.CaptureOutput;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.S3Output;
import io.pcapoperator.api.v1alpha1.StorageSecretReference;
import io.pcapoperator.pcapfile.TsharkStatistics;
import io.pcapoperator.simulator.EmbeddedS3;
import io.pcapoperator.simulator.SimulatorConfig;
import io.pcapoperator.storage.S3ObjectStore;
import io.pcapoperator.storage.StorageCredentials;
import io.pcapoperator.storage.StorageTarget;
import io.pcapoperator.testing.Tshark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 12's "done when", end to end: the real operator, the embedded Kubernetes API, the
 * Cloudflare simulator and an embedded S3 server. A simple capture with a filter and {@code
 * spec.output.s3} ends with its artifact and summary recorded; {@code kubectl pcap download}, run
 * by the real kubectl, writes the file whose SHA-256 the status records; the bucket holds the same
 * bytes; tshark reads the file without a word, finds only packets that match the filter, and counts
 * what the summary says. Every log line of the run, at debug level for the operator and the S3
 * client, is free of the S3 secret key and the Cloudflare token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredFilteredCaptureEndToEndTest {
  private static final String TOKEN = "cf-token-4b1d9e7a0c";
  private static final StorageCredentials KEYS =
      new StorageCredentials("pcap-e2e-access-key", "s3-secret-8f2c6a1e5d");
  private static final String BUCKET = "captures";
  private static final String S3_SECRET = "s3-keys";
  private static final String NAME = "https-to-web";
  private static final String FILTER =
      "ip.dst == 203.0.113.7 && tcp.dstport == 443 && ip.proto == 6";
  private static final List<String> LOUDER = List.of("io.pcapoperator", "software.amazon.awssdk");

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Map<String, Level> levelsBefore = new HashMap<>();
  private EmbeddedS3 s3;
  private OperatorHarness harness;
  private PacketCapture succeeded;
  private Kubectl.Result download;
  private Path file;

  @BeforeAll
  void captureAndDownload(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(Kubectl.installed(), "kubectl is not on the PATH (.ci/run installs it)");
    Tshark.assumeInstalled();
    startCapturingLogs();
    s3 = EmbeddedS3.start(0, KEYS.accessKeyId(), KEYS.secretAccessKey(), List.of(BUCKET));
    harness =
        OperatorHarness.start(
            SimulatorConfig.defaults().toBuilder().credentials(Set.of(TOKEN), Map.of()).build());
    harness.createTokenSecret(TOKEN);
    createS3Secret();
    harness.apply(filteredCaptureStoredInS3());
    succeeded =
        harness.await(
            NAME,
            c ->
                c.getStatus() != null
                    && c.getStatus().getArtifact() != null
                    && c.getStatus().getArtifact().getSha256() != null,
            Duration.ofSeconds(60));

    Path kubeconfig = tmp.resolve("kubeconfig");
    harness.kube.writeKubeconfig(kubeconfig, OperatorHarness.NAMESPACE);
    Path downloads = Files.createDirectories(tmp.resolve("downloads"));
    download =
        new Kubectl(kubeconfig, downloads)
            .run(
                Map.of(
                    "PATH",
                    Path.of("bin").toAbsolutePath() + ":" + System.getenv("PATH"),
                    "PCAP_PLUGIN_CLASSPATH",
                    System.getProperty("java.class.path"),
                    "CLOUDFLARE_BASE_URL",
                    harness.simulator.baseUrl()),
                "pcap",
                "download",
                NAME,
                "-o",
                downloads.toString());
    file = downloads.resolve(NAME + ".pcap");
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
    if (s3 != null) {
      s3.close();
    }
    stopCapturingLogs();
  }

  @Test
  void theCaptureEndsWithItsArtifactAndSummary() {
    CaptureArtifact artifact = succeeded.getStatus().getArtifact();
    assertThat(artifact.getUri())
        .isEqualTo(
            "s3://"
                + BUCKET
                + "/"
                + OperatorHarness.NAMESPACE
                + "/"
                + NAME
                + "/"
                + succeeded.getStatus().getId()
                + ".pcap");
    assertThat(artifact.getSha256()).matches("[0-9a-f]{64}");
    assertThat(succeeded.getStatus().getSummary()).isNotNull();
    assertThat(succeeded.getStatus().getSummary().getPackets())
        .isEqualTo(artifact.getPackets())
        .isPositive();
  }

  @Test
  void kubectlPcapDownloadWritesTheFileWhoseSha256TheStatusRecords() throws Exception {
    assertThat(download.ok()).contains("SHA-256 matches status.artifact.sha256");
    assertThat(sha256(Files.readAllBytes(file)))
        .isEqualTo(succeeded.getStatus().getArtifact().getSha256());
  }

  @Test
  void theBucketHoldsTheSameBytes() throws Exception {
    String uri = succeeded.getStatus().getArtifact().getUri();
    String key = uri.substring(("s3://" + BUCKET + "/").length());
    try (S3ObjectStore store = new S3ObjectStore()) {
      StorageTarget target = StorageTarget.of(s3.endpoint().toString(), null, BUCKET, null, KEYS);
      assertThat(store.get(target, key).orElseThrow()).isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void tsharkReadsEveryPacketAsMatchingTheFilterWithoutAWarning() throws Exception {
    assertThat(Tshark.lines(Tshark.read(file))).hasSize(packets());
    assertThat(Tshark.read(file, "-Y", "!(" + FILTER + ")")).isBlank();
    assertThat(Tshark.lines(Tshark.read(file, "-Y", FILTER))).hasSize(packets());
  }

  @Test
  void everyFigureOfTheSummaryIsTsharks() throws Exception {
    TsharkStatistics.assertMatches(file, succeeded.getStatus().getSummary());
  }

  @Test
  void noLogLineCarriesTheS3SecretKeyOrTheCloudflareToken() {
    List<String> lines = logged();
    assertThat(lines).as("what the run logged").isNotEmpty();
    assertThat(lines)
        .noneMatch(line -> line.contains(KEYS.secretAccessKey()))
        .noneMatch(line -> line.contains(TOKEN));
    assertThat(download.out() + download.err())
        .doesNotContain(KEYS.secretAccessKey())
        .doesNotContain(TOKEN);
  }

  private PacketCapture filteredCaptureStoredInS3() {
    PacketCapture capture = OperatorHarness.simple(NAME);
    CaptureFilter filter = new CaptureFilter();
    filter.setDestinationAddress("203.0.113.7");
    filter.setDestinationPort(443);
    filter.setProtocol(6);
    capture.getSpec().setFilter(filter);
    capture.getSpec().setOutput(output());
    return capture;
  }

  private void createS3Secret() {
    harness
        .client()
        .secrets()
        .inNamespace(OperatorHarness.NAMESPACE)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(S3_SECRET)
                .endMetadata()
                .withStringData(
                    Map.of(
                        "accessKeyId",
                        KEYS.accessKeyId(),
                        "secretAccessKey",
                        KEYS.secretAccessKey()))
                .build())
        .create();
  }

  private CaptureOutput output() {
    S3Output target = new S3Output();
    target.setBucket(BUCKET);
    target.setEndpoint(s3.endpoint().toString());
    target.setCredentialsSecretRef(new StorageSecretReference(S3_SECRET));
    CaptureOutput output = new CaptureOutput();
    output.setS3(target);
    return output;
  }

  private int packets() {
    return Math.toIntExact(succeeded.getStatus().getSummary().getPackets());
  }

  /** Every event of the run, message and stack trace, as the lines a log file would hold. */
  private List<String> logged() {
    synchronized (logs) {
      return logs.list.stream()
          .map(
              e ->
                  e.getFormattedMessage()
                      + (e.getThrowableProxy() == null
                          ? ""
                          : " " + ThrowableProxyUtil.asString(e.getThrowableProxy())))
          .toList();
    }
  }

  private void startCapturingLogs() {
    logs.start();
    root().addAppender(logs);
    for (String name : LOUDER) {
      levelsBefore.put(name, logger(name).getLevel());
      logger(name).setLevel(Level.DEBUG);
    }
  }

  private void stopCapturingLogs() {
    levelsBefore.forEach((name, level) -> logger(name).setLevel(level));
    root().detachAppender(logs);
    logs.stop();
  }

  private static Logger root() {
    return logger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static Logger logger(String name) {
    return (Logger) LoggerFactory.getLogger(name);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
