package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.simulator.PcapSimulator;
import io.pcapoperator.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} as a user starts it: from a kubeconfig, with settings from the environment. */
class RunCommandTest {

  @Test
  void runsFromTheKubeconfigAsTheElectedLeaderUntilStopped(@TempDir Path tmp) throws Exception {
    // The run command keeps real time, so its Cloudflare must too.
    try (OperatorHarness harness = OperatorHarness.start();
        PcapSimulator realTime =
            PcapSimulator.start(SimulatorConfig.defaults(), Clock.systemUTC(), 0)) {
      harness.stopOperator();
      harness.kube.server().createNamespace("pcap-system");
      Path kubeconfig = tmp.resolve("kubeconfig");
      harness.kube.writeKubeconfig(kubeconfig, "default");
      System.setProperty("kubeconfig", kubeconfig.toString());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      CountDownLatch stop = new CountDownLatch(1);
      try {
        CompletableFuture<Integer> exit =
            CompletableFuture.supplyAsync(
                () ->
                    Main.execute(
                        List.of("run", "--namespaces", OperatorHarness.NAMESPACE),
                        Map.of(
                            "CLOUDFLARE_BASE_URL",
                            realTime.baseUrl(),
                            "POD_NAMESPACE",
                            "pcap-system",
                            "PCAP_HTTP_PORT",
                            "0"),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        stop));
        harness.createTokenSecret("dev-token");
        harness.apply(OperatorHarness.simple("from-run"));

        // A simple capture settles in about a second of real time.
        PacketCapture done =
            harness.await(
                "from-run",
                c -> c.getStatus() != null && c.getStatus().getPhase() == CapturePhase.Succeeded,
                Duration.ofSeconds(30));
        assertThat(done.getStatus().getId()).isEqualTo(realTime.captures().get(0).id());
        Lease lease =
            harness
                .client()
                .leases()
                .inNamespace("pcap-system")
                .withName(OperatorSettings.LEASE_NAME)
                .get();
        assertThat(lease).isNotNull();
        assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();

        stop.countDown();
        assertThat(exit.get(30, TimeUnit.SECONDS))
            .as(err.toString(StandardCharsets.UTF_8))
            .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
            .contains("pcap-operator running against " + harness.kube.url())
            .contains("watching [netops]");
      } finally {
        System.clearProperty("kubeconfig");
      }
    }
  }
}
