package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.SubmittedRequest;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapRequest;
import io.pcapoperator.cloudflare.PcapsApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Finds the remote captures that a create of unknown outcome may have made: the account's captures
 * with the request recorded at submission, submitted after the attempt began (less clock skew), and
 * not recorded by another PacketCapture (looked up in the cache's index of remote ids). The account
 * scheduler admits no other create of the same account and type while this one is unsettled, so no
 * other create of the operator's can have made a candidate.
 */
final class LostSubmissions {
  /** Allowance for clock skew between the operator and Cloudflare when matching captures. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private final PcapsApi api;
  private final Clock clock;

  LostSubmissions(PcapsApi api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  /** The remote captures that {@code capture}'s lost create may have made. */
  List<Pcap> candidates(PacketCapture capture, CaptureStore store, Credentials credentials) {
    SubmittedRequest sent = RecordedRequest.of(capture).orElseThrow();
    PcapRequest request = CaptureRequests.toRequest(sent);
    Instant earliest = attemptStarted(capture).minus(CLOCK_SKEW);
    return api.list(credentials, sent.getAccountId()).stream()
        .filter(p -> CaptureRequests.sameRequest(request, p))
        .filter(p -> Timestamps.parse(p.submitted()).map(t -> !t.isBefore(earliest)).orElse(false))
        .filter(p -> !recordedByAnother(capture, store, p.id()))
        .toList();
  }

  /** When the create of unknown outcome began; now if the status does not say. */
  Instant attemptStarted(PacketCapture capture) {
    return Timestamps.parse(capture.currentStatus().getSubmissionStarted()).orElse(clock.instant());
  }

  /** Whether a PacketCapture other than {@code capture} has recorded {@code id}. */
  private static boolean recordedByAnother(PacketCapture capture, CaptureStore store, String id) {
    String uid = capture.getMetadata().getUid();
    return store.holdingId(id).stream()
        .anyMatch(other -> !uid.equals(other.getMetadata().getUid()));
  }
}
