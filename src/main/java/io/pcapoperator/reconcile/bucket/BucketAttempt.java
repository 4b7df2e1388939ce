package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.cloudflare.Credentials;

/**
 * One reconciliation's work on a bucket: the resource as observed, where its writes go, and the
 * credentials read from its Secret.
 */
record BucketAttempt(PcapBucket bucket, BucketStore store, Credentials credentials) {

  String uid() {
    return bucket.getMetadata().getUid();
  }

  String accountId() {
    return bucket.getSpec().getAccountId();
  }

  String destinationConf() {
    return bucket.getSpec().getDestinationConf();
  }
}
