package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How many PacketCaptures this operator holds in each phase, for metrics. */
public final class PhaseCensus {
  private final Map<String, CapturePhase> phases = new ConcurrentHashMap<>();

  /** Records the phase a resource was last written with. */
  void record(String uid, CapturePhase phase) {
    if (uid != null && phase != null) {
      phases.put(uid, phase);
    }
  }

  /** Forgets a resource that is gone. */
  void forget(String uid) {
    if (uid != null) {
      phases.remove(uid);
    }
  }

  /** How many resources are in {@code phase}. */
  public long count(CapturePhase phase) {
    return phases.values().stream().filter(p -> p == phase).count();
  }
}
