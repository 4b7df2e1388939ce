package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.BucketDeletionPolicy;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.reconcile.CredentialsReader;
import java.util.Optional;

/**
 * The finalizer's work: deletes the bucket's ownership record at Cloudflare unless the effective
 * deletion policy is Orphan (a record the operator adopted, by default). A record whose create
 * answer was lost is first found in the list. When the record cannot be deleted (no credentials, a
 * refusal, or failures past the retries) the resource goes with a Warning naming the record.
 */
final class OwnershipDeleter {
  private final PcapsApi api;
  private final BucketFailures failures;

  OwnershipDeleter(PcapsApi api, BucketFailures failures) {
    this.api = api;
    this.failures = failures;
  }

  BucketOutcome cleanup(PcapBucket bucket, BucketStore store) {
    PcapBucketStatus status = bucket.currentStatus();
    String id = status.getOwnershipId();
    if (id == null && status.getCreateStarted() == null) {
      return released();
    }
    if (bucket.effectiveDeletionPolicy() == BucketDeletionPolicy.Orphan) {
      return new BucketOutcome.Released(
          Optional.of(
              BucketOutcome.normal(
                  "Orphaned",
                  "kept ownership record "
                      + (id == null ? "of " + bucket.getSpec().getDestinationConf() : id)
                      + " at Cloudflare (deletion policy Orphan)")));
    }
    CredentialsReader.Result read = store.credentials(bucket);
    if (read instanceof CredentialsReader.Missing missing) {
      return new BucketOutcome.Released(
          Optional.of(
              BucketOutcome.warning(
                  "DeleteFailed",
                  "could not delete the ownership record ("
                      + missing.message()
                      + "); delete it at Cloudflare")));
    }
    Credentials credentials = ((CredentialsReader.Found) read).credentials();
    String account = bucket.getSpec().getAccountId();
    try {
      String target = id != null ? id : lostCreate(bucket, credentials).orElse(null);
      if (target == null) {
        return released();
      }
      api.deleteOwnership(credentials, account, target);
      failures.succeeded(bucket.getMetadata().getUid());
      return new BucketOutcome.Released(
          Optional.of(
              BucketOutcome.normal(
                  "Deleted", "deleted ownership record " + target + " at Cloudflare")));
    } catch (CloudflareApiException e) {
      return failures.of(bucket, OwnershipCall.DELETE, e);
    }
  }

  /** The record a create whose answer was lost made, if the list shows one. */
  private Optional<String> lostCreate(PcapBucket bucket, Credentials credentials) {
    return OwnershipFinder.find(
            bucket, api.listOwnerships(credentials, bucket.getSpec().getAccountId()))
        .map(Ownership::id);
  }

  private static BucketOutcome released() {
    return new BucketOutcome.Released(Optional.empty());
  }
}
