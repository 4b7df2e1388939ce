package io.pcapoperator.reconcile;

import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapsApi;
import java.util.Optional;

/** Reads a submitted capture from Cloudflare, so that it is mirrored until it is terminal. */
final class CaptureSync {
  private final PcapsApi api;
  private final FailureOutcomes failures;

  CaptureSync(PcapsApi api, FailureOutcomes failures) {
    this.api = api;
    this.failures = failures;
  }

  /** Reads the capture whose id is in the status: what it is now, or what its failure means. */
  Outcome sync(Attempt observed) {
    Attempt attempt = observed.with(CaptureFinalizer.ensure(observed.resource(), observed.store()));
    String id = attempt.resource().remoteId();
    Pcap pcap;
    try {
      pcap = api.get(attempt.credentials(), attempt.accountId(), id);
    } catch (CloudflareApiException e) {
      return failures.of(attempt, RemoteCall.READ, id, e);
    }
    return new Outcome.Learned(pcap, Optional.empty());
  }
}
