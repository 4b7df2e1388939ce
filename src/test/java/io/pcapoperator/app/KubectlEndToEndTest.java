package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.reconcile.BucketValidation;
import io.pcapoperator.simulator.SimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as a user meets it: the real kubectl binary against {@code dev}'s embedded Kubernetes
 * API over HTTPS, with the operator and the Cloudflare simulator behind it. Each test works in a
 * namespace of its own, made with kubectl.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FULL_CAPTURE =
      """
      apiVersion: pcap-operator.io/v1alpha1
      kind: PacketCapture
      metadata:
        name: %s
      spec:
        accountId: %s
        credentialsSecretRef:
          name: cloudflare-api
        type: full
        timeLimit: %d
        coloName: ORD
        destinationConf: gs://netops-pcaps
      """;

  private static final String BUCKET =
      """
      apiVersion: pcap-operator.io/v1alpha1
      kind: PcapBucket
      metadata:
        name: kubectl-pcaps
      spec:
        accountId: %s
        credentialsSecretRef:
          name: cloudflare-api
        destinationConf: gs://kubectl-pcaps/netops
      """;

  private Path tmp;
  private DevEnvironment dev;
  private Kubectl kubectl;

  @BeforeAll
  void start(@TempDir Path tmp) throws IOException {
    this.tmp = tmp;
    Assumptions.assumeTrue(
        Kubectl.installed(),
        "kubectl is not on the PATH: the kubectl end-to-end tests are skipped"
            + " (.ci/run installs it from Debian's kubernetes-client package)");
    dev =
        DevEnvironment.start(
            new DevEnvironment.Settings(
                60,
                SimulatorConfig.defaults(),
                tmp,
                0,
                0,
                0,
                new DevEnvironment.S3Settings(0, "access-key", "secret-key", List.of(), null),
                BucketValidation.None));
    Path kubeconfig = tmp.resolve("kubeconfig");
    dev.kube().writeKubeconfig(kubeconfig, "default");
    kubectl = new Kubectl(kubeconfig, Path.of("").toAbsolutePath());
  }

  @AfterAll
  void stop() {
    if (dev != null) {
      dev.close();
    }
  }

  @Test
  void samplesAppliedWithKustomizeSucceedAndShowTheirColumns() {
    namespaceWithCredentials("samples");
    assertThat(kubectl.run("apply", "-k", "config/samples", "-n", "samples").ok())
        .contains("secret/cloudflare-api configured")
        .contains("packetcapture.pcap-operator.io/web-syn-flood created")
        .contains("packetcapture.pcap-operator.io/ord-full-capture created");

    assertThat(
            kubectl
                .run(
                    "wait",
                    "--for=condition=Ready",
                    "pcap",
                    "--all",
                    "-n",
                    "samples",
                    "--timeout=90s")
                .ok())
        .contains("packetcapture.pcap-operator.io/web-syn-flood condition met");

    List<String> table = kubectl.run("get", "pcap", "-n", "samples").ok().lines().toList();
    assertThat(table.get(0).split("\\s+"))
        .containsExactly("NAME", "TYPE", "PHASE", "REMOTE", "ID", "PACKETS", "AGE");
    assertThat(table)
        .anyMatch(
            line ->
                line.matches(
                    "web-syn-flood\\s+simple\\s+Succeeded\\s+success\\s+"
                        + "[0-9a-f]{32}\\s+\\d+\\s+\\S+"))
        .anyMatch(line -> line.matches("ord-full-capture\\s+full\\s+Succeeded\\s+success.*"));
    String wide = kubectl.run("get", "packetcaptures", "-o", "wide", "-n", "samples").ok();
    assertThat(wide.lines().findFirst().orElseThrow()).contains("SUBMITTED").contains("MESSAGE");
    assertThat(kubectl.run("get", "pcaps", "web-syn-flood", "-n", "samples", "-o", "yaml").ok())
        .contains("phase: Succeeded")
        .contains("remoteStatus: success");
    assertThat(
            kubectl
                .run(
                    "get",
                    "pcap",
                    "web-syn-flood",
                    "-n",
                    "samples",
                    "-o",
                    "jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}")
                .ok())
        .isEqualTo("Succeeded");
    assertThat(kubectl.run("apply", "-k", "config/samples", "-n", "samples").ok())
        .contains("packetcapture.pcap-operator.io/web-syn-flood unchanged");
    assertThat(kubectl.run("explain", "packetcaptures.spec.timeLimit").ok())
        .contains("KIND:       PacketCapture")
        .contains("FIELD: timeLimit <integer>");
  }

  @Test
  void anInvalidCaptureIsRefusedByKubectlApplyWithTheFieldNamed() {
    namespaceWithCredentials("invalid");
    long createsBefore = dev.simulator().stats().snapshot().count("create");
    Kubectl.Result refused =
        kubectl.run("apply", "-f", "config/dev/invalid-capture.yaml", "-n", "invalid");

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err())
        .contains("The PacketCapture \"too-long\" is invalid")
        .contains("spec.filter.destinationPort")
        .contains("spec.timeLimit");
    assertThat(kubectl.run("get", "pcap", "-n", "invalid").err()).contains("No resources found");
    assertThat(dev.simulator().stats().snapshot().count("create")).isEqualTo(createsBefore);
  }

  @Test
  void deletingARunningFullCaptureStopsItAtCloudflare() throws IOException {
    namespaceWithCredentials("stopping");
    String account = "00000000000000000000000000000d1e";
    Path manifest = tmp.resolve("long-full.yaml");
    Files.writeString(manifest, FULL_CAPTURE.formatted("long-full", account, 3600));
    kubectl.run("apply", "-f", manifest.toString(), "-n", "stopping").ok();
    kubectl
        .run(
            "wait",
            "--for=jsonpath={.status.remoteStatus}=running",
            "pcap/long-full",
            "-n",
            "stopping",
            "--timeout=60s")
        .ok();
    String id =
        kubectl
            .run("get", "pcap", "long-full", "-n", "stopping", "-o", "jsonpath={.status.id}")
            .ok();

    assertThat(kubectl.run("delete", "pcap", "long-full", "-n", "stopping").ok())
        .contains("packetcapture.pcap-operator.io \"long-full\" deleted");

    Pcap remote =
        dev.simulator().captures().stream()
            .filter(p -> p.id().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(remote.stopRequested()).isNotBlank();
    assertThat(kubectl.run("get", "pcap", "long-full", "-n", "stopping").err())
        .contains("NotFound");
  }

  @Test
  void getWatchStreamsEachPhaseAsItChanges() throws Exception {
    namespaceWithCredentials("watching");
    try (Kubectl.Streaming watch = kubectl.stream("get", "pcap", "-w", "-n", "watching")) {
      kubectl.run("apply", "-f", "config/dev/my-first-capture.yaml", "-n", "watching").ok();
      List<String> lines = watch.linesUntil("Succeeded", 60);

      assertThat(lines.get(0).split("\\s+"))
          .containsExactly("NAME", "TYPE", "PHASE", "REMOTE", "ID", "PACKETS", "AGE");
      assertThat(lines.subList(1, lines.size() - 1))
          .isNotEmpty()
          .allMatch(line -> line.startsWith("my-first-capture") && !line.contains("Succeeded"));
      assertThat(lines.get(lines.size() - 1)).matches("my-first-capture\\s+simple\\s+Succeeded.*");
    }
    try (Kubectl.Streaming events =
        kubectl.stream("get", "pcap", "-w", "-n", "watching", "--output-watch-events")) {
      assertThat(events.linesUntil("my-first-capture", 30).get(0)).startsWith("EVENT");
    }
  }

  @Test
  void describeShowsTheCaptureAndItsEvents() {
    namespaceWithCredentials("describing");
    kubectl.run("apply", "-f", "config/dev/my-first-capture.yaml", "-n", "describing").ok();
    kubectl
        .run(
            "wait",
            "--for=condition=Ready",
            "pcap/my-first-capture",
            "-n",
            "describing",
            "--timeout=60s")
        .ok();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        kubectl
                            .run("describe", "pcap", "my-first-capture", "-n", "describing")
                            .ok())
                    .contains("Name:         my-first-capture")
                    .contains("Phase:")
                    .contains("Events:")
                    .contains("Submitted")
                    .contains("Succeeded"));
    assertThat(kubectl.run("get", "events", "-n", "describing").ok())
        .contains("packetcapture/my-first-capture")
        .contains("Submitted")
        .doesNotContain("<invalid>");
    assertThat(kubectl.run("auth", "can-i", "delete", "packetcaptures", "-n", "describing").ok())
        .isEqualTo("yes\n");
    assertThat(kubectl.run("get", "secret", "cloudflare-api", "-n", "describing").ok())
        .as("kubectl create secret generic makes an Opaque Secret")
        .contains("Opaque");
  }

  @Test
  void labelPatchEditAndServerSideApplyChangeWhatMayChange() throws IOException {
    namespaceWithCredentials("editing");
    String account = "00000000000000000000000000000ed1";
    Path manifest = tmp.resolve("edited.yaml");
    Files.writeString(manifest, FULL_CAPTURE.formatted("edited", account, 600));
    assertThat(
            kubectl.run("apply", "--server-side", "-f", manifest.toString(), "-n", "editing").ok())
        .contains("packetcapture.pcap-operator.io/edited serverside-applied");

    assertThat(kubectl.run("label", "pcap", "edited", "team=netops", "-n", "editing").ok())
        .contains("labeled");
    assertThat(kubectl.run("get", "pcap", "-l", "team=netops", "-n", "editing", "-o", "name").ok())
        .isEqualTo("packetcapture.pcap-operator.io/edited\n");

    assertThat(
            kubectl
                .run(
                    "patch",
                    "pcap",
                    "edited",
                    "-n",
                    "editing",
                    "--type=merge",
                    "-p",
                    "{\"spec\":{\"deletionPolicy\":\"Orphan\"}}")
                .ok())
        .contains("patched");
    Kubectl.Result immutable =
        kubectl.run(
            "patch",
            "pcap",
            "edited",
            "-n",
            "editing",
            "--type=merge",
            "-p",
            "{\"spec\":{\"timeLimit\":60}}");
    assertThat(immutable.exitCode()).isNotZero();
    assertThat(immutable.err()).contains("is invalid").contains("spec");

    assertThat(
            kubectl
                .run(
                    Map.of(
                        "KUBE_EDITOR", "sed -i s/deletionPolicy:\\ Orphan/deletionPolicy:\\ Stop/"),
                    "edit",
                    "pcap",
                    "edited",
                    "-n",
                    "editing")
                .ok())
        .contains("edited");
    JsonNode edited =
        JSON.readTree(kubectl.run("get", "pcap", "edited", "-n", "editing", "-o", "json").ok());
    assertThat(edited.at("/spec/deletionPolicy").asText()).isEqualTo("Stop");
    assertThat(edited.at("/metadata/labels/team").asText()).isEqualTo("netops");
    assertThat(edited.at("/metadata/generation").asInt()).isEqualTo(3);
  }

  @Test
  void capturesDumpedAsAListApplyBackWithClientSideValidation() throws IOException {
    namespaceWithCredentials("dumping");
    kubectl.run("apply", "-f", "config/dev/my-first-capture.yaml", "-n", "dumping").ok();
    kubectl
        .run(
            "wait",
            "--for=condition=Ready",
            "pcap/my-first-capture",
            "-n",
            "dumping",
            "--timeout=60s")
        .ok();
    String dump = kubectl.run("get", "pcap", "-n", "dumping", "-o", "yaml").ok();
    assertThat(dump).startsWith("apiVersion: v1").contains("kind: List");
    Path dumpFile = tmp.resolve("dump.yaml");
    Files.writeString(dumpFile, dump);

    assertThat(kubectl.run("apply", "-f", dumpFile.toString()).ok())
        .isEqualTo("packetcapture.pcap-operator.io/my-first-capture configured\n");

    Path misspelt = tmp.resolve("misspelt.yaml");
    Files.writeString(misspelt, dump.replace("timeLimit:", "timelimit:"));
    Kubectl.Result refused = kubectl.run("apply", "-f", misspelt.toString());
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err())
        .contains("error validating data")
        .contains("unknown field \"timelimit\"");
  }

  @Test
  void clusterInfoNamesOnlyTheControlPlane() {
    assertThat(kubectl.run("cluster-info").ok())
        .isEqualTo(
            "Kubernetes control plane is running at "
                + dev.kube().url()
                + "\n\nTo further debug and diagnose cluster problems,"
                + " use 'kubectl cluster-info dump'.\n");
  }

  @Test
  void getAllFindsNoWorkloadsAndLeavesCapturesOut() {
    namespaceWithCredentials("everything");
    kubectl.run("apply", "-f", "config/dev/my-first-capture.yaml", "-n", "everything").ok();

    Kubectl.Result all = kubectl.run("get", "all", "-n", "everything");
    assertThat(all.ok()).isEmpty();
    assertThat(all.err()).isEqualTo("No resources found in everything namespace.\n");
    assertThat(kubectl.run("api-resources", "--categories=all", "-o", "name").ok())
        .isEqualTo("services\n");
  }

  @Test
  void authWhoamiAnswersWithTheUser() {
    List<String> lines = kubectl.run("auth", "whoami").ok().lines().toList();

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).split("\\s+")).containsExactly("ATTRIBUTE", "VALUE");
    assertThat(lines.get(1).split("\\s+")).containsExactly("Username", "pcap-operator-dev");
    assertThat(lines.get(2).split("\\s{2,}"))
        .containsExactly("Groups", "[system:masters system:authenticated]");
  }

  @Test
  void createRawSendsNoContentTypeAndIsReadAsJson() throws IOException {
    Path body = tmp.resolve("raw.json");
    Files.writeString(
        body,
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"raw\"},"
            + "\"data\":{\"k\":\"v\"}}");

    String created =
        kubectl
            .run("create", "--raw", "/api/v1/namespaces/default/configmaps", "-f", body.toString())
            .ok();

    assertThat(JSON.readTree(created).at("/metadata/name").asText()).isEqualTo("raw");
  }

  @Test
  void aPcapBucketShowsItsChallengeFileAndIsValidatedOnceTheValueIsPatchedIn() throws Exception {
    namespaceWithCredentials("buckets");
    Path manifest = tmp.resolve("bucket.yaml");
    Files.writeString(manifest, BUCKET.formatted(OperatorHarness.ACCOUNT));
    assertThat(kubectl.run("apply", "-f", manifest.toString(), "-n", "buckets").ok())
        .contains("pcapbucket.pcap-operator.io/kubectl-pcaps created");
    kubectl
        .run(
            "wait",
            "--for=jsonpath={.status.phase}=AwaitingChallenge",
            "pcapbkt/kubectl-pcaps",
            "-n",
            "buckets",
            "--timeout=30s")
        .ok();

    List<String> table = kubectl.run("get", "pcapbkt", "-n", "buckets").ok().lines().toList();
    assertThat(table.get(0).split("\\s+"))
        .containsExactly("NAME", "BUCKET", "PHASE", "FILENAME", "AGE");
    assertThat(table.get(1))
        .matches(
            "kubectl-pcaps\\s+gs://kubectl-pcaps/netops\\s+AwaitingChallenge\\s+"
                + "ownership-challenge-[0-9a-f]{32}\\.txt\\s+\\S+");
    assertThat(kubectl.run("get", "pcapbuckets", "-n", "buckets", "-o", "wide").ok())
        .contains("OWNERSHIP", "MESSAGE");
    String filename =
        kubectl
            .run(
                "get",
                "pcapbkt",
                "kubectl-pcaps",
                "-n",
                "buckets",
                "-o",
                "jsonpath={.status.filename}")
            .ok();

    String contents = bucketFile(filename);
    assertThat(
            kubectl
                .run(
                    "patch",
                    "pcapbkt",
                    "kubectl-pcaps",
                    "-n",
                    "buckets",
                    "--type=merge",
                    "-p",
                    "{\"spec\":{\"challenge\":{\"value\":\"" + contents + "\"}}}")
                .ok())
        .contains("patched");
    assertThat(
            kubectl
                .run(
                    "wait",
                    "--for=condition=Ready",
                    "pcapbkt/kubectl-pcaps",
                    "-n",
                    "buckets",
                    "--timeout=60s")
                .ok())
        .contains("condition met");

    Kubectl.Result moved =
        kubectl.run(
            "patch",
            "pcapbkt",
            "kubectl-pcaps",
            "-n",
            "buckets",
            "--type=merge",
            "-p",
            "{\"spec\":{\"destinationConf\":\"gs://elsewhere\"}}");
    assertThat(moved.exitCode()).isNotZero();
    assertThat(moved.err()).contains("accountId and destinationConf are immutable");
    assertThat(kubectl.run("explain", "pcapbuckets.spec.deletionPolicy").ok())
        .contains("Delete removes the ownership record");
  }

  /** The contents of a file the simulator wrote into a bucket, as the user would read it. */
  private String bucketFile(String name) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + dev.simulator().port() + "/__admin/bucket-files"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    for (JsonNode file : JSON.readTree(answer.body()).get("files")) {
      if (file.get("name").asText().equals(name)) {
        return file.get("contents").asText();
      }
    }
    throw new AssertionError("no file " + name + " in the simulated bucket");
  }

  private void namespaceWithCredentials(String namespace) {
    assertThat(kubectl.run("create", "namespace", namespace).ok())
        .contains("namespace/" + namespace + " created");
    assertThat(
            kubectl
                .run(
                    "create",
                    "secret",
                    "generic",
                    "cloudflare-api",
                    "--from-literal=apiToken=" + SimulatorConfig.DEV_TOKEN,
                    "-n",
                    namespace)
                .ok())
        .contains("secret/cloudflare-api created");
  }
}
