package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.reconcile.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Brings a bucket in step with its ownership record: lists the account's records, takes the one it
 * holds, adopts one for the same destinationConf, settles a create whose answer was lost, or
 * creates one; then a validated record makes the bucket Validated and any other goes to {@link
 * UnvalidatedRecord}.
 */
final class BucketSync {
  private final PcapsApi api;
  private final BucketFailures failures;
  private final OwnershipCreator creator;
  private final UnvalidatedRecord unvalidated;
  private final Duration createGrace;
  private final ScaledClock clock;

  BucketSync(
      PcapsApi api,
      BucketFailures failures,
      OwnershipCreator creator,
      UnvalidatedRecord unvalidated,
      Duration createGrace,
      ScaledClock clock) {
    this.api = api;
    this.failures = failures;
    this.creator = creator;
    this.unvalidated = unvalidated;
    this.createGrace = createGrace;
    this.clock = clock;
  }

  BucketOutcome sync(BucketAttempt attempt) {
    List<Ownership> records;
    try {
      records = api.listOwnerships(attempt.credentials(), attempt.accountId());
    } catch (CloudflareApiException e) {
      return failures.of(attempt.bucket(), OwnershipCall.LIST, e);
    }
    failures.succeeded(attempt.uid());
    Optional<Ownership> found = OwnershipFinder.find(attempt.bucket(), records);
    if (found.isPresent()) {
      return withRecord(attempt, found.get());
    }
    PcapBucketStatus status = attempt.bucket().currentStatus();
    if (status.getOwnershipId() != null) {
      return BucketOutcome.progress(
              BucketPhase.Pending,
              BucketReason.Pending,
              "ownership record " + status.getOwnershipId() + " is gone at Cloudflare")
          .editing(RecordStates::forget)
          .noting(
              BucketOutcome.warning(
                  "OwnershipGone",
                  "ownership record "
                      + status.getOwnershipId()
                      + " is gone at Cloudflare; a new one will be made"))
          .after(createGrace);
    }
    Optional<Instant> createStarted = Timestamps.parse(status.getCreateStarted());
    Instant now = clock.instant();
    if (createStarted.isPresent() && now.isBefore(createStarted.get().plus(createGrace))) {
      return BucketOutcome.progress(
              BucketPhase.Pending,
              BucketReason.Pending,
              "confirming whether the last create made an ownership record")
          .after(Duration.between(now, createStarted.get().plus(createGrace)));
    }
    return creator.create(attempt);
  }

  /** Records {@code record} as the bucket's, then follows its remote status. */
  private BucketOutcome withRecord(BucketAttempt attempt, Ownership record) {
    PcapBucketStatus status = attempt.bucket().currentStatus();
    boolean newlyFound = !record.id().equals(status.getOwnershipId());
    boolean adopted = newlyFound ? status.getCreateStarted() == null : isTrue(status.getAdopted());
    BucketOutcome next =
        "success".equals(record.status())
            ? RecordStates.validated(record, clock)
            : unvalidated.decide(attempt, record);
    if (!(next instanceof BucketOutcome.Progress progress)) {
      return next;
    }
    BucketOutcome.Progress recorded =
        progress.editing(
            s -> {
              s.setOwnershipId(record.id());
              s.setFilename(record.filename());
              s.setAdopted(adopted);
              s.setCreateStarted(null);
            });
    if (!newlyFound) {
      return recorded;
    }
    return recorded.noting(
        adopted
            ? BucketOutcome.normal(
                "Adopted",
                "adopted ownership record "
                    + record.id()
                    + " ("
                    + record.status()
                    + ") for this bucket; it is kept on deletion unless spec.deletionPolicy is"
                    + " Delete")
            : BucketOutcome.normal(
                "Created",
                "found ownership record "
                    + record.id()
                    + ", made by a create whose answer was lost"));
  }

  private static boolean isTrue(Boolean value) {
    return Boolean.TRUE.equals(value);
  }
}
