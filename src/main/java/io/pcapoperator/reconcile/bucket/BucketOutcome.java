package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a collaborator decided about one PcapBucket. Collaborators return it; {@link
 * BucketOutcomeWriter} alone turns it into the status write, the conditions and the Events, and the
 * reconciler into the requeue or the finalizer's removal.
 */
sealed interface BucketOutcome {

  /** Whether an Event tells of a step forward or of something to act on. */
  enum Severity {
    NORMAL,
    WARNING
  }

  /** An Event to record on the bucket. */
  record Note(Severity severity, String reason, String message) {}

  /**
   * The bucket is at {@code phase} for {@code reason}: written with {@code edits} in one write
   * (unless nothing changes), {@code notes} recorded, then looked at again after {@code requeue},
   * or never.
   */
  record Progress(
      BucketPhase phase,
      BucketReason reason,
      String message,
      Consumer<PcapBucketStatus> edits,
      List<Note> notes,
      Optional<Duration> requeue)
      implements BucketOutcome {

    /** This outcome, looked at again after {@code wait}. */
    Progress after(Duration wait) {
      return new Progress(phase, reason, message, edits, notes, Optional.of(wait));
    }

    /** This outcome with {@code more} changes to the status in the same write. */
    Progress editing(Consumer<PcapBucketStatus> more) {
      return new Progress(phase, reason, message, edits.andThen(more), notes, requeue);
    }

    /** This outcome, telling {@code event} too. */
    Progress noting(Note event) {
      return new Progress(
          phase,
          reason,
          message,
          edits,
          Stream.concat(notes.stream(), Stream.of(event)).toList(),
          requeue);
    }
  }

  /** Nothing to write: look again after {@code requeue}, or never. */
  record Wait(Optional<Duration> requeue) implements BucketOutcome {}

  /** The deleted bucket's clean-up is over: {@code note} is recorded and the finalizer goes. */
  record Released(Optional<Note> note) implements BucketOutcome {}

  /** The bucket at {@code phase} for {@code reason}, with no edits, never looked at again. */
  static Progress progress(BucketPhase phase, BucketReason reason, String message) {
    return new Progress(phase, reason, message, s -> {}, List.of(), Optional.empty());
  }

  /** A Normal Event. */
  static Note normal(String reason, String message) {
    return new Note(Severity.NORMAL, reason, message);
  }

  /** A Warning Event. */
  static Note warning(String reason, String message) {
    return new Note(Severity.WARNING, reason, message);
  }
}
