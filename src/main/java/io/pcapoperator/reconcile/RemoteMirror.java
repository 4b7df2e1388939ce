package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.cloudflare.Pcap;
import java.time.Instant;

/** Copies what Cloudflare reports of a capture into the resource's status. */
final class RemoteMirror {
  private RemoteMirror() {}

  /** Mirrors {@code pcap} into {@code status}; returns the phase it puts the resource in. */
  static CapturePhase apply(PacketCaptureStatus status, Pcap pcap, long generation, Instant now) {
    CapturePhase phase = RemotePhase.of(pcap);
    status.setId(pcap.id());
    status.setPhase(phase);
    status.setRemoteStatus(pcap.status());
    status.setSubmitted(pcap.submitted());
    status.setPacketsCaptured(pcap.packetsCaptured());
    status.setStopRequested(emptyToNull(pcap.stopRequested()));
    status.setErrorMessage(emptyToNull(pcap.errorMessage()));
    status.setSubmissionStarted(null);
    status.setObservedGeneration(generation);
    status.setLastSyncTime(Timestamps.formatPrecise(now));
    StatusConditions.set(
        status.getConditions(),
        phase == CapturePhase.Succeeded || phase == CapturePhase.Stopped,
        RemotePhase.reasonFor(phase),
        RemotePhase.message(pcap, phase),
        generation,
        now);
    return phase;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
