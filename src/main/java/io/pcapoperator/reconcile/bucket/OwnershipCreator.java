package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.reconcile.Timestamps;
import java.time.Duration;

/**
 * Creates a bucket's ownership record, exactly once: the mark {@code status.createStarted} is
 * stored before the request goes, so that a create whose answer is lost is settled from the list
 * before another is sent; the record's id is written as soon as the answer comes. The next
 * reconciliation, at once, takes the new record from there.
 */
final class OwnershipCreator {
  private final PcapsApi api;
  private final BucketFailures failures;
  private final ScaledClock clock;

  OwnershipCreator(PcapsApi api, BucketFailures failures, ScaledClock clock) {
    this.api = api;
    this.failures = failures;
    this.clock = clock;
  }

  BucketOutcome create(BucketAttempt attempt) {
    String started = Timestamps.format(clock.instant());
    attempt
        .store()
        .writeStatus(
            attempt.bucket(),
            s -> {
              RecordStates.forget(s);
              s.setCreateStarted(started);
            });
    Ownership created;
    try {
      created =
          api.createOwnership(
              attempt.credentials(), attempt.accountId(), attempt.destinationConf());
    } catch (CloudflareApiException e) {
      return failures.of(attempt.store().current(), OwnershipCall.CREATE, e);
    }
    failures.succeeded(attempt.uid());
    return BucketOutcome.progress(
            BucketPhase.Pending,
            BucketReason.Pending,
            "created ownership record "
                + created.id()
                + "; Cloudflare writes "
                + created.filename()
                + " into the bucket")
        .editing(
            s -> {
              s.setOwnershipId(created.id());
              s.setFilename(created.filename());
              s.setAdopted(false);
              s.setCreateStarted(null);
            })
        .noting(
            BucketOutcome.normal(
                "Created",
                "created ownership record "
                    + created.id()
                    + "; Cloudflare writes "
                    + created.filename()
                    + " into the bucket"))
        .after(Duration.ZERO);
  }
}
