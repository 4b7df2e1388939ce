package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.cloudflare.Ownership;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a bucket's record in the account's list: the one whose id the status holds, else one for
 * the same destinationConf (a validated one first, then a pending one, then the newest), which is
 * how a record made by a create whose answer was lost, or made outside Kubernetes, is found.
 */
final class OwnershipFinder {
  private static final Map<String, Integer> PREFERENCE =
      Map.of("success", 0, "pending", 1, "failed", 2);

  private OwnershipFinder() {}

  static Optional<Ownership> find(PcapBucket bucket, List<Ownership> records) {
    String id = bucket.currentStatus().getOwnershipId();
    if (id != null) {
      Optional<Ownership> held = records.stream().filter(o -> id.equals(o.id())).findFirst();
      if (held.isPresent()) {
        return held;
      }
    }
    String destination = bucket.getSpec().getDestinationConf();
    return records.stream()
        .filter(o -> destination.equals(o.destinationConf()))
        .min(
            Comparator.comparing((Ownership o) -> PREFERENCE.getOrDefault(o.status(), 3))
                .thenComparing(
                    o -> o.submitted() == null ? "" : o.submitted(), Comparator.reverseOrder()));
  }
}
