package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapStatus;

/** Maps a remote capture's status to the resource's phase and the Ready condition's reason. */
public final class RemotePhase {
  private RemotePhase() {}

  /** The phase a remote capture puts its resource in. */
  public static CapturePhase of(Pcap pcap) {
    return switch (PcapStatus.fromWire(pcap.status())) {
      case PENDING, RUNNING, UNKNOWN -> CapturePhase.Running;
      case CONVERSION_PENDING, CONVERSION_RUNNING -> CapturePhase.Converting;
      case SUCCESS, COMPLETE ->
          pcap.stopRequested() == null || pcap.stopRequested().isEmpty()
              ? CapturePhase.Succeeded
              : CapturePhase.Stopped;
      case FAILED -> CapturePhase.Failed;
    };
  }

  /** The Ready reason that goes with a phase reached from the remote state. */
  public static ConditionReason reasonFor(CapturePhase phase) {
    return switch (phase) {
      case Pending -> ConditionReason.Pending;
      case Queued -> ConditionReason.Queued;
      case Submitting -> ConditionReason.Submitting;
      case Running -> ConditionReason.Running;
      case Converting -> ConditionReason.Converting;
      case Succeeded -> ConditionReason.Succeeded;
      case Stopped -> ConditionReason.Stopped;
      case Failed -> ConditionReason.Failed;
    };
  }

  /** A one-line account of the remote state, for the Ready condition's message. */
  public static String message(Pcap pcap, CapturePhase phase) {
    String packets =
        pcap.packetsCaptured() == null ? "" : ", " + pcap.packetsCaptured() + " packets";
    return switch (phase) {
      case Failed ->
          "capture "
              + pcap.id()
              + " failed: "
              + (pcap.errorMessage() == null || pcap.errorMessage().isEmpty()
                  ? "Cloudflare gave no reason"
                  : pcap.errorMessage());
      case Succeeded -> "capture " + pcap.id() + " succeeded" + packets;
      case Stopped -> "capture " + pcap.id() + " was stopped on request" + packets;
      default -> "capture " + pcap.id() + " is " + pcap.status() + packets;
    };
  }
}
