package io.pcapoperator.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stock kubectl against the embedded API: tables, apply and explain, with no extra flags. */
class KubectlTablesTest {
  @TempDir Path home;

  private EmbeddedKubernetes kube;
  private Path kubeconfig;

  @BeforeEach
  void start() throws IOException {
    Assumptions.assumeTrue(
        onPath("kubectl"), "kubectl is not on PATH: the kubectl checks of the embedded API skip");
    kube = EmbeddedKubernetes.start(0);
    kubeconfig = home.resolve("kubeconfig");
    kube.writeKubeconfig(kubeconfig, "default");
  }

  @AfterEach
  void stop() {
    if (kube != null) {
      kube.close();
    }
  }

  @Test
  void applyThenGetPrintsTheCaptureColumns() throws Exception {
    Result applied = kubectl("apply", "-f", "config/samples/simple-capture.yaml");
    assertThat(applied.out())
        .as(applied.err())
        .contains("packetcapture.pcap-operator.io/sampled-all-traffic created");
    kube.client()
        .genericKubernetesResources("pcap-operator.io/v1alpha1", "PacketCapture")
        .inNamespace("default")
        .withName("sampled-all-traffic")
        .editStatus(
            capture -> {
              capture.setAdditionalProperty(
                  "status",
                  java.util.Map.of(
                      "phase",
                      "Running",
                      "remoteStatus",
                      "RUNNING",
                      "id",
                      "abc123",
                      "packetsCaptured",
                      7,
                      "submitted",
                      "2026-01-01T00:00:00Z"));
              return capture;
            });

    Result get = kubectl("get", "packetcaptures");
    Result wide = kubectl("get", "pcap", "-o", "wide");

    System.out.println(get.out() + wide.out());
    assertThat(get.lines().get(0).split("\\s+"))
        .containsExactly("NAME", "TYPE", "PHASE", "REMOTE", "ID", "PACKETS", "AGE");
    assertThat(get.lines().get(1))
        .matches("sampled-all-traffic\\s+simple\\s+Running\\s+RUNNING\\s+abc123\\s+7\\s+\\d+s");
    assertThat(wide.lines().get(0).split("\\s+"))
        .containsExactly(
            "NAME", "TYPE", "PHASE", "REMOTE", "ID", "PACKETS", "AGE", "SUBMITTED", "MESSAGE");
    assertThat(wide.lines().get(1)).contains("2026-01-01T00:00:00Z");
  }

  @Test
  void serverSideApplyAndExplainNeedNoFlags() throws Exception {
    Result applied = kubectl("apply", "--server-side", "-f", "config/samples/simple-capture.yaml");
    Result explained = kubectl("explain", "packetcaptures.spec");

    assertThat(applied.out()).as(applied.err()).contains("serverside-applied");
    assertThat(explained.out()).as(explained.err()).contains("KIND:", "PacketCapture", "accountId");
  }

  private Result kubectl(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("HOME", home.toString());
    builder.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
    Path out = home.resolve("out");
    Path err = home.resolve("err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private record Result(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }
}
