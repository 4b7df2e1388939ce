package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapStatus;
import io.pcapoperator.cloudflare.PcapsApi;
import java.util.List;
import java.util.Optional;

/**
 * On deletion, stops a pending or running full capture unless the policy is Orphan. A stop that
 * keeps failing transiently is retried a few times; a deletion is never blocked forever: when the
 * stop cannot be made, a Warning Event says so and the capture runs to its own limits.
 */
final class CaptureStopper {
  private final PcapsApi api;
  private final FailureOutcomes failures;
  private final LostSubmissions lost;

  CaptureStopper(PcapsApi api, FailureOutcomes failures, LostSubmissions lost) {
    this.api = api;
    this.failures = failures;
    this.lost = lost;
  }

  /**
   * Stops the remote capture if the resource asks for it, then lets the resource go. A full capture
   * deleted while its create's outcome is unknown is looked up in the account's list, so that a
   * capture the operator made but never recorded is stopped too.
   */
  Outcome cleanup(PacketCapture capture, CaptureStore store) {
    boolean recorded = needsStop(capture);
    if (!recorded && !mayHaveLostCapture(capture)) {
      return released();
    }
    String id = recorded ? capture.remoteId() : "made by a lost create";
    var credentials = store.credentials(capture);
    if (credentials instanceof CredentialsReader.Missing missing) {
      return FailureOutcomes.stopFailed(id, missing.message());
    }
    Attempt attempt =
        new Attempt(capture, store, ((CredentialsReader.Found) credentials).credentials());
    try {
      if (!recorded) {
        List<Pcap> candidates = lost.candidates(capture, store, attempt.credentials());
        if (candidates.size() > 1) {
          return FailureOutcomes.stopFailed(id, candidates.size() + " remote captures match it");
        }
        if (candidates.isEmpty() || !running(candidates.get(0).status())) {
          return released();
        }
        id = candidates.get(0).id();
      }
      api.stop(attempt.credentials(), attempt.accountId(), id);
    } catch (CloudflareApiException e) {
      return failures.of(attempt, RemoteCall.STOP, id, e);
    }
    return new Outcome.Released(
        Optional.of(
            new Outcome.Note(
                Outcome.Severity.NORMAL, "Stopped", "stopped capture " + id + " on deletion")));
  }

  private static Outcome released() {
    return new Outcome.Released(Optional.empty());
  }

  /** A full capture to stop on deletion whose create may have made a capture never recorded. */
  private static boolean mayHaveLostCapture(PacketCapture capture) {
    return CaptureFinalizer.stopsOnDelete(capture) && capture.createOutcomeUnknown();
  }

  private static boolean needsStop(PacketCapture capture) {
    return CaptureFinalizer.stopsOnDelete(capture)
        && capture.remoteId() != null
        && running(capture.currentStatus().getRemoteStatus());
  }

  private static boolean running(String remoteStatus) {
    PcapStatus remote = PcapStatus.fromWire(remoteStatus);
    return remote == PcapStatus.PENDING || remote == PcapStatus.RUNNING;
  }
}
