package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.cloudflare.Pcap;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a collaborator decided about one capture. Collaborators return it; {@link OutcomeWriter}
 * alone turns it into the status write, the Ready condition, the Event and the requeue.
 */
sealed interface Outcome {

  /** Whether an Event tells the user of a success or of something to act on. */
  enum Severity {
    NORMAL,
    WARNING
  }

  /** An Event to record on the capture. */
  record Note(Severity severity, String reason, String message) {}

  /**
   * The capture is not ready: its phase and Ready condition are written, with {@code edits} in the
   * same write. A warning is also an Event when its reason is new. Then it is looked at again after
   * {@code requeue}, or never.
   */
  record NotReady(
      CapturePhase phase,
      ConditionReason reason,
      String message,
      Severity severity,
      Consumer<PacketCaptureStatus> edits,
      Optional<Duration> requeue)
      implements Outcome {

    /** This outcome, looked at again after {@code wait}. */
    NotReady after(Duration wait) {
      return new NotReady(phase, reason, message, severity, edits, Optional.of(wait));
    }

    /** This outcome with {@code more} changes to the status in the same write. */
    NotReady editing(Consumer<PacketCaptureStatus> more) {
      return new NotReady(phase, reason, message, severity, edits.andThen(more), requeue);
    }
  }

  /** Nothing to write: look again after {@code requeue}, or never. */
  record Wait(Optional<Duration> requeue) implements Outcome {}

  /**
   * Cloudflare said what the capture is: it is mirrored into the status (and {@code note}
   * recorded), then read again when its remote state can next change.
   */
  record Learned(Pcap pcap, Optional<Note> note) implements Outcome {}

  /** The deleted resource's clean-up is over: {@code note} is recorded and the finalizer goes. */
  record Released(Optional<Note> note) implements Outcome {}

  /**
   * The capture's phase stands: {@code edits} are written to its status in one write (and {@code
   * note} recorded), then it is looked at again after {@code requeue}, or never.
   */
  record Amend(Consumer<PacketCaptureStatus> edits, Optional<Note> note, Optional<Duration> requeue)
      implements Outcome {}

  /** The finished capture's time to live is over: the resource is deleted and {@code note} told. */
  record Expired(Note note) implements Outcome {}

  /** Not ready, with no further edits, never looked at again unless something changes. */
  static NotReady notReady(
      CapturePhase phase, ConditionReason reason, String message, Severity severity) {
    return new NotReady(phase, reason, message, severity, s -> {}, Optional.empty());
  }

  /** Nothing to write; look again after {@code wait}. */
  static Wait waitFor(Duration wait) {
    return new Wait(Optional.of(wait));
  }

  /** Nothing to write, nothing more to do. */
  static Wait done() {
    return new Wait(Optional.empty());
  }
}
