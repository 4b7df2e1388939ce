package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.reconciler.Context;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the remote captures that a create of unknown outcome may have made: the account's captures
 * with the same request, submitted after the attempt began (less clock skew), and not already
 * recorded by another PacketCapture.
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
  List<Pcap> candidates(
      PacketCapture capture, Context<PacketCapture> context, Credentials credentials) {
    SubmittedRequest sent = RecordedRequest.of(capture).orElseThrow();
    PcapRequest request = CaptureRequests.toRequest(sent);
    Instant earliest = attemptStarted(capture).minus(CLOCK_SKEW);
    Set<String> claimed = idsClaimedByOthers(capture, context);
    return api.list(credentials, sent.getAccountId()).stream()
        .filter(p -> CaptureRequests.sameRequest(request, p))
        .filter(p -> Timestamps.parse(p.submitted()).map(t -> !t.isBefore(earliest)).orElse(false))
        .filter(p -> !claimed.contains(p.id()))
        .toList();
  }

  /** When the create of unknown outcome began; now if the status does not say. */
  Instant attemptStarted(PacketCapture capture) {
    return Timestamps.parse(
            capture.getStatus() == null ? null : capture.getStatus().getSubmissionStarted())
        .orElse(clock.instant());
  }

  private static Set<String> idsClaimedByOthers(
      PacketCapture capture, Context<PacketCapture> context) {
    String uid = capture.getMetadata().getUid();
    return context
        .getPrimaryCache()
        .list(
            other ->
                !uid.equals(other.getMetadata().getUid())
                    && other.getStatus() != null
                    && other.getStatus().getId() != null)
        .map(other -> other.getStatus().getId())
        .collect(Collectors.toSet());
  }
}
