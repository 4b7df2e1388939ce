package io.pcapoperator.reconcile;

/** How the operator makes sure a full capture's bucket may receive its files before sending it. */
public enum BucketValidation {
  /** A PcapBucket for the account and destinationConf must be Validated (the default). */
  PcapBucket,
  /**
   * Cloudflare's list of ownerships must show the bucket validated: for buckets validated outside
   * Kubernetes.
   */
  Cloudflare,
  /** No check: the capture is sent, and Cloudflare refuses it if the bucket is not validated. */
  None
}
