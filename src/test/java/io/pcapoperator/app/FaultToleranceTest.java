package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.simulator.Faults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Cloudflare that fails a fifth of all requests with 503, answers slowly, throws 429 bursts and
 * loses the answers of two creates that made their capture: every capture still ends Succeeded with
 * exactly one remote capture, at a bounded request cost.
 */
class FaultToleranceTest {
  private static final int SIMPLE = 6;
  private static final int FULL = 3;

  /** Without faults a simple capture costs 2 requests and a 60 s full one about 5. */
  private static final int REQUEST_BOUND = SIMPLE * 4 + FULL * 8;

  private static String account(int i) {
    return String.format("%032x", 0xabc000 + i);
  }

  @Test
  void everyCaptureSucceedsOnceThroughErrorsRateLimitsAndLatency() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      harness
          .simulator
          .faults()
          .errorRate(0.2, 503)
          .latency(Duration.ofMillis(20))
          .force(new Faults.Forced(429, 3, null))
          .force(new Faults.Forced(429, 3, null))
          .force(new Faults.Forced(429, 3, null))
          .loseNextCreateAnswers(2);
      harness.createTokenSecret("dev-token");
      List<String> names = new ArrayList<>();
      for (int i = 0; i < SIMPLE + FULL; i++) {
        String name = (i < SIMPLE ? "simple-" : "full-") + i;
        PacketCapture capture =
            i < SIMPLE ? OperatorHarness.simple(name) : OperatorHarness.full(name, 60);
        capture.getSpec().setAccountId(account(i));
        harness.apply(capture);
        names.add(name);
      }

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  names.stream()
                      .map(harness::get)
                      .allMatch(
                          c ->
                              c.getStatus() != null
                                  && c.getStatus().getPhase() == CapturePhase.Succeeded));

      Map<String, List<String>> idsByAccount =
          harness.simulator.captures().stream()
              .collect(
                  Collectors.groupingBy(
                      p -> accountOf(harness, p),
                      Collectors.mapping(Pcap::id, Collectors.toList())));
      assertThat(idsByAccount)
          .hasSize(SIMPLE + FULL)
          .allSatisfy((a, ids) -> assertThat(ids).hasSize(1));
      for (String name : names) {
        PacketCapture done = harness.get(name);
        assertThat(idsByAccount.get(done.getSpec().getAccountId()))
            .containsExactly(done.getStatus().getId());
      }
      long requests = harness.simulator.stats().snapshot().total();
      System.out.printf(
          "fault tolerance: %d requests for %d captures (bound %d): %s%n",
          requests,
          SIMPLE + FULL,
          REQUEST_BOUND,
          harness.simulator.stats().snapshot().byEndpoint());
      assertThat(requests).isLessThanOrEqualTo(REQUEST_BOUND);
    }
  }

  private static String accountOf(OperatorHarness harness, Pcap pcap) {
    return harness
        .client()
        .resources(PacketCapture.class)
        .inNamespace(OperatorHarness.NAMESPACE)
        .list()
        .getItems()
        .stream()
        .filter(c -> pcap.id().equals(c.getStatus().getId()))
        .map(c -> c.getSpec().getAccountId())
        .findFirst()
        .orElse("unclaimed " + pcap.id());
  }
}
