package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.reconcile.CaptureEvents;
import io.pcapoperator.reconcile.StatusConditions;
import java.util.Objects;

/**
 * The one place where bucket outcomes become status and Events: the phase, message, Ready (with
 * kstatus Reconciling and Stalled) and the outcome's edits in one write, which is skipped when it
 * changes nothing; a Warning Event when a warning reason is new, a Normal one when the bucket
 * becomes AwaitingChallenge or Validated, and the outcome's own notes. The census learns each phase
 * written.
 */
final class BucketOutcomeWriter {
  private final CaptureEvents events;
  private final BucketCensus census;
  private final ScaledClock clock;

  BucketOutcomeWriter(CaptureEvents events, BucketCensus census, ScaledClock clock) {
    this.events = events;
    this.census = census;
    this.clock = clock;
  }

  /** Writes {@code outcome} for {@code bucket}; returns the resource as stored. */
  PcapBucket write(BucketStore store, PcapBucket bucket, BucketOutcome.Progress outcome) {
    String reasonBefore = StatusConditions.reason(bucket.currentStatus().getConditions());
    Long generation = bucket.getMetadata().getGeneration();
    long observed = generation == null ? 0 : generation;
    boolean ready = outcome.phase() == BucketPhase.Validated;
    PcapBucket stored =
        store.writeStatus(
            bucket,
            s -> {
              s.setPhase(outcome.phase());
              s.setMessage(outcome.message());
              s.setObservedGeneration(observed);
              StatusConditions.set(
                  s.getConditions(),
                  ready,
                  outcome.reason().inProgress(),
                  outcome.reason().name(),
                  outcome.message(),
                  observed,
                  clock.instant());
              outcome.edits().accept(s);
            });
    census.record(stored.getMetadata().getUid(), outcome.phase());
    if (!Objects.equals(reasonBefore, outcome.reason().name())) {
      if (outcome.reason().warning()) {
        events.warning(stored, outcome.reason().name(), outcome.message());
      } else if (outcome.reason() == BucketReason.AwaitingChallenge
          || outcome.reason() == BucketReason.Validated) {
        events.normal(stored, outcome.reason().name(), outcome.message());
      }
    }
    outcome.notes().forEach(note -> record(stored, note));
    return stored;
  }

  /** Records {@code note} as an Event on {@code bucket}. */
  void record(PcapBucket bucket, BucketOutcome.Note note) {
    if (note.severity() == BucketOutcome.Severity.WARNING) {
      events.warning(bucket, note.reason(), note.message());
    } else {
      events.normal(bucket, note.reason(), note.message());
    }
  }
}
