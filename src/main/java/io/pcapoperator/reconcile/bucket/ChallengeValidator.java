package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.cloudflare.TerminalApiException;
import io.pcapoperator.reconcile.Timestamps;

/**
 * Sends a challenge to {@code POST /pcaps/ownership/validate}: accepted, the bucket is Validating
 * (or Validated at once); refused with a 400, the challenge is wrong and the user is told.
 */
final class ChallengeValidator {
  private final PcapsApi api;
  private final BucketFailures failures;
  private final ValidationPolls polls;
  private final ScaledClock clock;

  ChallengeValidator(
      PcapsApi api, BucketFailures failures, ValidationPolls polls, ScaledClock clock) {
    this.api = api;
    this.failures = failures;
    this.polls = polls;
    this.clock = clock;
  }

  /** Sends {@code challenge} for {@code record}. */
  BucketOutcome validate(BucketAttempt attempt, Ownership record, String challenge) {
    String hash = ChallengeHash.of(challenge);
    Ownership answer;
    try {
      answer =
          api.validateOwnership(
              attempt.credentials(),
              attempt.accountId(),
              attempt.destinationConf(),
              challenge.strip());
    } catch (TerminalApiException refused) {
      if (refused.httpStatus() == 400) {
        failures.succeeded(attempt.uid());
        return BucketFailures.wrongChallenge(record, hash, refused);
      }
      return failures.of(attempt.bucket(), OwnershipCall.VALIDATE, refused);
    } catch (CloudflareApiException e) {
      return failures.of(attempt.bucket(), OwnershipCall.VALIDATE, e);
    }
    failures.succeeded(attempt.uid());
    String sentAt = Timestamps.format(clock.instant());
    BucketOutcome.Progress sent =
        "success".equals(answer.status())
            ? RecordStates.validated(answer, clock)
            : BucketOutcome.progress(
                    BucketPhase.Validating,
                    BucketReason.Validating,
                    "sent the contents of "
                        + record.filename()
                        + "; Cloudflare takes five to ten minutes to validate them")
                .noting(
                    BucketOutcome.normal(
                        "ChallengeSent", "sent the contents of " + record.filename()))
                .after(polls.first());
    return sent.editing(
        s -> {
          s.setChallengeHash(hash);
          s.setValidationSentAt(sentAt);
        });
  }
}
