package io.pcapoperator.api.v1alpha1;

/** What happens to the ownership record at Cloudflare when its PcapBucket is deleted. */
public enum BucketDeletionPolicy {
  /** Delete the ownership record before the resource goes. */
  Delete,
  /** Leave the ownership record at Cloudflare. */
  Orphan
}
