package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.reconcile.Timestamps;

/** What the status says of a record: validated, or forgotten. */
final class RecordStates {
  private RecordStates() {}

  /** Validated, at the time Cloudflare reports (or now, when it reports none). */
  static BucketOutcome.Progress validated(Ownership record, ScaledClock clock) {
    String at =
        record.validated() == null || record.validated().isBlank()
            ? Timestamps.format(clock.instant())
            : record.validated();
    return BucketOutcome.progress(
            BucketPhase.Validated,
            BucketReason.Validated,
            "Cloudflare validated the bucket; full captures may write to it")
        .editing(
            s -> {
              if (s.getValidatedAt() == null) {
                s.setValidatedAt(at);
              }
            });
  }

  /** Forgets the record the status held, and what was sent for it. */
  static void forget(PcapBucketStatus status) {
    status.setOwnershipId(null);
    status.setFilename(null);
    status.setAdopted(null);
    status.setChallengeHash(null);
    status.setValidationSentAt(null);
    status.setValidatedAt(null);
  }
}
