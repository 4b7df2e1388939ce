package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CaptureArtifact;
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
import java.util.stream.Stream;

/**
 * What a finished capture (Succeeded, Failed or Stopped) still calls for, in this order: its pcap
 * file read and stored ({@link ArtifactKeeper}), or a full capture's files located; the stored file
 * deleted at the end of its retention ({@link StoredFileRemover}); the resource deleted once {@code
 * spec.ttlSecondsAfterFinished} has passed since it finished, as a Job's field of that name does,
 * but never before its file is kept; and a spec change acknowledged in its observed generation.
 */
final class FinishedCapture {
  /** The reason of the Event told when a capture is deleted for its time to live. */
  static final String EXPIRED = "Expired";

  private final Clock clock;
  private final ArtifactKeeper keeper;
  private final StoredFileRemover remover;

  FinishedCapture(Clock clock, ArtifactKeeper keeper, StoredFileRemover remover) {
    this.clock = clock;
    this.keeper = keeper;
    this.remover = remover;
  }

  /** The outcome for a capture in a terminal phase. */
  Outcome decide(PacketCapture capture, CaptureStore store) {
    if (ArtifactKeeper.pending(capture)) {
      CredentialsReader.Result credentials = store.credentials(capture);
      if (credentials instanceof CredentialsReader.Missing missing) {
        return keeper.failed(capture, "CredentialsNotFound", missing.message());
      }
      return keeper.keep(
          new Attempt(capture, store, ((CredentialsReader.Found) credentials).credentials()));
    }
    if (ArtifactRecords.fullCaptureUnlocated(capture)) {
      CaptureArtifact located = ArtifactRecords.located(capture);
      return new Outcome.Amend(
          s -> s.setArtifact(located), Optional.empty(), Optional.of(Duration.ZERO));
    }
    Instant now = clock.instant();
    Optional<Instant> fileEnd = remover.retentionEnd(capture);
    if (fileEnd.isPresent() && !fileEnd.get().isAfter(now)) {
      return remover.expire(capture, store, keeper);
    }
    Optional<Integer> ttl =
        Optional.ofNullable(capture.getSpec()).map(PacketCaptureSpec::getTtlSecondsAfterFinished);
    Optional<Instant> finished = Timestamps.parse(capture.currentStatus().getFinishedAt());
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
    Optional<Duration> requeue =
        Stream.of(fileEnd, expiry)
            .flatMap(Optional::stream)
            .min(Instant::compareTo)
            .map(at -> Duration.between(now, at));
    return amendOrWait(capture, ttl.isPresent() && finished.isEmpty(), now, requeue);
  }

  /**
   * The status edits still due, in one write: finishedAt for a capture that finished before the
   * operator recorded it (its time to live counts from now), and the acknowledged generation.
   */
  private static Outcome amendOrWait(
      PacketCapture capture, boolean stampFinished, Instant now, Optional<Duration> requeue) {
    List<Consumer<PacketCaptureStatus>> edits = new ArrayList<>();
    if (stampFinished) {
      edits.add(s -> s.setFinishedAt(Timestamps.format(now)));
    }
    Long generation = capture.getMetadata().getGeneration();
    if (generation != null
        && !Objects.equals(generation, capture.currentStatus().getObservedGeneration())) {
      edits.add(
          s -> {
            s.setObservedGeneration(generation);
            s.getConditions().forEach(c -> c.setObservedGeneration(generation));
          });
    }
    return edits.isEmpty()
        ? new Outcome.Wait(requeue)
        : new Outcome.Amend(s -> edits.forEach(e -> e.accept(s)), Optional.empty(), requeue);
  }
}
