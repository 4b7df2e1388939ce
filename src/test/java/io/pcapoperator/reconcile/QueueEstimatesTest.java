package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.QueueStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueEstimatesTest {
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  @Test
  void aNewlyQueuedCaptureGetsItsPlaceAndTheSchedulersEstimate() {
    Optional<QueueStatus> queue =
        QueueEstimates.next(null, new AccountScheduler.Wait(5, NOW.plusSeconds(244)), NOW);

    assertThat(queue)
        .hasValueSatisfying(
            q -> {
              assertThat(q.getPosition()).isEqualTo(5);
              assertThat(q.getNotBefore()).isEqualTo("2026-11-22T08:04:04Z");
              assertThat(q.getRevisions()).isNull();
            });
  }

  @Test
  void theQueueDrainingRewritesNothingBeforeTheEstimatePasses() {
    QueueStatus written = new QueueStatus(5, "2026-11-22T08:04:04Z", null);

    for (int minute = 1; minute <= 5; minute++) {
      Instant later = NOW.plusSeconds(60L * minute);
      assertThat(
              QueueEstimates.next(
                  written, new AccountScheduler.Wait(5 - minute + 1, later.plusSeconds(1)), later))
          .isEmpty();
    }
  }

  @Test
  void anEstimateThatPassedIsMadeAgainLaterByAsMuchAsItWasLateAtMostTwice() {
    QueueStatus written = new QueueStatus(5, "2026-11-22T08:04:04Z", null);
    Instant late = Instant.parse("2026-11-22T08:05:05Z");

    QueueStatus first =
        QueueEstimates.next(written, new AccountScheduler.Wait(1, late.plusSeconds(60)), late)
            .orElseThrow();
    assertThat(first.getPosition()).isEqualTo(1);
    assertThat(first.getNotBefore()).isEqualTo("2026-11-22T08:07:06Z");
    assertThat(first.getRevisions()).isEqualTo(1);

    Instant later = Instant.parse("2026-11-22T08:08:07Z");
    QueueStatus second =
        QueueEstimates.next(first, new AccountScheduler.Wait(1, later.plusSeconds(5)), later)
            .orElseThrow();
    assertThat(second.getRevisions()).isEqualTo(2);

    Instant muchLater = Instant.parse("2026-11-22T09:00:00Z");
    assertThat(
            QueueEstimates.next(
                second, new AccountScheduler.Wait(1, muchLater.plusSeconds(5)), muchLater))
        .isEmpty();
  }
}
