package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.cloudflare.AuthenticationException;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.TerminalApiException;
import io.pcapoperator.cloudflare.budget.BudgetHeldException;
import io.pcapoperator.reconcile.FailureBackoff;
import java.time.Duration;
import java.util.Optional;

/**
 * The one mapping from a failed ownership call to an outcome. A call the request budget held back
 * waits with no warning; rejected credentials and transient failures back off per bucket (never
 * sooner than the server's {@code retry-after}); a refusal is final until the spec changes; a
 * refused challenge waits for a new one. A create that made nothing clears its mark, so that the
 * next attempt creates anew; one that may have made a record keeps it, to be settled from the list.
 * A failing delete is retried a few times, then the resource goes with a Warning.
 */
final class BucketFailures {
  private final FailureBackoff transients;
  private final FailureBackoff rejections;
  private final int deleteAttempts;

  BucketFailures(BucketSettings settings) {
    this.transients =
        new FailureBackoff(settings.transientBackoffBase(), settings.transientBackoffMax());
    this.rejections =
        new FailureBackoff(settings.credentialsBackoffBase(), settings.credentialsBackoffMax());
    this.deleteAttempts = settings.deleteAttempts();
  }

  /** What {@code failure} of {@code call} means for {@code bucket}. */
  BucketOutcome of(PcapBucket bucket, OwnershipCall call, CloudflareApiException failure) {
    if (call == OwnershipCall.DELETE) {
      return deleteFailed(bucket, failure);
    }
    BucketOutcome outcome = kept(bucket, call, failure);
    if (call == OwnershipCall.CREATE
        && OwnershipCall.madeNothing(failure)
        && outcome instanceof BucketOutcome.Progress progress) {
      return progress.editing(s -> s.setCreateStarted(null));
    }
    return outcome;
  }

  /** Cloudflare refused the challenge {@code hash} names: the user must supply the right one. */
  static BucketOutcome.Progress wrongChallenge(
      Ownership record, String hash, TerminalApiException refusal) {
    return BucketOutcome.progress(
            BucketPhase.AwaitingChallenge,
            BucketReason.WrongChallenge,
            "Cloudflare refused spec.challenge.value ("
                + refusal.apiMessage()
                + "): put the exact contents of "
                + record.filename()
                + " from the bucket there")
        .editing(
            s -> {
              s.setChallengeHash(hash);
              s.setValidationSentAt(null);
            });
  }

  /** Forgets earlier failures of the bucket {@code uid} once a call succeeds or it is gone. */
  void succeeded(String uid) {
    transients.reset(uid);
    rejections.reset(uid);
  }

  private BucketOutcome kept(PcapBucket bucket, OwnershipCall call, CloudflareApiException e) {
    if (e instanceof BudgetHeldException held) {
      return call == OwnershipCall.CREATE
          ? stay(bucket, BucketReason.Pending, "waiting for this credential's request budget")
              .after(held.held())
          : new BucketOutcome.Wait(Optional.of(held.held()));
    }
    String uid = bucket.getMetadata().getUid();
    if (e instanceof AuthenticationException) {
      return stay(
              bucket,
              BucketReason.AuthenticationFailed,
              "Cloudflare rejected the credentials: " + e.apiMessage())
          .after(rejections.next(uid));
    }
    if (e instanceof TerminalApiException refused) {
      return BucketOutcome.progress(
          BucketPhase.Failed,
          BucketReason.RemoteRejected,
          switch (call) {
                case CREATE -> "Cloudflare refused the ownership record: ";
                case VALIDATE -> "Cloudflare refused the validation: ";
                default -> "Cloudflare refused to list the account's ownership records: ";
              }
              + refused.apiMessage());
    }
    Duration wait = transients.next(uid);
    Optional<Duration> asked = ((RetryableApiException) e).retryAfter();
    if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
      wait = asked.get();
    }
    return stay(
            bucket,
            BucketReason.RemoteUnavailable,
            "Cloudflare is unavailable (" + e.apiMessage() + "); retrying")
        .after(wait);
  }

  private BucketOutcome deleteFailed(PcapBucket bucket, CloudflareApiException e) {
    String id = bucket.currentStatus().getOwnershipId();
    String record =
        id != null ? id : "of " + bucket.getSpec().getDestinationConf() + " (id unknown)";
    if (e instanceof BudgetHeldException held) {
      return new BucketOutcome.Wait(Optional.of(held.held()));
    }
    if (e instanceof TerminalApiException && e.httpStatus() == 404) {
      return new BucketOutcome.Released(Optional.empty());
    }
    String uid = bucket.getMetadata().getUid();
    if (e instanceof RetryableApiException && transients.failures(uid) + 1 < deleteAttempts) {
      return new BucketOutcome.Wait(Optional.of(transients.next(uid)));
    }
    return new BucketOutcome.Released(
        Optional.of(
            BucketOutcome.warning(
                "DeleteFailed",
                "could not delete ownership record "
                    + record
                    + " ("
                    + e.apiMessage()
                    + "); delete it at Cloudflare")));
  }

  /** The bucket keeps its phase (Pending before it has one) with another reason. */
  private static BucketOutcome.Progress stay(
      PcapBucket bucket, BucketReason reason, String message) {
    PcapBucketStatus status = bucket.currentStatus();
    BucketPhase phase = status.getPhase() == null ? BucketPhase.Pending : status.getPhase();
    return BucketOutcome.progress(phase, reason, message);
  }
}
