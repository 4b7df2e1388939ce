package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapsApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Settles a create whose outcome is unknown (phase Submitting with no id), so that a lost answer or
 * a crash never makes a second capture: adopts the matching remote capture, waits out the grace
 * period while none shows up, or asks the user to choose when several match.
 */
final class SubmissionRecovery {
  /** Annotation a user sets to the right remote id when several captures match a lost create. */
  static final String ADOPT_ANNOTATION = "pcap-operator.io/adopt-id";

  private final PcapsApi api;
  private final FailureOutcomes failures;
  private final AccountScheduler scheduler;
  private final LostSubmissions lost;
  private final Clock clock;
  private final ReconcilerSettings settings;

  SubmissionRecovery(
      PcapsApi api,
      FailureOutcomes failures,
      AccountScheduler scheduler,
      Clock clock,
      ReconcilerSettings settings) {
    this.api = api;
    this.failures = failures;
    this.scheduler = scheduler;
    this.lost = new LostSubmissions(api, clock);
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * What became of the create; empty when the grace period shows it made nothing, and the capture
   * is to be submitted anew.
   */
  Optional<Outcome> settle(Attempt observed) {
    PacketCapture finalized = CaptureFinalizer.ensure(observed.resource(), observed.store());
    if (!CaptureFinalizer.mayCallRemote(finalized)) {
      return Optional.of(Outcome.done());
    }
    Attempt attempt = observed.with(finalized);
    try {
      Optional<Outcome> found = lookUp(attempt);
      if (found.isPresent()) {
        return found;
      }
    } catch (CloudflareApiException e) {
      scheduler.createFailed(finalized, e, clock.instant());
      return Optional.of(failures.of(attempt, RemoteCall.SETTLE, null, e));
    }
    Duration sinceStart = Duration.between(lost.attemptStarted(finalized), clock.instant());
    if (sinceStart.compareTo(settings.submissionGrace()) < 0) {
      return Optional.of(Outcome.waitFor(settings.submissionGrace().minus(sinceStart)));
    }
    return Optional.empty();
  }

  /** The capture the user pinned, or the one in the account's list; empty when there is none. */
  private Optional<Outcome> lookUp(Attempt attempt) {
    PacketCapture capture = attempt.resource();
    Map<String, String> annotations = capture.getMetadata().getAnnotations();
    String pinned = annotations == null ? null : annotations.get(ADOPT_ANNOTATION);
    if (pinned != null && !pinned.isBlank()) {
      Pcap chosen = api.get(attempt.credentials(), attempt.accountId(), pinned.strip());
      return Optional.of(adopted(capture, chosen, "adopted capture " + chosen.id() + " as pinned"));
    }
    if (!sameRequestAsSent(capture)) {
      return Optional.of(
          ambiguous(
              "the spec no longer makes the request whose answer was lost (fingerprint "
                  + capture.getStatus().getSubmissionHash()
                  + "); no capture is adopted by its fields: set the annotation "
                  + ADOPT_ANNOTATION
                  + " to the capture that was made"));
    }
    List<Pcap> candidates = lost.candidates(capture, attempt.store(), attempt.credentials());
    if (candidates.size() == 1) {
      Pcap only = candidates.get(0);
      return Optional.of(
          adopted(capture, only, "adopted capture " + only.id() + " after a lost create"));
    }
    if (candidates.size() > 1) {
      return Optional.of(
          ambiguous(
              candidates.size()
                  + " remote captures match a create whose answer was lost: "
                  + candidates.stream().map(Pcap::id).collect(Collectors.joining(", "))
                  + "; set the annotation "
                  + ADOPT_ANNOTATION
                  + " to the right one"));
    }
    return Optional.empty();
  }

  /**
   * Whether the request that adoption would match is the one whose answer was lost: always, when
   * the request itself was recorded; else by the fingerprint recorded before it was sent (a status
   * written before fingerprints were recorded has none, and the spec is then taken as sent).
   */
  private boolean sameRequestAsSent(PacketCapture capture) {
    String sent = capture.getStatus().getSubmissionHash();
    return RecordedRequest.recorded(capture).isPresent()
        || sent == null
        || sent.equals(
            CaptureRequests.fingerprint(
                CaptureRequests.toRequest(
                    CaptureRequests.toSubmitted(
                        capture.getSpec(),
                        capture.getStatus().getRequestedAt(),
                        lost.attemptStarted(capture)))));
  }

  private Outcome adopted(PacketCapture capture, Pcap pcap, String message) {
    scheduler.answered(capture, Timestamps.parse(pcap.submitted()));
    return new Outcome.Learned(
        pcap, Optional.of(new Outcome.Note(Outcome.Severity.NORMAL, "Adopted", message)));
  }

  private Outcome ambiguous(String message) {
    return Outcome.notReady(
            CapturePhase.Submitting,
            ConditionReason.AmbiguousSubmission,
            message,
            Outcome.Severity.WARNING)
        .after(settings.ambiguousRetry());
  }
}
