package io.pcapoperator.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Argo CD health checks with a real Lua interpreter against sample PacketCaptures and
 * PcapBuckets.
 */
class ArgoHealthCheckTest {
  private static final Path SCRIPT = Path.of("config", "argocd", "health.lua");
  private static final Path BUCKET_SCRIPT = Path.of("config", "argocd", "pcapbucket-health.lua");
  private static Optional<String> lua;

  @TempDir static Path tmp;

  @BeforeAll
  static void findLua() {
    lua =
        Stream.of("lua5.4", "lua5.3", "lua")
            .filter(
                name ->
                    Stream.of(System.getenv("PATH").split(File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, name))))
            .findFirst();
  }

  private record Health(String status, String message) {}

  private static Health health(Map<String, Object> obj) throws IOException, InterruptedException {
    return health(SCRIPT, obj);
  }

  private static Health health(Path script, Map<String, Object> obj)
      throws IOException, InterruptedException {
    assumeTrue(lua.isPresent(), "no Lua interpreter on PATH: apt-get install lua5.4");
    Path harness = Files.createTempFile(tmp, "harness", ".lua");
    Files.writeString(
        harness,
        "obj = "
            + literal(obj)
            + "\nlocal hs = dofile(\""
            + script.toAbsolutePath()
            + "\")\nio.write(hs.status, \"\\n\", hs.message)\n");
    Process process =
        new ProcessBuilder(lua.get(), harness.toString()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    String[] lines = out.split("\n", 2);
    return new Health(lines[0], lines.length > 1 ? lines[1] : "");
  }

  /** A Lua table constructor for maps, lists, strings, numbers and booleans. */
  private static String literal(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> "[\"" + e.getKey() + "\"] = " + literal(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream()
          .map(ArgoHealthCheckTest::literal)
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return String.valueOf(value);
  }

  private static Map<String, Object> capture(long generation, Map<String, Object> status) {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("metadata", Map.of("name", "c", "generation", generation));
    if (status != null) {
      obj.put("status", status);
    }
    return obj;
  }

  private static Map<String, Object> status(String phase, String reason, String message) {
    return status(phase, reason, message, phase.equals("Succeeded") || phase.equals("Stopped"));
  }

  private static Map<String, Object> status(
      String phase, String reason, String message, boolean ready) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("phase", phase);
    status.put("observedGeneration", 1);
    List<Object> conditions = new ArrayList<>();
    conditions.add(
        Map.of(
            "type",
            "Ready",
            "status",
            ready ? "True" : "False",
            "reason",
            reason,
            "message",
            message));
    status.put("conditions", conditions);
    return status;
  }

  @Test
  void newOrUnobservedCapturesAreProgressing() throws Exception {
    assertThat(health(capture(1, null)).status()).isEqualTo("Progressing");
    Health behind = health(capture(2, status("Running", "Running", "capture x is running")));
    assertThat(behind)
        .isEqualTo(
            new Health("Progressing", "Waiting for the operator to observe the latest spec"));
  }

  @Test
  void waitingAndRunningCapturesAreProgressing() throws Exception {
    for (String phase : List.of("Pending", "Queued", "Submitting", "Running", "Converting")) {
      Health h = health(capture(1, status(phase, phase, "capture is " + phase)));
      assertThat(h).isEqualTo(new Health("Progressing", "capture is " + phase));
    }
    assertThat(
            health(capture(1, status("Running", "RemoteUnavailable", "retrying in 10 s"))).status())
        .isEqualTo("Progressing");
  }

  @Test
  void finishedCapturesAreHealthy() throws Exception {
    assertThat(health(capture(1, status("Succeeded", "Succeeded", "capture x succeeded"))))
        .isEqualTo(new Health("Healthy", "capture x succeeded"));
    assertThat(health(capture(1, status("Stopped", "Stopped", "stopped"))).status())
        .isEqualTo("Healthy");
  }

  @Test
  void failuresAndThingsTheUserMustFixAreDegraded() throws Exception {
    Map<String, Object> failed = status("Failed", "Failed", "capture x failed");
    failed.put("errorMessage", "No packets matched the filter");
    assertThat(health(capture(1, failed)))
        .isEqualTo(new Health("Degraded", "No packets matched the filter"));
    assertThat(health(capture(1, status("Failed", "InvalidSpec", "spec.timeLimit: too long"))))
        .isEqualTo(new Health("Degraded", "spec.timeLimit: too long"));
    for (String reason :
        List.of("CredentialsNotFound", "AuthenticationFailed", "AmbiguousSubmission")) {
      assertThat(health(capture(1, status("Pending", reason, reason))).status())
          .as(reason)
          .isEqualTo("Degraded");
    }
  }

  @Test
  void theConfigMapPatchCarriesTheSameScript() throws IOException {
    ConfigMap patch =
        Serialization.unmarshal(
            Files.readString(Path.of("config", "argocd", "argocd-cm-patch.yaml")), ConfigMap.class);
    assertThat(patch.getData().get("resource.customizations.health.pcap-operator.io_PacketCapture"))
        .isEqualTo(Files.readString(SCRIPT));
  }

  private static Health bucket(String phase, String reason) throws Exception {
    return health(
        BUCKET_SCRIPT,
        capture(1, status(phase, reason, "bucket is " + reason, phase.equals("Validated"))));
  }

  @Test
  void bucketsAreHealthyOnceValidatedAndProgressingWhileTheOperatorWorks() throws Exception {
    assertThat(health(BUCKET_SCRIPT, capture(1, null)).status()).isEqualTo("Progressing");
    assertThat(bucket("Validated", "Validated"))
        .isEqualTo(new Health("Healthy", "bucket is Validated"));
    for (String phase : List.of("Pending", "Validating")) {
      assertThat(bucket(phase, phase).status()).as(phase).isEqualTo("Progressing");
    }
    assertThat(bucket("Validating", "RemoteUnavailable").status()).isEqualTo("Progressing");
    assertThat(
            health(BUCKET_SCRIPT, capture(2, status("Validated", "Validated", "v", true))).status())
        .as("a status that predates the spec")
        .isEqualTo("Progressing");
  }

  @Test
  void bucketsWaitingForTheirChallengeAreSuspendedAndProblemsDegraded() throws Exception {
    assertThat(bucket("AwaitingChallenge", "AwaitingChallenge"))
        .isEqualTo(new Health("Suspended", "bucket is AwaitingChallenge"));
    assertThat(bucket("AwaitingChallenge", "WrongChallenge").status()).isEqualTo("Degraded");
    assertThat(bucket("Failed", "ValidationFailed").status()).isEqualTo("Degraded");
    for (String reason : List.of("CredentialsNotFound", "AuthenticationFailed")) {
      assertThat(bucket("Pending", reason).status()).as(reason).isEqualTo("Degraded");
    }
  }

  @Test
  void theConfigMapPatchCarriesTheSameBucketScript() throws IOException {
    ConfigMap patch =
        Serialization.unmarshal(
            Files.readString(Path.of("config", "argocd", "argocd-cm-patch.yaml")), ConfigMap.class);
    assertThat(patch.getData().get("resource.customizations.health.pcap-operator.io_PcapBucket"))
        .isEqualTo(Files.readString(BUCKET_SCRIPT));
  }
}
