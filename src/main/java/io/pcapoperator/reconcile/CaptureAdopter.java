package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapsApi;
import java.util.Optional;

/**
 * Adopts the existing capture that {@code spec.captureId} names, making none: it must exist in the
 * account and be held by no other PacketCapture. Its id, and the request Cloudflare describes, are
 * recorded at once; from then on it is read and mirrored like a capture the operator made.
 */
final class CaptureAdopter {
  private final PcapsApi api;
  private final FailureOutcomes failures;

  CaptureAdopter(PcapsApi api, FailureOutcomes failures) {
    this.api = api;
    this.failures = failures;
  }

  /** Reads the named capture and records it, or says why it cannot be adopted. */
  Outcome adopt(Attempt attempt) {
    PacketCapture capture = attempt.resource();
    String id = capture.getSpec().getCaptureId();
    String account = capture.getSpec().getAccountId();
    Optional<PacketCapture> holder =
        attempt.store().holdingId(id).stream()
            .filter(other -> !other.getMetadata().getUid().equals(attempt.uid()))
            .findFirst();
    if (holder.isPresent()) {
      return Outcome.notReady(
          CapturePhase.Failed,
          ConditionReason.CaptureIdInUse,
          "spec.captureId: capture "
              + id
              + " is already held by PacketCapture "
              + holder.get().getMetadata().getNamespace()
              + "/"
              + holder.get().getMetadata().getName(),
          Outcome.Severity.WARNING);
    }
    Pcap remote;
    try {
      remote = api.get(attempt.credentials(), account, id);
    } catch (CloudflareApiException e) {
      return failures.of(attempt, RemoteCall.ADOPT, id, e);
    }
    PacketCapture recorded =
        attempt
            .store()
            .writeStatus(
                capture,
                s -> {
                  s.setId(id);
                  s.setAdopted(true);
                  s.setRequest(CaptureRequests.fromRemote(account, remote));
                });
    CaptureFinalizer.ensure(recorded, attempt.store());
    return new Outcome.Learned(
        remote,
        Optional.of(
            new Outcome.Note(
                Outcome.Severity.NORMAL,
                "Adopted",
                "adopted capture " + id + " named by spec.captureId; nothing was created")));
  }
}
