package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.devcluster.EmbeddedKubernetes;
import io.pcapoperator.simulator.PcapSimulator;
import io.pcapoperator.simulator.SimulatorConfig;
import io.pcapoperator.testing.Secrets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator process is killed with SIGKILL at random moments around its create requests, again
 * and again; each time a new process takes over. In the end every PacketCapture has exactly one
 * remote capture and its id: none lost, none made twice.
 */
class OperatorCrashTest {
  private static final int CYCLES = 50;
  private static final String NAMESPACE = "crash";

  @Test
  void killingTheOperatorAroundItsCreatesNeverLosesOrDuplicatesACapture(@TempDir Path tmp)
      throws Exception {
    Random random = new Random(7);
    try (EmbeddedKubernetes kube = EmbeddedKubernetes.start(0);
        PcapSimulator simulator =
            PcapSimulator.start(SimulatorConfig.defaults(), Clock.systemUTC(), 0)) {
      kube.server().createNamespace(NAMESPACE);
      // Slow answers widen the window between a create reaching Cloudflare and its id being
      // recorded, where a kill is most harmful.
      simulator.faults().latency(Duration.ofMillis(300));
      Path kubeconfig = tmp.resolve("kubeconfig");
      kube.writeKubeconfig(kubeconfig, NAMESPACE);
      KubernetesClient client = kube.client();
      Secrets.createToken(client, NAMESPACE, OperatorHarness.SECRET, "dev-token");

      List<String> names = new ArrayList<>();
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        String name = String.format("crash-%02d", cycle);
        PacketCapture capture = OperatorHarness.simple(name);
        capture.getMetadata().setNamespace(NAMESPACE);
        capture.getSpec().setAccountId(String.format("%032x", 0xc0ffee00L + cycle));
        client.resource(capture).create();
        names.add(name);
        Process operator = startOperator(kubeconfig, simulator, tmp.resolve(name + ".log"));
        TimeUnit.MILLISECONDS.sleep(1200 + random.nextInt(2000));
        operator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }

      Process survivor = startOperator(kubeconfig, simulator, tmp.resolve("survivor.log"));
      try {
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    names.stream()
                        .map(
                            n ->
                                client
                                    .resources(PacketCapture.class)
                                    .inNamespace(NAMESPACE)
                                    .withName(n)
                                    .get())
                        .allMatch(
                            c ->
                                c.getStatus() != null
                                    && c.getStatus().getPhase() == CapturePhase.Succeeded));
      } finally {
        survivor.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }

      List<Pcap> remote = simulator.captures();
      Map<String, String> idByName =
          client.resources(PacketCapture.class).inNamespace(NAMESPACE).list().getItems().stream()
              .collect(
                  Collectors.toMap(c -> c.getMetadata().getName(), c -> c.getStatus().getId()));
      System.out.printf(
          "crash test: %d kills, %d remote captures, %s%n",
          CYCLES, remote.size(), simulator.stats().snapshot().byEndpoint());
      assertThat(remote).hasSize(CYCLES);
      assertThat(idByName.values())
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(remote.stream().map(Pcap::id).toList());
    }
  }

  private static Process startOperator(Path kubeconfig, PcapSimulator simulator, Path log)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "run",
            "--namespaces",
            NAMESPACE,
            "--leader-election",
            "false",
            "--http-port",
            "0",
            "--cloudflare-base-url",
            simulator.baseUrl());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }
}
