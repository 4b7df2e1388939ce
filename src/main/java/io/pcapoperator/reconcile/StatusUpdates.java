package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.Pcap;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The status changes the reconciler makes, each written at once and each followed by the Event that
 * the transition deserves (only on a transition, so that a retry loop does not flood events).
 */
final class StatusUpdates {
  private final StatusWriter writer;
  private final CaptureEvents events;
  private final ScaledClock clock;

  StatusUpdates(StatusWriter writer, CaptureEvents events, ScaledClock clock) {
    this.writer = writer;
    this.events = events;
    this.clock = clock;
  }

  /** Mirrors a remote capture; records Succeeded, Stopped or Failed events on those transitions. */
  PacketCapture mirror(PacketCapture resource, Context<PacketCapture> context, Pcap pcap) {
    CapturePhase before = resource.phase();
    long generation = generationOf(resource);
    PacketCapture stored =
        writer.write(
            resource, context, s -> RemoteMirror.apply(s, pcap, generation, clock.instant()));
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
   * Sets the phase and a not-ready condition; a Warning event is recorded when {@code warn} and the
   * reason is new.
   */
  PacketCapture notReady(
      PacketCapture resource,
      Context<PacketCapture> context,
      CapturePhase phase,
      ConditionReason reason,
      String message,
      boolean warn) {
    return notReady(resource, context, phase, reason, message, warn, s -> {});
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

  /** As {@link #notReady}, with further changes to the status in the same write. */
  PacketCapture notReady(
      PacketCapture resource,
      Context<PacketCapture> context,
      CapturePhase phase,
      ConditionReason reason,
      String message,
      boolean warn,
      Consumer<PacketCaptureStatus> more) {
    String reasonBefore = StatusConditions.reason(resource.currentStatus().getConditions());
    long generation = generationOf(resource);
    PacketCapture stored =
        writer.write(
            resource,
            context,
            s -> {
              if (s.getRequestedAt() == null) {
                s.setRequestedAt(Timestamps.format(requestedAt(resource)));
              }
              s.setPhase(phase);
              s.setObservedGeneration(generation);
              if (phase == CapturePhase.Failed) {
                s.setErrorMessage(message);
              }
              StatusConditions.set(
                  s.getConditions(), false, reason, message, generation, clock.instant());
              more.accept(s);
            });
    if (warn && !Objects.equals(reasonBefore, reason.name())) {
      events.warning(stored, reason.name(), message);
    }
    return stored;
  }

  /** Records a Normal event. */
  void normalEvent(PacketCapture resource, String reason, String message) {
    events.normal(resource, reason, message);
  }

  /** Records a Warning event. */
  void warningEvent(PacketCapture resource, String reason, String message) {
    events.warning(resource, reason, message);
  }

  private static long generationOf(PacketCapture resource) {
    Long generation = resource.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }
}
