package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.reconcile.BucketValidation;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two replicas: one leads and reconciles, the other waits as a ready standby. */
class LeaderElectionTest {

  @Test
  void oneReplicaLeadsAndBothAreReady() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      harness.stopOperator();
      harness.kube.server().createNamespace("pcap-system");
      OperatorSettings settings =
          new OperatorSettings(
                  OperatorSettings.CLOUDFLARE_BASE_URL,
                  Set.of(),
                  Duration.ofSeconds(60),
                  Duration.ofSeconds(30),
                  true,
                  Optional.of("pcap-system"),
                  1200,
                  Optional.empty(),
                  BucketValidation.None)
              .withBaseUrl(harness.simulator.baseUrl());
      try (PcapOperator first = replica(harness, settings);
          PcapOperator second = replica(harness, settings)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> first.isStandby() != second.isStandby());
        // The leader's informers start once it is elected: ready a moment later, as a probe sees.
        await().atMost(Duration.ofSeconds(10)).until(() -> first.isHealthy() && second.isHealthy());
        Lease lease =
            harness
                .client()
                .leases()
                .inNamespace("pcap-system")
                .withName(OperatorSettings.LEASE_NAME)
                .get();
        assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();

        harness.createTokenSecret("dev-token");
        harness.apply(OperatorHarness.simple("led"));
        harness.awaitPhase("led", CapturePhase.Succeeded);
        assertThat(harness.simulator.stats().snapshot().count("create")).isEqualTo(1);
      }
    }
  }

  private static PcapOperator replica(OperatorHarness harness, OperatorSettings settings) {
    return PcapOperator.builder(harness.client())
        .clock(harness.clock)
        .settings(settings)
        .onFatalFailure(harness.exits::add)
        .start();
  }
}
