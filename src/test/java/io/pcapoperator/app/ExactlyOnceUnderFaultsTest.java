package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.Pcap;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Identical captures on many accounts, against a Cloudflare that answers 30% of requests with 503,
 * is slow, and loses some create answers after making the capture: every resource ends with a
 * capture of its own, none is made twice, none is lost.
 */
class ExactlyOnceUnderFaultsTest {
  private static final int ACCOUNTS = 10;
  private static final int PER_ACCOUNT = 20;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 1009, 65537})
  void everyCaptureGetsOneRemoteCaptureOfItsOwn(long seed) {
    // 600 times real time: each account's 20 captures take 20 minutes and more of capture time.
    try (OperatorHarness harness = OperatorHarness.start(600, seed)) {
      harness.createTokenSecret("dev-token");
      harness
          .simulator
          .faults()
          .errorRate(0.3, 503)
          .latency(Duration.ofMillis(20))
          .lostCreateRate(0.1);
      for (int i = 0; i < ACCOUNTS * PER_ACCOUNT; i++) {
        PacketCapture capture = OperatorHarness.simple(String.format("f-%03d", i));
        capture.getSpec().setAccountId(account(i % ACCOUNTS));
        harness.apply(capture);
      }

      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> captures(harness).stream().allMatch(ExactlyOnceUnderFaultsTest::succeeded));

      List<PacketCapture> resources = captures(harness);
      Set<String> ids =
          resources.stream().map(c -> c.getStatus().getId()).collect(Collectors.toSet());
      List<Pcap> remote = harness.simulator.captures();
      assertThat(resources).hasSize(ACCOUNTS * PER_ACCOUNT);
      assertThat(ids).hasSize(resources.size());
      assertThat(remote).hasSize(resources.size());
      assertThat(remote.stream().map(Pcap::id).collect(Collectors.toSet())).isEqualTo(ids);
      assertThat(harness.simulator.stats().snapshot().status(503)).isPositive();
    }
  }

  private static List<PacketCapture> captures(OperatorHarness harness) {
    return harness
        .client()
        .resources(PacketCapture.class)
        .inNamespace(OperatorHarness.NAMESPACE)
        .list()
        .getItems();
  }

  private static boolean succeeded(PacketCapture capture) {
    return capture.getStatus() != null && capture.getStatus().getPhase() == CapturePhase.Succeeded;
  }

  private static String account(int n) {
    return String.format("%032x", 0xacc0000L + n);
  }
}
