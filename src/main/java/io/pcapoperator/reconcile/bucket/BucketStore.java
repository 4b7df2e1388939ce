package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.reconcile.CredentialsReader;
import java.util.function.Consumer;

/**
 * The cluster as one PcapBucket reconciliation sees it: the status writes that land at once, and
 * the credentials Secret from the cache. It remembers the resource as last stored.
 */
interface BucketStore {

  /** The resource as last read or stored in this reconciliation. */
  PcapBucket current();

  /**
   * Applies {@code change} to the status and stores it at once, unless it changes nothing; returns
   * the resource as stored.
   *
   * @throws BucketGoneException when the resource no longer exists
   */
  PcapBucket writeStatus(PcapBucket resource, Consumer<PcapBucketStatus> change);

  /** Reads the Cloudflare credentials Secret that {@code bucket} names. */
  CredentialsReader.Result credentials(PcapBucket bucket);
}
