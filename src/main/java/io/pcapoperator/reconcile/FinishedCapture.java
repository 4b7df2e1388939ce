package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a finished capture (Succeeded, Failed or Stopped) still calls for: a spec change
 * acknowledged in its observed generation, and its deletion once {@code
 * spec.ttlSecondsAfterFinished} has passed since it finished, as a Job's field of that name does.
 */
final class FinishedCapture {
  /** The reason of the Event told when a capture is deleted for its time to live. */
  static final String EXPIRED = "Expired";

  private final Clock clock;

  FinishedCapture(Clock clock) {
    this.clock = clock;
  }

  /** The outcome for a capture in a terminal phase. */
  Outcome decide(PacketCapture capture) {
    Instant now = clock.instant();
    PacketCaptureStatus status = capture.currentStatus();
    Optional<Integer> ttl =
        Optional.ofNullable(capture.getSpec()).map(PacketCaptureSpec::getTtlSecondsAfterFinished);
    Optional<Instant> finished = Timestamps.parse(status.getFinishedAt());
    Optional<Instant> expiry = ttl.map(t -> finished.orElse(now).plusSeconds(t));
    if (expiry.isPresent() && !expiry.get().isAfter(now)) {
      return new Outcome.Expired(
          new Outcome.Note(
              Outcome.Severity.NORMAL,
              EXPIRED,
              "Deleted "
                  + ttl.get()
                  + "s after the capture finished (spec.ttlSecondsAfterFinished)"));
    }
    List<Consumer<PacketCaptureStatus>> edits = new ArrayList<>();
    if (ttl.isPresent() && finished.isEmpty()) {
      // Finished before the operator recorded finishedAt: its time to live counts from now.
      edits.add(s -> s.setFinishedAt(Timestamps.format(now)));
    }
    Long generation = capture.getMetadata().getGeneration();
    if (generation != null && !Objects.equals(generation, status.getObservedGeneration())) {
      edits.add(
          s -> {
            s.setObservedGeneration(generation);
            s.getConditions().forEach(c -> c.setObservedGeneration(generation));
          });
    }
    Optional<Duration> requeue = expiry.map(e -> Duration.between(now, e));
    return edits.isEmpty()
        ? new Outcome.Wait(requeue)
        : new Outcome.Amend(s -> edits.forEach(e -> e.accept(s)), Optional.empty(), requeue);
  }
}
