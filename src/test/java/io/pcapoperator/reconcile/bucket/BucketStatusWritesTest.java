package io.pcapoperator.reconcile.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.reconcile.StatusConditions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A status write that changes nothing is not sent, and validation reads thin out. */
class BucketStatusWritesTest {
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  private static void awaiting(PcapBucketStatus s, Instant now) {
    s.setPhase(BucketPhase.AwaitingChallenge);
    s.setMessage("waiting");
    StatusConditions.set(s.getConditions(), false, false, "AwaitingChallenge", "waiting", 1, now);
  }

  @Test
  void theSameOutcomeAgainChangesNothingEvenLater() {
    PcapBucketStatus status = new PcapBucketStatus();
    awaiting(status, NOW);

    assertThat(BucketContextStore.changes(status, s -> awaiting(s, NOW.plusSeconds(60)))).isFalse();
    assertThat(BucketContextStore.changes(status, s -> s.setPhase(BucketPhase.Validating)))
        .isTrue();
  }

  @Test
  void validationReadsWaitAsLongAsTheValidationTookSoFarWithinBounds() {
    ValidationPolls polls = new ValidationPolls(Duration.ofSeconds(30), Duration.ofMinutes(5));

    assertThat(polls.next(NOW, NOW.plusSeconds(1))).isEqualTo(Duration.ofSeconds(30));
    assertThat(polls.next(NOW, NOW.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
    assertThat(polls.next(NOW, NOW.plusSeconds(3600))).isEqualTo(Duration.ofMinutes(5));
  }
}
