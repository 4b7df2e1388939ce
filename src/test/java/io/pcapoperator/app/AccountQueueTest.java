package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.Pcap;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The per-account rules hold under load: the operator queues instead of drawing 429s. */
class AccountQueueTest {
  private static final int CAPTURES = 100;

  @Test
  void hundredSimpleCapturesGoOneAMinuteInCreationOrderWithoutA429() {
    // 600 times real time: the 100 minutes of admissions take about ten seconds.
    try (OperatorHarness harness = OperatorHarness.start(600)) {
      // Half the captures come before their Secret and wait for it: they keep their place.
      for (int i = 0; i < CAPTURES; i++) {
        if (i == CAPTURES / 2) {
          harness.createTokenSecret("dev-token");
        }
        harness.apply(OperatorHarness.simple(String.format("burst-%03d", i)));
      }

      PacketCapture last =
          harness.await(
              "burst-099",
              c -> c.getStatus() != null && c.getStatus().getPhase() == CapturePhase.Queued,
              Duration.ofSeconds(10));
      assertThat(last.getStatus().getQueue().getPosition()).isBetween(2, CAPTURES);

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  harness
                      .client()
                      .resources(PacketCapture.class)
                      .inNamespace("netops")
                      .list()
                      .getItems()
                      .stream()
                      .allMatch(
                          c ->
                              c.getStatus() != null
                                  && c.getStatus().getPhase() == CapturePhase.Succeeded));

      List<PacketCapture> bySubmission =
          harness
              .client()
              .resources(PacketCapture.class)
              .inNamespace("netops")
              .list()
              .getItems()
              .stream()
              .sorted(Comparator.comparing(c -> Instant.parse(c.getStatus().getSubmitted())))
              .toList();
      assertThat(bySubmission)
          .extracting(c -> c.getMetadata().getName())
          .isSortedAccordingTo(Comparator.naturalOrder());
      for (int i = 1; i < bySubmission.size(); i++) {
        Instant before = Instant.parse(bySubmission.get(i - 1).getStatus().getSubmitted());
        Instant after = Instant.parse(bySubmission.get(i).getStatus().getSubmitted());
        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
      }
      // A queued capture still looks back from the time it was asked for, not from its turn.
      Map<String, String> offsetById =
          harness.simulator.captures().stream()
              .collect(Collectors.toMap(Pcap::id, Pcap::offsetTime));
      for (PacketCapture c : bySubmission) {
        assertThat(offsetById.get(c.getStatus().getId())).isEqualTo(c.getStatus().getRequestedAt());
      }
      PacketCapture lastAdmitted = bySubmission.get(CAPTURES - 1);
      assertThat(Instant.parse(lastAdmitted.getStatus().getRequestedAt()))
          .isBefore(
              Instant.parse(lastAdmitted.getStatus().getSubmitted()).minus(Duration.ofHours(1)));
      assertThat(harness.simulator.stats().snapshot().status(429)).isZero();
      assertThat(harness.simulator.stats().snapshot().count("create")).isEqualTo(CAPTURES);
      assertThat(harness.simulator.captures()).hasSize(CAPTURES);
    }
  }
}
