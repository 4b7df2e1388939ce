package io.pcapoperator.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pcapoperator.api.v1alpha1.AddressCount;
import io.pcapoperator.api.v1alpha1.CaptureArtifact;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureSummary;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.api.v1alpha1.PortCount;
import io.pcapoperator.api.v1alpha1.ProtocolCount;
import io.pcapoperator.api.v1alpha1.SubmittedRequest;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.HttpPcapsApi;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapFilter;
import io.pcapoperator.cloudflare.PcapRequest;
import io.pcapoperator.devcluster.EmbeddedKubernetes;
import io.pcapoperator.devcluster.ServingCertificate;
import io.pcapoperator.simulator.EmbeddedS3;
import io.pcapoperator.simulator.PcapFileWriter;
import io.pcapoperator.simulator.PcapSimulator;
import io.pcapoperator.simulator.SimulatorConfig;
import io.pcapoperator.storage.ObjectStore;
import io.pcapoperator.storage.S3ObjectStore;
import io.pcapoperator.storage.StorageCredentials;
import io.pcapoperator.storage.StorageTarget;
import io.pcapoperator.testing.Secrets;
import io.pcapoperator.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl pcap} as kubectl runs it: the real kubectl finds {@code bin/kubectl-pcap} on the
 * PATH and runs it against the embedded Kubernetes API over HTTPS and the Cloudflare simulator.
 * Each test works in a namespace of its own. The embedded API lets its one user do everything, so a
 * Secret the user may not read cannot be set up here: the missing Secret is tested here, the
 * forbidden one in {@link SecretCredentialsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlPcapTest {
  private static final Credentials TOKEN = new Credentials.ApiToken(SimulatorConfig.DEV_TOKEN);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Instant FROM = Instant.parse("2026-11-22T08:00:00Z");

  private Path tmp;
  private EmbeddedKubernetes kube;
  private PcapSimulator simulator;
  private KubectlPlugin kubectl;
  private String remoteId;
  private byte[] remoteFile;

  @BeforeAll
  void start(@TempDir Path tmp) throws IOException {
    Assumptions.assumeTrue(
        KubectlPlugin.kubectlInstalled(),
        "kubectl is not on the PATH: the plugin tests are skipped (.ci/run installs it)");
    this.tmp = tmp;
    kube = EmbeddedKubernetes.startHttps(0, ServingCertificate.loadOrGenerate(tmp.resolve("tls")));
    Path kubeconfig = tmp.resolve("kubeconfig");
    kube.writeKubeconfig(kubeconfig, "default");
    simulator = PcapSimulator.start(SimulatorConfig.defaults(), Clock.systemUTC(), 0);
    kubectl = new KubectlPlugin(kubeconfig, simulator.baseUrl());

    HttpPcapsApi cloudflare = HttpPcapsApi.withDefaults(simulator.baseUrl());
    Pcap created =
        cloudflare.create(
            TOKEN,
            Specs.ACCOUNT,
            new PcapRequest("magic-transit", "simple", 10, 100, null, null, null, null, null));
    remoteId = created.id();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "success".equals(cloudflare.get(TOKEN, Specs.ACCOUNT, remoteId).status()));
    remoteFile = cloudflare.download(TOKEN, Specs.ACCOUNT, remoteId);
  }

  @AfterAll
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
    if (kube != null) {
      kube.close();
    }
  }

  @Test
  void downloadWritesTheFileCloudflareServesWholeAndChecked() throws IOException {
    String ns = namespaceWithToken("downloads", SimulatorConfig.DEV_TOKEN);
    captureSucceeded(ns, "web", status -> {});
    captureSucceeded(
        ns, "checked", status -> status.setArtifact(artifactWithSha256(sha256(remoteFile))));
    Path dir = directory("downloads");

    assertThat(kubectl.run(dir, "pcap", "download", "web", "-n", ns).ok())
        .isEqualTo("wrote web.pcap (" + remoteFile.length + " bytes)\n");
    assertThat(Files.readAllBytes(dir.resolve("web.pcap"))).isEqualTo(remoteFile);

    Files.createDirectories(dir.resolve("out"));
    assertThat(kubectl.run(dir, "pcap", "-n", ns, "download", "checked", "-o", "out").ok())
        .contains("SHA-256 matches status.artifact.sha256");
    assertThat(Files.readAllBytes(dir.resolve("out/checked.pcap"))).isEqualTo(remoteFile);

    KubectlPlugin.Result piped = kubectl.run(dir, "pcap", "download", "web", "-n", ns, "-o", "-");
    assertThat(piped.exitCode()).isZero();
    assertThat(piped.stdout()).isEqualTo(remoteFile);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly("web.pcap", "out");
    }
  }

  @Test
  void aFileWhoseSha256DiffersFromTheStatusIsRefusedAndNothingIsWritten() throws IOException {
    String ns = namespaceWithToken("mismatch", SimulatorConfig.DEV_TOKEN);
    captureSucceeded(
        ns, "tampered", status -> status.setArtifact(artifactWithSha256("0".repeat(64))));
    Path dir = directory("mismatch");

    KubectlPlugin.Result refused = kubectl.run(dir, "pcap", "download", "tampered", "-n", ns);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .startsWith(
            "error: the file Cloudflare served for tampered has SHA-256 " + sha256(remoteFile))
        .contains("nothing written");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void withoutUsableCredentialsNothingIsDownloadedAndNoSecretIsPrinted() throws IOException {
    Path dir = directory("credentials");
    String missing = namespace("no-secret");
    captureSucceeded(missing, "web", status -> {});
    assertThat(kubectl.run(dir, "pcap", "download", "web", "-n", missing))
        .satisfies(r -> assertThat(r.exitCode()).isEqualTo(1))
        .satisfies(
            r ->
                assertThat(r.err())
                    .isEqualTo("error: Secret cloudflare-api not found in this namespace\n"));

    String keyless = namespace("keyless");
    kube.client()
        .secrets()
        .inNamespace(keyless)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(Specs.SECRET)
                .endMetadata()
                .withStringData(Map.of("apiKey", "only-half"))
                .build())
        .create();
    captureSucceeded(keyless, "web", status -> {});
    assertThat(kubectl.run(dir, "pcap", "download", "web", "-n", keyless).err())
        .contains("has neither the key apiToken nor both keys apiKey and email")
        .doesNotContain("only-half");

    String refused = namespaceWithToken("refused", "not-the-dev-token");
    captureSucceeded(refused, "web", status -> {});
    KubectlPlugin.Result result = kubectl.run(dir, "pcap", "download", "web", "-n", refused);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("error: Cloudflare refused the credentials in Secret cloudflare-api: ")
        .doesNotContain("not-the-dev-token");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void onlyASucceededSimpleCaptureIsDownloaded() throws IOException {
    String ns = namespaceWithToken("not-ready", SimulatorConfig.DEV_TOKEN);
    Path dir = directory("not-ready");
    PacketCapture running = createCapture(ns, "running", Specs.simple());
    writeStatus(
        running,
        status -> {
          status.setPhase(CapturePhase.Running);
          status.setId(remoteId);
        });
    PacketCapture full = createCapture(ns, "ord", Specs.full(600));
    writeStatus(
        full,
        status -> {
          status.setPhase(CapturePhase.Succeeded);
          CaptureArtifact artifact = new CaptureArtifact();
          artifact.setLocation("gs://my-pcaps/netops");
          artifact.setFiles(List.of("pcap_abc.pcap", "pcap_abc_1.pcap"));
          status.setArtifact(artifact);
        });

    assertThat(kubectl.run(dir, "pcap", "download", "running", "-n", ns).err())
        .startsWith("error: running has not succeeded yet (phase Running)");
    KubectlPlugin.Result fullRefused = kubectl.run(dir, "pcap", "download", "ord", "-n", ns);
    assertThat(fullRefused.exitCode()).isEqualTo(1);
    assertThat(fullRefused.err())
        .startsWith("error: ord is a full capture")
        .contains("gs://my-pcaps/netops (pcap_abc.pcap, pcap_abc_1.pcap)")
        .contains("--s3-secret NAME", "AWS_ACCESS_KEY_ID", "--s3-endpoint", "--s3-region");
    assertThat(kubectl.run(dir, "pcap", "download", "nothing", "-n", ns).err())
        .isEqualTo("error: packetcapture \"nothing\" not found in namespace \"" + ns + "\"\n");
  }

  @Test
  void aFullCapturesFilesComeFromItsBucketWithTheKeysOfASecretOrTheEnvironment()
      throws IOException {
    StorageCredentials keys = new StorageCredentials("bucket-reader", "bucket-secret-93d1f0");
    try (EmbeddedS3 s3 =
            EmbeddedS3.start(0, keys.accessKeyId(), keys.secretAccessKey(), List.of("pcaps"));
        S3ObjectStore store = new S3ObjectStore()) {
      String ns = namespace("full-files");
      createStorageSecret(ns, "bucket-keys", keys);
      createStorageSecret(ns, "wrong-keys", new StorageCredentials("bucket-reader", "not-it"));
      String endpoint = s3.endpoint().toString();
      StorageTarget bucket = StorageTarget.of(endpoint, null, "pcaps", null, keys);
      byte[] first = PcapFileWriter.write(30, PcapFilter.ANY, FROM, Duration.ofSeconds(10));
      byte[] second = PcapFileWriter.write(20, PcapFilter.ANY, FROM, Duration.ofSeconds(10));
      store.put(bucket, "netops/pcap_f1.pcap", first, ObjectStore.PCAP_CONTENT_TYPE);
      store.put(bucket, "netops/pcap_f1_1.pcap", second, ObjectStore.PCAP_CONTENT_TYPE);
      store.put(bucket, "pcap_f2.pcap", second, ObjectStore.PCAP_CONTENT_TYPE);
      fullCaptureDone(
          ns, "split", "s3://pcaps/netops?region=us-east-1", "pcap_f1.pcap", "pcap_f1_1.pcap");
      fullCaptureDone(ns, "whole", "s3://pcaps", "pcap_f2.pcap");
      fullCaptureDone(ns, "lost", "s3://pcaps/netops", "pcap_gone.pcap");
      fullCaptureDone(ns, "google", "gs://pcaps/netops", "pcap_f1.pcap");
      Path dir = directory("full-files");

      String split =
          kubectl
              .run(
                  dir,
                  "pcap",
                  "download",
                  "split",
                  "-n",
                  ns,
                  "--s3-endpoint",
                  endpoint,
                  "--s3-secret",
                  "bucket-keys",
                  "-o",
                  "split")
              .ok();
      assertThat(split.lines())
          .containsExactly(
              "wrote split/pcap_f1.pcap (" + first.length + " bytes)",
              "wrote split/pcap_f1_1.pcap (" + second.length + " bytes)",
              "merge them into one file with:",
              "  mergecap -w split/split.pcap split/pcap_f1.pcap split/pcap_f1_1.pcap");
      assertThat(Files.readAllBytes(dir.resolve("split/pcap_f1.pcap"))).isEqualTo(first);
      assertThat(Files.readAllBytes(dir.resolve("split/pcap_f1_1.pcap"))).isEqualTo(second);

      Map<String, String> environment =
          Map.of(
              "AWS_ACCESS_KEY_ID", keys.accessKeyId(),
              "AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
      assertThat(
              kubectl
                  .runWith(
                      dir,
                      environment,
                      "pcap",
                      "download",
                      "whole",
                      "-n",
                      ns,
                      "--s3-endpoint",
                      endpoint)
                  .ok())
          .isEqualTo("wrote pcap_f2.pcap (" + second.length + " bytes)\n");
      assertThat(Files.readAllBytes(dir.resolve("pcap_f2.pcap"))).isEqualTo(second);

      KubectlPlugin.Result wrongKeys =
          kubectl.run(
              dir,
              "pcap",
              "download",
              "whole",
              "-n",
              ns,
              "--s3-endpoint",
              endpoint,
              "--s3-secret",
              "wrong-keys",
              "-o",
              "refused");
      assertThat(wrongKeys.exitCode()).isEqualTo(1);
      assertThat(wrongKeys.err())
          .startsWith("error: cannot download whole's files: get s3://pcaps/pcap_f2.pcap: HTTP 403")
          .doesNotContain("not-it");
      assertThat(dir.resolve("refused")).isEmptyDirectory();
      assertThat(
              kubectl
                  .runWith(
                      dir,
                      environment,
                      "pcap",
                      "download",
                      "lost",
                      "-n",
                      ns,
                      "--s3-endpoint",
                      endpoint,
                      "-o",
                      "lost")
                  .err())
          .isEqualTo(
              "error: s3://pcaps/netops/pcap_gone.pcap of lost is not in the bucket; nothing more"
                  + " written\n");
      assertThat(dir.resolve("lost")).isEmptyDirectory();
      assertThat(kubectl.runWith(dir, environment, "pcap", "download", "google", "-n", ns).err())
          .startsWith("error: gs://pcaps/netops is not an AWS S3 bucket")
          .contains("--s3-endpoint");
      assertThat(
              kubectl
                  .run(dir, "pcap", "download", "whole", "-n", ns, "--s3-secret", "no-such")
                  .err())
          .isEqualTo("error: Secret no-such not found in namespace " + ns + "\n");
    }
  }

  @Test
  void summaryPrintsTheRecordedSummaryAsTables() throws IOException {
    String ns = namespace("summaries");
    Path dir = directory("summaries");
    captureSucceeded(ns, "summed", status -> status.setSummary(summary()));
    PacketCapture pending = createCapture(ns, "pending", Specs.simple());
    writeStatus(pending, status -> status.setPhase(CapturePhase.Queued));

    List<String> lines =
        kubectl.run(dir, "pcap", "summary", "summed", "-n", ns).ok().lines().toList();

    assertThat(lines)
        .containsExactly(
            "PACKETS   BYTES   FIRST PACKET           LAST PACKET",
            "120       19200   2026-11-22T08:00:00Z   2026-11-22T08:00:09Z",
            "",
            "PROTOCOL   PACKETS   BYTES",
            "TCP        100       16000",
            "UDP        20        3200",
            "",
            "SOURCE         PACKETS",
            "198.51.100.4   90",
            "",
            "DESTINATION PORT   PACKETS",
            "443                100");
    KubectlPlugin.Result none = kubectl.run(dir, "pcap", "summary", "pending", "-n", ns);
    assertThat(none.exitCode()).isZero();
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).startsWith("No summary yet for pending (phase Queued)");
  }

  @Test
  void lsListsCapturesWithWhereTheirPacketsAre() throws IOException {
    String ns = namespace("listing");
    Path dir = directory("listing");
    captureSucceeded(
        ns,
        "stored",
        status -> {
          CaptureArtifact artifact = new CaptureArtifact();
          artifact.setUri("s3://pcaps/listing/stored/" + remoteId + ".pcap");
          status.setArtifact(artifact);
          status.setPacketsCaptured(100L);
        });
    createCapture(ns, "fresh", Specs.simple());

    List<String> rows = kubectl.run(dir, "pcap", "ls", "-n", ns).ok().lines().toList();

    assertThat(rows.get(0).split("\\s+"))
        .containsExactly("NAME", "TYPE", "PHASE", "ID", "PACKETS", "ARTIFACT", "AGE");
    assertThat(rows.get(1))
        .matches("fresh\\s+simple\\s+<none>\\s+<none>\\s+<none>\\s+<none>\\s+\\d+[sm]");
    assertThat(rows.get(2))
        .matches(
            "stored\\s+simple\\s+Succeeded\\s+"
                + remoteId
                + "\\s+100\\s+s3://pcaps/listing/stored/"
                + remoteId
                + "\\.pcap\\s+\\d+[sm]");
    assertThat(rows).hasSize(3);
    assertThat(kubectl.run(dir, "pcap", "ls", "-A").ok())
        .startsWith("NAMESPACE ")
        .containsPattern("\n" + ns + "\\s+stored\\s+simple\\s+Succeeded");
    String empty = namespace("empty");
    assertThat(kubectl.run(dir, "pcap", "ls", "-n", empty).err())
        .isEqualTo("No resources found in " + empty + " namespace.\n");
  }

  @Test
  void createDryRunPrintsAManifestThatTheApiServerTakes() throws IOException {
    String ns = namespace("creating");
    Path dir = directory("creating");
    String yaml =
        createSimple(
                dir,
                "syn",
                "--time-limit",
                "60",
                "--packet-limit",
                "500",
                "--destination-address",
                "203.0.113.7",
                "--destination-port",
                "443",
                "--protocol",
                "tcp",
                "--s3-bucket",
                "pcaps",
                "--s3-secret",
                "s3-keys",
                "--retention",
                "168h",
                "--dry-run")
            .ok();

    JsonNode manifest = YAML.readTree(yaml);
    assertThat(manifest.fieldNames())
        .toIterable()
        .containsExactly("apiVersion", "kind", "metadata", "spec");
    assertThat(manifest.path("spec").path("filter").path("protocol").asInt()).isEqualTo(6);
    assertThat(kube.client().resources(PacketCapture.class).inNamespace(ns).list().getItems())
        .isEmpty();
    Path file = dir.resolve("syn.yaml");
    Files.writeString(file, yaml);
    assertThat(kubectl.run(dir, file, "apply", "--dry-run=server", "-n", ns, "-f", "-").ok())
        .contains("packetcapture.pcap-operator.io/syn created (server dry run)");
    kubectl.run(dir, "create", "-n", ns, "-f", file.toString()).ok();
    JsonNode stored =
        YAML.readTree(kubectl.run(dir, "get", "pcap", "syn", "-n", ns, "-o", "yaml").ok());
    assertThat(stored.path("spec").path("filter")).isEqualTo(manifest.path("spec").path("filter"));
    assertThat(stored.path("spec").path("output").path("s3"))
        .isEqualTo(manifest.path("spec").path("output").path("s3"));

    assertThat(
            kubectl
                .run(
                    dir,
                    "pcap",
                    "create",
                    "full",
                    "ord",
                    "-n",
                    ns,
                    "--account-id",
                    Specs.ACCOUNT,
                    "--secret",
                    Specs.SECRET,
                    "--time-limit",
                    "600",
                    "--colo",
                    "ORD",
                    "--destination",
                    "gs://my-pcaps")
                .ok())
        .isEqualTo("packetcapture.pcap-operator.io/ord created\n");
    assertThat(kube.client().resources(PacketCapture.class).inNamespace(ns).withName("ord").get())
        .extracting(c -> c.getSpec().getColoName())
        .isEqualTo("ORD");
  }

  @Test
  void createShowsTheApiServersRefusalAndNamesMissingFlags() throws IOException {
    String ns = namespace("refusals");
    Path dir = directory("refusals");

    KubectlPlugin.Result invalid =
        createSimple(dir, "too-long", "-n", ns, "--time-limit", "301", "--packet-limit", "10");
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.err())
        .startsWith("error: ")
        .contains("\"too-long\" is invalid")
        .contains("timeLimit");

    KubectlPlugin.Result missing =
        kubectl.run(dir, "pcap", "create", "full", "ord", "--account-id", Specs.ACCOUNT);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err())
        .startsWith(
            "error: required flag(s) --secret, --time-limit, --colo, --destination not set\n");
    assertThat(
            createSimple(
                    dir,
                    "x",
                    "--time-limit",
                    "60",
                    "--packet-limit",
                    "10",
                    "--s3-bucket",
                    "pcaps",
                    "--dry-run")
                .err())
        .startsWith("error: --s3-bucket needs --s3-secret");
  }

  @Test
  void createWithACaptureIdAdoptsItWithoutRequestFlagsAndLsShowsItsType() throws IOException {
    String ns = namespace("adopting");
    Path dir = directory("adopting");
    String[] adoption = {
      "-n", ns, "--account-id", Specs.ACCOUNT, "--secret", Specs.SECRET, "--capture-id", remoteId
    };

    JsonNode manifest =
        YAML.readTree(
            kubectl
                .run(
                    dir, concat(List.of("pcap", "create", "simple", "seen"), adoption, "--dry-run"))
                .ok());
    assertThat(manifest.path("spec").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("accountId", "credentialsSecretRef", "captureId");
    assertThat(manifest.path("spec").path("captureId").asText()).isEqualTo(remoteId);
    assertThat(kubectl.run(dir, concat(List.of("pcap", "create", "full", "seen"), adoption)).ok())
        .isEqualTo("packetcapture.pcap-operator.io/seen created\n");
    PacketCapture adopted =
        kube.client().resources(PacketCapture.class).inNamespace(ns).withName("seen").get();
    assertThat(adopted.getSpec().getType()).isNull();
    assertThat(adopted.getSpec().getCaptureId()).isEqualTo(remoteId);

    KubectlPlugin.Result refused =
        kubectl.run(
            dir,
            concat(
                List.of("pcap", "create", "simple", "typed"),
                adoption,
                "--time-limit",
                "60",
                "--protocol",
                "tcp",
                "--packet-limit",
                "10"));
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .isEqualTo(
            "error: --capture-id adopts a capture as Cloudflare has it, type and limits included:"
                + " leave out --time-limit, --protocol, --packet-limit\n");
    assertThat(kubectl.run(dir, "pcap", "create", "full", "bare", "--capture-id", remoteId).err())
        .startsWith("error: required flag(s) --account-id, --secret not set\n");

    writeStatus(
        adopted,
        status -> {
          status.setPhase(CapturePhase.Succeeded);
          status.setId(remoteId);
          status.setAdopted(true);
          SubmittedRequest request = new SubmittedRequest();
          request.setAccountId(Specs.ACCOUNT);
          request.setType(CaptureType.SIMPLE);
          request.setTimeLimit(10);
          status.setRequest(request);
          status.setPacketsCaptured(100L);
        });
    assertThat(kubectl.run(dir, "pcap", "ls", "-n", ns).ok().lines())
        .element(1)
        .asString()
        .matches("seen\\s+simple\\s+Succeeded\\s+" + remoteId + "\\s+100\\s+<none>\\s+\\d+[sm]");
  }

  private static String[] concat(List<String> first, String[] then, String... last) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(then));
    all.addAll(List.of(last));
    return all.toArray(String[]::new);
  }

  @Test
  void usageErrorsExitOneAndHelpAndVersionExitZero() throws IOException {
    Path dir = directory("usage");
    KubectlPlugin.Result unknown = kubectl.run(dir, "pcap", "frobnicate");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err())
        .isEqualTo(
            "error: unknown command \"frobnicate\" for \"kubectl pcap\"\n"
                + "See 'kubectl pcap --help' for usage.\n");
    assertThat(kubectl.run(dir, "pcap", "download").exitCode()).isEqualTo(1);
    assertThat(kubectl.run(dir, "pcap", "ls", "--bogus").err())
        .startsWith("error: unknown flag: --bogus");
    assertThat(kubectl.run(dir, "pcap", "create").exitCode()).isEqualTo(1);

    assertThat(kubectl.run(dir, "pcap", "--help").ok())
        .contains("download", "summary", "ls", "create", "completion");
    assertThat(kubectl.run(dir, "pcap", "download", "--help").ok())
        .contains("--cloudflare-base-url")
        .contains("--kubeconfig");
    assertThat(kubectl.run(dir, "pcap", "create", "full", "--help").ok())
        .contains("--colo")
        .doesNotContain("--s3-bucket");
    assertThat(kubectl.run(dir, "pcap", "--version").ok()).startsWith("kubectl-pcap ");
  }

  @Test
  void theCompleterThatKubectlRunsOffersCommandsFlagValuesAndCaptureNames() throws IOException {
    String ns = namespace("completing");
    Path dir = directory("completing");
    createCapture(ns, "alpha", Specs.simple());
    createCapture(ns, "beta", Specs.simple());

    assertThat(kubectl.complete(dir, "").ok().lines())
        .contains("download", "summary", "ls", "create", "completion", ":4");
    assertThat(kubectl.complete(dir, "create", "").ok().lines())
        .containsExactly("simple", "full", ":4");
    assertThat(kubectl.complete(dir, "download", "-n", ns, "").ok().lines())
        .containsExactly("alpha", "beta", ":4");
    assertThat(kubectl.complete(dir, "-n", ns, "summary", "b").ok().lines())
        .containsExactly("beta", ":4");
    assertThat(kubectl.complete(dir, "ls", "-n", "compl").ok().lines()).containsExactly(ns, ":4");
    assertThat(kubectl.complete(dir, "create", "full", "--deletion-policy", "").ok().lines())
        .containsExactly("Stop", "Orphan", ":4");
    assertThat(kubectl.complete(dir, "download", "alpha", "-o", "").ok().lines())
        .containsExactly(":0");
    assertThat(kubectl.complete(dir, "summary", "--kubeconfig", "/nowhere", "").ok().lines())
        .as("an unreachable cluster leaves its candidates out, silently")
        .containsExactly(":4");
    if (kubectl.completesPlugins(dir)) {
      assertThat(kubectl.run(dir, "__complete", "pcap", "download", "-n", ns, "a").ok().lines())
          .containsExactly("alpha", ":4");
    }
    assertThat(kubectl.run(dir, "pcap", "completion", "bash").ok()).contains("complete -F");
  }

  /** {@code kubectl pcap create simple NAME} with the account and Secret of {@link Specs}. */
  private KubectlPlugin.Result createSimple(Path dir, String name, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "pcap",
                "create",
                "simple",
                name,
                "--account-id",
                Specs.ACCOUNT,
                "--secret",
                Specs.SECRET));
    args.addAll(List.of(more));
    return kubectl.run(dir, args.toArray(String[]::new));
  }

  private String namespace(String name) {
    kube.client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  private String namespaceWithToken(String name, String token) {
    namespace(name);
    Secrets.createToken(kube.client(), name, Specs.SECRET, token);
    return name;
  }

  private Path directory(String name) throws IOException {
    return Files.createDirectories(tmp.resolve("work").resolve(name));
  }

  private PacketCapture createCapture(String ns, String name, PacketCaptureSpec spec) {
    PacketCapture capture = new PacketCapture();
    capture.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(ns).build());
    capture.setSpec(spec);
    return kube.client().resource(capture).create();
  }

  /** A simple capture whose status says it succeeded as the simulator's capture, and more. */
  private void captureSucceeded(String ns, String name, Consumer<PacketCaptureStatus> more) {
    writeStatus(
        createCapture(ns, name, Specs.simple()),
        status -> {
          status.setPhase(CapturePhase.Succeeded);
          status.setRemoteStatus("success");
          status.setId(remoteId);
          more.accept(status);
        });
  }

  /** A full capture whose status says its files are in {@code location}. */
  private void fullCaptureDone(String ns, String name, String location, String... files) {
    writeStatus(
        createCapture(ns, name, Specs.full(600)),
        status -> {
          status.setPhase(CapturePhase.Succeeded);
          status.setRemoteStatus("success");
          status.setId(remoteId);
          CaptureArtifact artifact = new CaptureArtifact();
          artifact.setLocation(location);
          artifact.setFiles(List.of(files));
          status.setArtifact(artifact);
        });
  }

  private void createStorageSecret(String ns, String name, StorageCredentials keys) {
    kube.client()
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withStringData(
                    Map.of(
                        "accessKeyId",
                        keys.accessKeyId(),
                        "secretAccessKey",
                        keys.secretAccessKey()))
                .build())
        .create();
  }

  private void writeStatus(PacketCapture capture, Consumer<PacketCaptureStatus> change) {
    KubernetesClient client = kube.client();
    PacketCaptureStatus status = new PacketCaptureStatus();
    change.accept(status);
    capture.setStatus(status);
    client.resource(capture).updateStatus();
  }

  private static CaptureArtifact artifactWithSha256(String sha256) {
    CaptureArtifact artifact = new CaptureArtifact();
    artifact.setUri("s3://pcaps/file.pcap");
    artifact.setSha256(sha256);
    return artifact;
  }

  private static CaptureSummary summary() {
    CaptureSummary summary = new CaptureSummary();
    summary.setPackets(120L);
    summary.setBytes(19200L);
    summary.setFirstPacketTime("2026-11-22T08:00:00Z");
    summary.setLastPacketTime("2026-11-22T08:00:09Z");
    summary.setProtocols(
        List.of(new ProtocolCount("TCP", 100L, 16000L), new ProtocolCount("UDP", 20L, 3200L)));
    summary.setTopSources(List.of(new AddressCount("198.51.100.4", 90L)));
    summary.setTopDestinationPorts(List.of(new PortCount(443, 100L)));
    return summary;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
