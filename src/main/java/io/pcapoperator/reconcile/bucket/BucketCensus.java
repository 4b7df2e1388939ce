package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.BucketPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How many PcapBuckets this operator holds in each phase, for metrics. */
public final class BucketCensus {
  private final Map<String, BucketPhase> phases = new ConcurrentHashMap<>();

  /** Records the phase a bucket was last written with. */
  void record(String uid, BucketPhase phase) {
    if (uid != null && phase != null) {
      phases.put(uid, phase);
    }
  }

  /** Forgets a bucket that is gone. */
  void forget(String uid) {
    if (uid != null) {
      phases.remove(uid);
    }
  }

  /** How many buckets are in {@code phase}. */
  public long count(BucketPhase phase) {
    return phases.values().stream().filter(p -> p == phase).count();
  }
}
