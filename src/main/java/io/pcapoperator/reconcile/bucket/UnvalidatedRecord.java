package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.reconcile.Timestamps;
import java.time.Duration;
import java.time.Instant;

/**
 * What a record that is pending or failed calls for. The challenge is sent once per value: a value
 * Cloudflare refused waits for a new one (WrongChallenge); one it accepted is read on the poll
 * schedule while Cloudflare validates; one whose validation failed is sent again after {@code
 * failedRetry}, or a new value at once.
 */
final class UnvalidatedRecord {
  private final ChallengeSource source;
  private final ChallengeValidator validator;
  private final ValidationPolls polls;
  private final Duration failedRetry;
  private final ScaledClock clock;

  UnvalidatedRecord(
      ChallengeSource source,
      ChallengeValidator validator,
      ValidationPolls polls,
      Duration failedRetry,
      ScaledClock clock) {
    this.source = source;
    this.validator = validator;
    this.polls = polls;
    this.failedRetry = failedRetry;
    this.clock = clock;
  }

  BucketOutcome decide(BucketAttempt attempt, Ownership record) {
    boolean failed = "failed".equals(record.status());
    ChallengeReader.Result challenge = source.challenge(attempt.bucket(), record.filename());
    if (challenge instanceof ChallengeReader.Unavailable unavailable) {
      if (failed) {
        return failedOutcome(record, unavailable.message());
      }
      BucketOutcome.Progress waiting =
          BucketOutcome.progress(
              BucketPhase.AwaitingChallenge, BucketReason.AwaitingChallenge, unavailable.message());
      // A file the operator reads from the bucket may appear there later: look again.
      return readsTheBucket(attempt)
          ? waiting.after(polls.next(clock.instant(), clock.instant()))
          : waiting;
    }
    String contents = ((ChallengeReader.Found) challenge).contents();
    PcapBucketStatus status = attempt.bucket().currentStatus();
    if (!ChallengeHash.of(contents).equals(status.getChallengeHash())) {
      return validator.validate(attempt, record, contents);
    }
    Instant sentAt = Timestamps.parse(status.getValidationSentAt()).orElse(null);
    if (sentAt == null) {
      return BucketOutcome.progress(
          BucketPhase.AwaitingChallenge, BucketReason.WrongChallenge, status.getMessage());
    }
    Instant now = clock.instant();
    if (!failed) {
      return BucketOutcome.progress(
              BucketPhase.Validating,
              BucketReason.Validating,
              "sent the contents of "
                  + record.filename()
                  + "; Cloudflare takes five to ten minutes to validate them")
          .after(polls.next(sentAt, now));
    }
    Instant retryAt = sentAt.plus(failedRetry);
    if (!now.isBefore(retryAt)) {
      return validator.validate(attempt, record, contents);
    }
    return failedOutcome(
            record,
            "it is sent again at "
                + Timestamps.format(retryAt)
                + ", or at once when spec.challenge.value changes")
        .after(Duration.between(now, retryAt));
  }

  private static BucketOutcome.Progress failedOutcome(Ownership record, String next) {
    return BucketOutcome.progress(
        BucketPhase.Failed,
        BucketReason.ValidationFailed,
        "Cloudflare could not validate the contents of " + record.filename() + "; " + next);
  }

  private static boolean readsTheBucket(BucketAttempt attempt) {
    var challenge = attempt.bucket().getSpec().getChallenge();
    return challenge != null && challenge.getS3() != null;
  }
}
