package io.pcapoperator.api.v1alpha1;

/** Where a bucket's ownership proof is, as the operator sees it. */
public enum BucketPhase {
  /** Accepted by the operator; the ownership record is not known yet. */
  Pending,
  /** The record exists; the contents of its challenge file are needed to validate it. */
  AwaitingChallenge,
  /** The challenge was sent; Cloudflare is checking it (five to ten minutes). */
  Validating,
  /** Cloudflare accepts full captures into the bucket. */
  Validated,
  /** Cloudflare failed the validation, or refused the record. */
  Failed
}
