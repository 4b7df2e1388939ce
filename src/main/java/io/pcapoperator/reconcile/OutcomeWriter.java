package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.Pcap;
import java.time.Instant;
import java.util.Objects;

/**
 * The one place where outcomes become status: the phase, the Ready condition and the status edits
 * in one write, a Warning Event when a warning's reason is new, and the Events of a mirrored
 * capture's transitions. Collaborators use it directly only for the writes that must land before a
 * remote call goes on (the Submitting mark).
 */
final class OutcomeWriter {
  private final CaptureEvents events;
  private final ScaledClock clock;

  OutcomeWriter(CaptureEvents events, ScaledClock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** Writes a not-ready outcome at once; returns the stored resource. */
  PacketCapture write(CaptureStore store, PacketCapture resource, Outcome.NotReady outcome) {
    String reasonBefore = StatusConditions.reason(resource.currentStatus().getConditions());
    long generation = generationOf(resource);
    PacketCapture stored =
        store.writeStatus(
            resource,
            s -> {
              if (s.getRequestedAt() == null) {
                s.setRequestedAt(Timestamps.format(requestedAt(resource)));
              }
              s.setPhase(outcome.phase());
              s.setObservedGeneration(generation);
              if (outcome.phase() == CapturePhase.Failed) {
                s.setErrorMessage(outcome.message());
              }
              StatusConditions.set(
                  s.getConditions(),
                  false,
                  outcome.reason(),
                  outcome.message(),
                  generation,
                  clock.instant());
              outcome.edits().accept(s);
              stampFinished(s);
            });
    if (outcome.severity() == Outcome.Severity.WARNING
        && !Objects.equals(reasonBefore, outcome.reason().name())) {
      events.warning(stored, outcome.reason().name(), outcome.message());
    }
    return stored;
  }

  /** Mirrors a remote capture; records Succeeded, Stopped or Failed Events on those transitions. */
  PacketCapture mirror(CaptureStore store, PacketCapture resource, Pcap pcap) {
    CapturePhase before = resource.phase();
    long generation = generationOf(resource);
    PacketCapture stored =
        store.writeStatus(
            resource,
            s -> {
              RemoteMirror.apply(s, pcap, generation, clock.instant());
              stampFinished(s);
            });
    CapturePhase after = stored.getStatus().getPhase();
    if (after != before) {
      String message = RemotePhase.message(pcap, after);
      switch (after) {
        case Succeeded, Stopped -> events.normal(stored, after.name(), message);
        case Failed -> events.warning(stored, "Failed", message);
        default -> {}
      }
    }
    return stored;
  }

  /**
   * Writes an amendment's status edits, if it has any, and records its note; the stored resource.
   */
  PacketCapture amend(CaptureStore store, PacketCapture resource, Outcome.Amend amendment) {
    PacketCapture stored = store.writeStatus(resource, amendment.edits());
    amendment.note().ifPresent(note -> record(stored, note));
    return stored;
  }

  /** Records {@code note} as an Event on {@code resource}. */
  void record(PacketCapture resource, Outcome.Note note) {
    if (note.severity() == Outcome.Severity.WARNING) {
      events.warning(resource, note.reason(), note.message());
    } else {
      events.normal(resource, note.reason(), note.message());
    }
  }

  /**
   * When the user asked for the capture: the resource's creation, read on the capture clock (the
   * API server stamps it on the wall clock), and never later than now.
   */
  private Instant requestedAt(PacketCapture resource) {
    Instant now = clock.instant();
    return Timestamps.parse(resource.getMetadata().getCreationTimestamp())
        .map(clock::fromWallClock)
        .filter(created -> created.isBefore(now))
        .orElse(now);
  }

  /** Notes when a capture reached its terminal phase, once. */
  private void stampFinished(PacketCaptureStatus status) {
    if (status.getPhase() != null
        && status.getPhase().isTerminal()
        && status.getFinishedAt() == null) {
      status.setFinishedAt(Timestamps.format(clock.instant()));
    }
  }

  private static long generationOf(PacketCapture resource) {
    Long generation = resource.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }
}
